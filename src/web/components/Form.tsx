import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  type InputHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { FormattedMessage } from 'react-intl';
import type { ApiError } from '../lib/api.ts';
import type { FormState, FormValues } from '../lib/forms.ts';

type FormContextValue = {
  id: string;
  labels: Record<string, string>;
  problem: ApiError | null;
};

const FormContext = createContext<FormContextValue>({ id: 'form', labels: {}, problem: null });

type FormProps = {
  /** Prefixes the ids of the form's fields. */
  id: string;
  state: FormState;
  /** Each field's label, by the name the API uses for it: the error summary uses them too. */
  labels: Record<string, string>;
  onSubmit: (values: FormValues, form: HTMLFormElement) => Promise<void>;
  /** Names the form (making it a landmark) when a page has more than one. */
  labelledBy?: string;
  /** Words for inputs the API may name that are not fields here (the token from a link). */
  otherNames?: Record<string, string>;
  children: ReactNode;
};

/**
 * A form that shows what to fix: an error summary (which takes focus) at the
 * top, and each message beside its field. The browser's own validation is off
 * so that every message is in the same words, and is read out.
 */
export function Form({
  id,
  state,
  labels,
  onSubmit,
  labelledBy,
  otherNames = {},
  children,
}: FormProps) {
  return (
    <form
      id={id}
      className="form"
      noValidate
      onSubmit={state.onSubmit(onSubmit)}
      aria-labelledby={labelledBy}
    >
      <FormContext value={{ id, labels, problem: state.problem }}>
        <ErrorSummary id={id} labels={labels} otherNames={otherNames} problem={state.problem} />
        {children}
      </FormContext>
    </form>
  );
}

type ErrorSummaryProps = {
  id: string;
  labels: Record<string, string>;
  otherNames: Record<string, string>;
  problem: ApiError | null;
};

