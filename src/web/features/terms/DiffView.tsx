import type { ReactNode } from 'react';
import { defineMessages, FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { TermsDiff } from './types.ts';
import { fieldLabel } from './fields.ts';

const VALUES = defineMessages({
  notSet: { id: 'terms.diff.notSet', defaultMessage: '(not set)' },
  none: { id: 'terms.diff.none', defaultMessage: '(none)' },
  yes: { id: 'terms.diff.yes', defaultMessage: 'Yes' },
  no: { id: 'terms.diff.no', defaultMessage: 'No' },
  empty: { id: 'terms.diff.empty', defaultMessage: '(empty)' },
});

function show(value: unknown, intl: IntlShape): string {
  if (value === undefined) return intl.formatMessage(VALUES.notSet);
  if (value === null || (Array.isArray(value) && value.length === 0))
    return intl.formatMessage(VALUES.none);
  if (value === true) return intl.formatMessage(VALUES.yes);
  if (value === false) return intl.formatMessage(VALUES.no);
  if (typeof value === 'string') return value || intl.formatMessage(VALUES.empty);
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** "Added:" or "Removed:" in words, before a line. */
const kind = (chunks: ReactNode[]) => <span className="terms-line-kind">{chunks}</span>;

type Props = { diff: TermsDiff; fromLabel: string; toLabel: string; headingLevel?: 2 | 3 };

/**
 * What changed: the fields as a readable list, then the lines of the document
 * marked "Added" or "Removed" in words, not only in colour.
 */
export function DiffView({ diff, fromLabel, toLabel, headingLevel = 2 }: Props) {
  const intl = useIntl();
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const changed = diff.lines.filter((l) => l.kind !== 'same');
  // A rule switched on or off (a lapse of membership) is listed by its own
  // fields; the rule as a whole reads "(none)" on both sides, and says nothing.
  const fields = diff.fields.filter((f) => show(f.before, intl) !== show(f.after, intl));
  const settings = intl.formatMessage({
    id: 'terms.diff.settings',
    defaultMessage: 'Changed settings',
  });
  const text = intl.formatMessage({ id: 'terms.diff.text', defaultMessage: 'Changed text' });
  return (
    <div className="terms-diff">
      <H>{settings}</H>
      {fields.length === 0 ? (
        <p>
          <FormattedMessage
            id="terms.diff.nothing"
            defaultMessage="Nothing has changed between {from} and {to}."
            values={{ from: fromLabel, to: toLabel }}
          />
        </p>
      ) : (
        <ul className="terms-changes" aria-label={settings}>
          {fields.map((field) => (
            <li key={field.path}>
              <FormattedMessage
                id="terms.diff.change"
                defaultMessage="<b>{field}</b>: {before} (in {from}) becomes {after} (in {to})"
                values={{
                  b: (chunks) => <strong>{chunks}</strong>,
                  field: fieldLabel(field.path, intl),
                  before: show(field.before, intl),
                  after: show(field.after, intl),
                  from: fromLabel,
                  to: toLabel,
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <H>{text}</H>
      {changed.length === 0 ? (
        <p>
          <FormattedMessage id="terms.diff.sameText" defaultMessage="The text is the same." />
        </p>
      ) : (
        <ul className="terms-lines" aria-label={text}>
          {changed.map((line, i) =>
            line.kind === 'added' ? (
              <li key={i} className="terms-line-added">
                <ins>
                  <FormattedMessage
                    id="terms.diff.added"
                    defaultMessage="<kind>Added:</kind> {line}"
                    values={{ kind, line: line.line }}
                  />
                </ins>
              </li>
            ) : (
              <li key={i} className="terms-line-removed">
                <del>
                  <FormattedMessage
                    id="terms.diff.removed"
                    defaultMessage="<kind>Removed:</kind> {line}"
                    values={{ kind, line: line.line }}
                  />
                </del>
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}
