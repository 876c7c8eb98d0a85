import type { ReactNode } from 'react';
import { FormattedMessage, type MessageDescriptor } from 'react-intl';

type SectionProps = {
  /** The id of the section's heading, which names the section. */
  id: string;
  heading: MessageDescriptor;
  /** Class names of the section; "section" unless given. */
  className?: string;
  children?: ReactNode;
};

/** A part of a page under its own h2, named by that heading for assistive technology. */
export function Section({ id, heading, className = 'section', children }: SectionProps) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id}>
        <FormattedMessage {...heading} />
      </h2>
      {children}
    </section>
  );
}
