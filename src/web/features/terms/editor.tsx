import { createContext, useContext, type ReactNode } from 'react';
import { FieldShell } from '../../components/Form.tsx';
import { fieldLabel, inputId } from './fields.ts';

/** A draft being edited: any shape, since a half-typed number is kept as typed. */
export type Doc = Record<string, unknown>;

export function getAt(doc: unknown, path: string): unknown {
  let here: unknown = doc;
  for (const part of path.split('.')) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[part];
  }
  return here;
}

/** A copy of the draft with one field changed. */
export function setAt(doc: Doc, path: string, value: unknown): Doc {
  const copy = structuredClone(doc);
  const parts = path.split('.');
  let here: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) {
    const next = here[part];
    if (next === null || typeof next !== 'object') here[part] = {};
    here = here[part] as Record<string, unknown>;
  }
  here[parts[parts.length - 1] ?? ''] = value;
  return copy;
}

type EditorContextValue = {
  doc: Doc;
  errors: Record<string, string>;
  change: (path: string, value: unknown) => void;
};

export const EditorContext = createContext<EditorContextValue>({
  doc: {},
  errors: {},
  change: () => undefined,
});

function useEditorField(path: string, label: string | undefined, hint: ReactNode) {
  const { doc, errors, change } = useContext(EditorContext);
  const id = inputId(path);
  const error = errors[path];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return {
    id,
    label: label ?? fieldLabel(path),
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

/** A whole number; what is typed is kept as typed until it is one, and the server explains. */
export function NumberInput(common: Common) {
  const field = useEditorField(common.path, common.label, common.hint);
  const value =
    typeof field.value === 'number' || typeof field.value === 'string' ? String(field.value) : '';
  return (
    <Shell field={field}>
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
          field.set(/^-?\d+$/.test(text) ? Number(text) : e.target.value);
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

export function CheckboxInput(common: Common) {
  const field = useEditorField(common.path, common.label, common.hint);
  return (
    <div className={field.error ? 'field field-has-error' : 'field'}>
      {field.error ? (
        <p id={field.errorId} className="error-message">
          <span className="visually-hidden">Error: </span>
          {field.label} {field.error}
        </p>
      ) : null}
      <div className="checkbox">
        <input
          id={field.id}
          type="checkbox"
          checked={field.value === true}
          aria-invalid={field.invalid}
          aria-describedby={field.describedBy}
          onChange={(e) => field.set(e.target.checked)}
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
