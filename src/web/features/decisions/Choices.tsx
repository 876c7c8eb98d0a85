import { useEffect, useRef, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useField } from '../../components/Form.tsx';

export type Choice = { value: string; label: string; hint?: string };

type RadioGroupProps = { name: string; choices: Choice[] };

/**
 * A set of radio buttons in a fieldset, labelled by the form's label for
 * `name`: Tab reaches the group, the arrow keys choose. An error from the
 * form is shown under the legend, and the summary's link goes to the first
 * choice.
 */
export function RadioGroup({ name, choices }: RadioGroupProps) {
  const field = useField(name, undefined);
  return (
    <fieldset
      className={field.error ? 'field field-has-error choices' : 'field choices'}
      aria-describedby={field.errorId}
    >
      <legend className="label">{field.label}</legend>
      {field.error ? (
        <p id={field.errorId} className="error-message">
          <FormattedMessage
            id="decisions.choices.error"
            defaultMessage="<hidden>Error:</hidden> {label} {error}"
            values={{
              label: field.label,
              error: field.error,
              hidden: (chunks: ReactNode[]) => <span className="visually-hidden">{chunks} </span>,
            }}
          />
        </p>
      ) : null}
      {choices.map((choice, index) => {
        const id = index === 0 ? field.id : `${field.id}-${choice.value}`;
        const hintId = choice.hint ? `${id}-hint` : undefined;
        return (
          <div key={choice.value} className="choice">
            <input
              id={id}
              type="radio"
              name={name}
              value={choice.value}
              aria-describedby={hintId}
              aria-invalid={field.error ? true : undefined}
            />
            <label htmlFor={id} className="choice-label">
              {choice.label}
            </label>
            {choice.hint ? (
              <p id={hintId} className="hint choice-hint">
                {choice.hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

/** For a message's `<hidden>…</hidden>` part: words for screen readers only. */
export function hidden(chunks: ReactNode[]) {
  return <span className="visually-hidden">{chunks}</span>;
}

/**
 * A polite live region that also takes focus when it has something to say:
 * after an answer or a ballot, the form that was used goes away, so focus
 * moves to the confirmation and a screen reader reads it.
 */
export function Confirmation({
  message,
  children,
}: {
  message: string | null;
  children?: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) box.current?.focus();
  }, [message]);
  return (
    <div
      ref={box}
      role="status"
      aria-live="polite"
      tabIndex={-1}
      className={message ? 'confirmation' : undefined}
    >
      {message ? <p>{message}</p> : null}
      {message ? children : null}
    </div>
  );
}
