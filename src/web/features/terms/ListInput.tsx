import { useContext, useEffect, useRef, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { EditorContext, ErrorPrefix, errorAt, getAt } from './editor.tsx';
import { fieldLabel, inputId } from './fields.ts';

type ListProps = {
  path: string;
  legend: string;
  hint?: ReactNode;
  /** The button that adds a row, such as "Add a working group". */
  addLabel: string;
  /** The button that removes row i, such as "Remove working group 1". */
  removeLabel: (i: number) => string;
  /** A new, empty row. */
  blank: () => unknown;
  /** The fields of row i. */
  children: (i: number) => ReactNode;
};

/**
 * A list the chair adds rows to and removes rows from. A problem with the
 * list as a whole (too many rows, or none) shows at its top, and focus
 * follows the change: to the first field of a new row, or to the list after
 * a row goes.
 */
export function ListInput({
  path,
  legend,
  hint,
  addLabel,
  removeLabel,
  blank,
  children,
}: ListProps) {
  const intl = useIntl();
  const { doc, errors, change } = useContext(EditorContext);
  const value = getAt(doc, path);
  const rows: unknown[] = Array.isArray(value) ? value : [];
  const id = inputId(path);
  const error = errorAt(errors, path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const list = useRef<HTMLFieldSetElement>(null);
  const focusAfter = useRef<'list' | number | null>(null);

  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === 'list') list.current?.focus();
    else if (target !== null) {
      const row = list.current?.querySelectorAll(':scope > .terms-row')[target];
      row?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    }
  }, [rows.length]);

  return (
    <fieldset
      ref={list}
      id={id}
      tabIndex={-1}
      className={error ? 'fieldset field-has-error' : 'fieldset'}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="label">{legend}</legend>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="error-message">
          <ErrorPrefix />
          {fieldLabel(path, intl)} {error}
        </p>
      ) : null}
      {rows.map((_, i) => (
        <div className="terms-row" key={i}>
          {children(i)}
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              focusAfter.current = 'list';
              change(
                path,
                rows.filter((__, j) => j !== i),
              );
            }}
          >
            {removeLabel(i)}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          focusAfter.current = rows.length;
          change(path, [...rows, blank()]);
        }}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}
