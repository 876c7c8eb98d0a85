import type { ReactNode } from 'react';
import { FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import { Section } from './Section.tsx';

type ListSectionProps = {
  /** The id of the section's heading, which names the section and, unless listLabel is given, the list. */
  id: string;
  heading: MessageDescriptor;
  /** How many items the list has; with none, the empty sentence stands in its place. */
  count: number;
  /** The sentence that stands in for an empty list. */
  empty: MessageDescriptor;
  /** card-list, item-list or timeline. */
  listClassName: string;
  /** A numbered list, where the order means something (newest first, a timeline). */
  ordered?: boolean;
  /** A name for the list that says more than the heading, such as its order. */
  listLabel?: MessageDescriptor;
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
  const intl = useIntl();
  const List = ordered ? 'ol' : 'ul';
  return (
    <Section id={id} heading={heading}>
      {count === 0 ? (
        <p>
          <FormattedMessage {...empty} />
        </p>
      ) : (
        <List
          className={listClassName}
          aria-label={listLabel ? intl.formatMessage(listLabel) : undefined}
          aria-labelledby={listLabel ? undefined : id}
        >
          {children}
        </List>
      )}
    </Section>
  );
}
