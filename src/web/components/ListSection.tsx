import type { ReactNode } from 'react';

type ListSectionProps = {
  /** The id of the section's heading, which names the section and, unless listLabel is given, the list. */
  id: string;
  heading: ReactNode;
  /** How many items the list has; with none, the empty sentence stands in its place. */
  count: number;
  empty: ReactNode;
  /** card-list, item-list or timeline. */
  listClassName: string;
  /** A numbered list, where the order means something (newest first, a timeline). */
  ordered?: boolean;
  /** A name for the list that says more than the heading, such as its order. */
  listLabel?: string;
  /** The list items. */
  children: ReactNode;
};

/** A section of a page that is a heading and a list, or a sentence saying the list is empty. */
export function ListSection({
  id,
  heading,
  count,
  empty,
  listClassName,
  ordered = false,
  listLabel,
  children,
}: ListSectionProps) {
  const List = ordered ? 'ol' : 'ul';
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>{heading}</h2>
      {count === 0 ? (
        <p>{empty}</p>
      ) : (
        <List
          className={listClassName}
          aria-label={listLabel}
          aria-labelledby={listLabel ? undefined : id}
        >
          {children}
        </List>
      )}
    </section>
  );
}
