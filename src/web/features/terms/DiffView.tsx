import type { TermsDiff } from './types.ts';
import { fieldLabel } from './fields.ts';

function show(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (value === null || (Array.isArray(value) && value.length === 0)) return '(none)';
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (typeof value === 'string') return value || '(empty)';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

type Props = { diff: TermsDiff; fromLabel: string; toLabel: string; headingLevel?: 2 | 3 };

/**
 * What changed: the fields as a readable list, then the lines of the document
 * marked "Added" or "Removed" in words, not only in colour.
 */
export function DiffView({ diff, fromLabel, toLabel, headingLevel = 2 }: Props) {
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const changed = diff.lines.filter((l) => l.kind !== 'same');
  // A rule switched on or off (a lapse of membership) is listed by its own
  // fields; the rule as a whole reads "(none)" on both sides, and says nothing.
  const fields = diff.fields.filter((f) => show(f.before) !== show(f.after));
  return (
    <div className="terms-diff">
      <H>Changed settings</H>
      {fields.length === 0 ? (
        <p>
          Nothing has changed between {fromLabel} and {toLabel}.
        </p>
      ) : (
        <ul className="terms-changes" aria-label="Changed settings">
          {fields.map((field) => (
            <li key={field.path}>
              <strong>{fieldLabel(field.path)}</strong>: {show(field.before)} (in {fromLabel})
              becomes {show(field.after)} (in {toLabel})
            </li>
          ))}
        </ul>
      )}
      <H>Changed text</H>
      {changed.length === 0 ? (
        <p>The text is the same.</p>
      ) : (
        <ul className="terms-lines" aria-label="Changed text">
          {changed.map((line, i) =>
            line.kind === 'added' ? (
              <li key={i} className="terms-line-added">
                <ins>
                  <span className="terms-line-kind">Added: </span>
                  {line.line}
                </ins>
              </li>
            ) : (
              <li key={i} className="terms-line-removed">
                <del>
                  <span className="terms-line-kind">Removed: </span>
                  {line.line}
                </del>
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}