function ErrorSummary({ id, labels, otherNames, problem }: ErrorSummaryProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problem) box.current?.focus();
  }, [problem]);

  if (!problem) return null;
  const fields = Object.entries(problem.fields);

  function goTo(event: MouseEvent<HTMLAnchorElement>, target: string) {
    event.preventDefault();
    const element = document.getElementById(target);
    element?.focus();
    element?.scrollIntoView({ block: 'center' });
  }

  return (
    <div ref={box} className="error-summary" tabIndex={-1} aria-labelledby={`${id}-problem`}>
      <h2 id={`${id}-problem`} className="error-summary-title">
        <FormattedMessage id="common.form.problem" defaultMessage="There is a problem" />
      </h2>
      <p>{problem.message}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map(([name, message]) => {
            const label = labels[name];
            const target = `${id}-${name}`;
            return (
              <li key={name}>
                {label ? (
                  <a href={`#${target}`} onClick={(event) => goTo(event, target)}>
                    <FieldProblem label={label} problem={message} />
                  </a>
                ) : (
                  <FieldProblem label={otherNames[name] ?? name} problem={message} />
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/** A field named with what is wrong with it: "Email address is required". */
function FieldProblem({ label, problem }: { label: string; problem: string }) {
  return (
    <FormattedMessage
      id="common.form.fieldProblem"
      defaultMessage="{label} {problem}"
      values={{ label, problem }}
    />
  );
}

/** A field's id, label, error and description ids, from the form it is in. */
export function useField(name: string, hint: ReactNode | undefined) {
  const { id: formId, labels, problem } = useContext(FormContext);
  const id = `${formId}-${name}`;
  const label = labels[name] ?? name;
  const error = problem?.fields[name];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, label, error, hintId, errorId, describedBy };
}

export type FieldShellProps = {
  field: {
    id: string;
    label: string;
    error?: string | undefined;
    hintId?: string | undefined;
    errorId?: string | undefined;
  };
  hint: ReactNode | undefined;
  optional: boolean | undefined;
  children: ReactNode;
};

/** A field's label, hint and error message around its control, linked for screen readers. */
export function FieldShell({ field, hint, optional, children }: FieldShellProps) {
  return (
    <div className={field.error ? 'field field-has-error' : 'field'}>
      <label htmlFor={field.id} className="label">
        {optional ? (
          <FormattedMessage
            id="common.form.optional"
            defaultMessage="{label} <optional>(optional)</optional>"
            values={{
              label: field.label,
              optional: (chunks) => <span className="optional">{chunks}</span>,
            }}
          />
        ) : (
          field.label
        )}
      </label>
      {hint ? (
        <p id={field.hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {field.error ? (
        <p id={field.errorId} className="error-message">
          <FormattedMessage
            id="common.form.error"
            defaultMessage="<hidden>Error: </hidden>{label} {problem}"
            values={{
              label: field.label,
              problem: field.error,
              hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
            }}
          />
        </p>
      ) : null}
      {children}
    </div>
  );
}

type TextFieldProps = {
  name: string;
  hint?: ReactNode;
  optional?: boolean;
} & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'autoComplete' | 'defaultValue' | 'inputMode' | 'spellCheck' | 'autoCapitalize'
>;

export function TextField({ name, hint, optional, type = 'text', ...input }: TextFieldProps) {
  const field = useField(name, hint);
  return (
    <FieldShell field={field} hint={hint} optional={optional}>
      <input
        id={field.id}
        name={name}
        type={type}
        className="input"
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.describedBy}
        {...input}
      />
    </FieldShell>
  );
}

type TextAreaProps = { name: string; hint?: ReactNode; optional?: boolean; defaultValue?: string };

export function TextArea({ name, hint, optional, defaultValue }: TextAreaProps) {
  const field = useField(name, hint);
  return (
    <FieldShell field={field} hint={hint} optional={optional}>
      <textarea
        id={field.id}
        name={name}
        className="input textarea"
        rows={3}
        defaultValue={defaultValue}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.describedBy}
      />
    </FieldShell>
  );
}

type PasswordFieldProps = { name: string; hint?: ReactNode; autoComplete: string };

/** A password input with a "Show password" box, for people who type slowly or make typos. */
export function PasswordField({ name, hint, autoComplete }: PasswordFieldProps) {
  const field = useField(name, hint);
  const [shown, setShown] = useState(false);
  return (
    <FieldShell field={field} hint={hint} optional={false}>
      <input
        id={field.id}
        name={name}
        type={shown ? 'text' : 'password'}
        className="input"
        autoComplete={autoComplete}
        spellCheck={false}
        autoCapitalize="none"
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.describedBy}
      />
      <div className="checkbox">
        <input
          id={`${field.id}-show`}
          type="checkbox"
          checked={shown}
          onChange={(event) => setShown(event.target.checked)}
        />
        <label htmlFor={`${field.id}-show`}>
          <FormattedMessage id="common.form.showPassword" defaultMessage="Show password" />
        </label>
      </div>
    </FieldShell>
  );
}

export type SelectOption = { value: string; label: string };

type SelectFieldProps = {
  name: string;
  hint?: ReactNode;
  optional?: boolean;
  defaultValue?: string;
  /** Options, or labelled groups of options. */
  options: (SelectOption | { group: string; options: SelectOption[] })[];
};

export function SelectField({ name, hint, optional, defaultValue, options }: SelectFieldProps) {
  const field = useField(name, hint);
  return (
    <FieldShell field={field} hint={hint} optional={optional}>
      <select
        id={field.id}
        name={name}
        className="select select-wide"
        defaultValue={defaultValue}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.describedBy}
      >
        {options.map((option) =>
          'group' in option ? (
            <optgroup key={option.group} label={option.group}>
              {option.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ),
        )}
      </select>
    </FieldShell>
  );
}

type FileFieldProps = { name: string; hint?: ReactNode; accept?: string };

/** A file to send; the form's action reads it from the input named `name`. */
export function FileField({ name, hint, accept }: FileFieldProps) {
  const field = useField(name, hint);
  return (
    <FieldShell field={field} hint={hint} optional={false}>
      <input
        id={field.id}
        name={name}
        type="file"
        className="file-input"
        accept={accept}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.describedBy}
      />
    </FieldShell>
  );
}

export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="button" aria-disabled={busy || undefined}>
      {children}
    </button>
  );
}
