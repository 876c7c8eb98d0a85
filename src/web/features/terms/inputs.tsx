/**
 * The inputs of the draft editor: each reads its field from the draft in the
 * editor's context, shows the field's problems, and changes the draft there.
 */
import { useContext, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { FieldShell } from '../../components/Form.tsx';
import { EditorContext, ErrorPrefix, errorAt, getAt } from './editor.tsx';
import { fieldLabel, inputId } from './fields.ts';

function useEditorField(path: string, label: string | undefined, hint: ReactNode) {
  const intl = useIntl();
  const { doc, errors, change } = useContext(EditorContext);
  const id = inputId(path);
  const error = errorAt(errors, path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return {
    id,
    label: label ?? fieldLabel(path, intl),
    value: getAt(doc, path),
    error,
    hint,
    hintId,
    errorId,
    describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined,
    invalid: error ? true : undefined,
    set: (value: unknown) => change(path, value),
  };
}

type Field = ReturnType<typeof useEditorField>;

function Shell({
  field,
  optional,
  children,
}: {
  field: Field;
  optional?: boolean;
  children: ReactNode;
}) {
  return (
    <FieldShell field={field} hint={field.hint} optional={optional}>
      {children}
    </FieldShell>
  );
}

type Common = { path: string; label?: string; hint?: ReactNode };

/** Text; with `nullable`, an empty box is saved as "none". */
export function TextInput({
  nullable,
  multiline,
  type = 'text',
  ...common
}: Common & { nullable?: boolean; multiline?: boolean; type?: 'text' | 'date' }) {
  const field = useEditorField(common.path, common.label, common.hint);
  const value = typeof field.value === 'string' ? field.value : '';
  const onChange = (text: string) => field.set(nullable && text === '' ? null : text);
  const props = {
    id: field.id,
    className: multiline ? 'input textarea' : 'input',
    value,
    'aria-invalid': field.invalid,
    'aria-describedby': field.describedBy,
  };
  return (
    <Shell field={field} optional={nullable}>
      {multiline ? (
        <textarea {...props} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...props}
          type={type}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Shell>
  );
}

/**
 * A whole number; what is typed is kept as typed until it is one, and the
 * server explains. With `nullable`, an empty box is saved as "none".
 */
export function NumberInput({ nullable, ...common }: Common & { nullable?: boolean }) {
  const field = useEditorField(common.path, common.label, common.hint);
  const value =
    typeof field.value === 'number' || typeof field.value === 'string' ? String(field.value) : '';
  return (
    <Shell field={field} optional={nullable}>
      <input
        id={field.id}
        className="input input-number"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        aria-invalid={field.invalid}
        aria-describedby={field.describedBy}
        onChange={(e) => {
          const text = e.target.value.trim();
          if (nullable && text === '') field.set(null);
          else field.set(/^-?\d+$/.test(text) ? Number(text) : e.target.value);
        }}
      />
    </Shell>
  );
}

export function SelectInput({
  options,
  onPick,
  ...common
}: Common & { options: readonly (readonly [string, string])[]; onPick?: (value: string) => void }) {
  const field = useEditorField(common.path, common.label, common.hint);
  return (
    <Shell field={field}>
      <select
        id={field.id}
        className="select"
        value={String(field.value ?? '')}
        aria-invalid={field.invalid}
        aria-describedby={field.describedBy}
        onChange={(e) => (onPick ? onPick(e.target.value) : field.set(e.target.value))}
      >
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/**
 * A yes or no. With `checked` and `onToggle`, the box stands for something
 * other than a true or false at its path, such as whether a rule is set at all.
 */
export function CheckboxInput({
  checked,
  onToggle,
  ...common
}: Common & { checked?: boolean; onToggle?: (on: boolean) => void }) {
  const field = useEditorField(common.path, common.label, common.hint);
  return (
    <div className={field.error ? 'field field-has-error' : 'field'}>
      {field.error ? (
        <p id={field.errorId} className="error-message">
          <ErrorPrefix />
          {field.label} {field.error}
        </p>
      ) : null}
      <div className="checkbox">
        <input
          id={field.id}
          type="checkbox"
          checked={checked ?? field.value === true}
          aria-invalid={field.invalid}
          aria-describedby={field.describedBy}
          onChange={(e) => (onToggle ? onToggle(e.target.checked) : field.set(e.target.checked))}
        />
        <label htmlFor={field.id}>{field.label}</label>
      </div>
      {field.hint ? (
        <p id={field.hintId} className="hint">
          {field.hint}
        </p>
      ) : null}
    </div>
  );
}

type Option = [value: string, label: string];

/**
 * Choices from a list of rows with keys: `first`, then each row's key with
 * its title, then any key in `chosen` that is not among them any more (a row
 * removed, or its key changed), labelled by `gone`, so that it can be unticked.
 * A row that has no key yet is left out until the draft is saved.
 */
export function keyedOptions(
  rows: unknown,
  chosen: unknown,
  gone: (key: string) => string,
  first: readonly (readonly [string, string])[] = [],
): Option[] {
  const options = first.map(([key, label]): Option => [key, label]);
  const known = new Set(options.map(([key]) => key));
  for (const row of Array.isArray(rows) ? rows : []) {
    const { key, title } = (row ?? {}) as { key?: unknown; title?: unknown };
    if (typeof key !== 'string' || !key || known.has(key)) continue;
    known.add(key);
    options.push([key, typeof title === 'string' && title ? title : key]);
  }
  for (const key of Array.isArray(chosen) ? chosen : []) {
    if (typeof key !== 'string' || known.has(key)) continue;
    known.add(key);
    options.push([key, gone(key)]);
  }
  return options;
}

/** Whether some row of a list has no key yet: its key is made when the draft is saved. */
export function someWithoutKey(rows: unknown): boolean {
  return (Array.isArray(rows) ? rows : []).some((row) => !(row as { key?: unknown } | null)?.key);
}

/**
 * Tick boxes that choose some of `options`; the field holds the chosen values
 * in the order of the options. With no options to choose from, `empty` says why.
 */
export function ChecklistInput({
  options,
  empty,
  ...common
}: Common & { options: readonly (readonly [string, string])[]; empty: ReactNode }) {
  const field = useEditorField(common.path, common.label, common.hint);
  const chosen = new Set(Array.isArray(field.value) ? field.value : []);
  const toggle = (value: string, on: boolean) =>
    field.set(options.map(([v]) => v).filter((v) => (v === value ? on : chosen.has(v))));
  return (
    <div className={field.error ? 'field field-has-error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={field.describedBy}>
        <legend className="label">{field.label}</legend>
        {field.hint ? (
          <p id={field.hintId} className="hint">
            {field.hint}
          </p>
        ) : null}
        {field.error ? (
          <p id={field.errorId} className="error-message">
            <ErrorPrefix />
            {field.label} {field.error}
          </p>
        ) : null}
        {options.length === 0 ? (
          <p id={field.id} className="hint" tabIndex={-1}>
            {empty}
          </p>
        ) : null}
        {options.map(([value, label], i) => {
          const id = i === 0 ? field.id : `${field.id}-${i + 1}`;
          return (
            <div className="checkbox" key={value}>
              <input
                id={id}
                type="checkbox"
                checked={chosen.has(value)}
                aria-invalid={field.invalid}
                onChange={(e) => toggle(value, e.target.checked)}
              />
              <label htmlFor={id}>{label}</label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
