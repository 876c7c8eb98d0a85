import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { notView as notViewSchema } from '../../../contracts/notes.ts';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import type { Flag } from './types.ts';

type FlagCardProps = {
  flag: Flag;
  index: number;
  busy: boolean;
  askingWhy: boolean;
  onUse: () => void;
  onAskWhy: () => void;
  onNotAView: (reason: string) => void;
  onCancelWhy: () => void;
};

/** One view the check found: where, whose, the sentence, and a neutral rewording. */
export function FlagCard({
  flag,
  index,
  busy,
  askingWhy,
  onUse,
  onAskWhy,
  onNotAView,
  onCancelWhy,
}: FlagCardProps) {
  const id = `flag-${index}`;
  return (
    <li className="card notes-flag" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="card-subtitle">
        <FormattedMessage
          id="notes.flag.title"
          defaultMessage="{where}: “{text}” attributes a view to {who}."
          values={{ where: flag.where, text: flag.text, who: flag.who }}
        />
      </p>
      <p className="notes-quote-label">
        <FormattedMessage id="notes.flag.sentence" defaultMessage="The sentence:" />
      </p>
      <blockquote id={`${id}-sentence`} className="notes-quote">
        {flag.sentence}
      </blockquote>
      <p className="notes-quote-label">
        <FormattedMessage id="notes.flag.suggestion" defaultMessage="Suggested wording:" />
      </p>
      <blockquote id={`${id}-suggestion`} className="notes-quote">
        {flag.suggestion}
      </blockquote>
      {flag.markedNotAView ? (
        <p className="muted">
          <FormattedMessage id="notes.flag.marked" defaultMessage="Marked as not a view." />
        </p>
      ) : askingWhy ? (
        <NotAViewForm id={`${id}-why`} onSave={onNotAView} onCancel={onCancelWhy} />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={onUse}
            aria-disabled={busy || undefined}
            aria-describedby={`${id}-suggestion`}
          >
            <FormattedMessage id="notes.flag.use" defaultMessage="Use this wording" />
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={onAskWhy}
            aria-describedby={`${id}-title`}
          >
            <FormattedMessage id="notes.flag.notAView" defaultMessage="Not a view" />
          </button>
        </div>
      )}
    </li>
  );
}

function NotAViewForm({
  id,
  onSave,
  onCancel,
}: {
  id: string;
  onSave: (reason: string) => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const form = useFormState();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    box.current?.querySelector('input')?.focus();
  }, []);

  async function save(values: FormValues) {
    const { reason } = validate(notViewSchema.pick({ reason: true }), {
      reason: values.reason ?? '',
    });
    onSave(reason);
  }

  return (
    <div ref={box}>
      <Form
        id={id}
        state={form}
        labels={{
          reason: intl.formatMessage({
            id: 'notes.flag.reasonLabel',
            defaultMessage: 'Why is this not a view?',
          }),
        }}
        onSubmit={save}
      >
        <TextField
          name="reason"
          hint={intl.formatMessage({
            id: 'notes.flag.reasonHint',
            defaultMessage: 'In a few words, such as “Sam is named as an action owner”.',
          })}
        />
        <div className="actions">
          <SubmitButton busy={form.busy}>
            <FormattedMessage id="notes.flag.mark" defaultMessage="Mark as not a view" />
          </SubmitButton>
          <button type="button" className="button button-link" onClick={onCancel}>
            <FormattedMessage id="notes.editor.cancel" defaultMessage="Cancel" />
          </button>
        </div>
      </Form>
    </div>
  );
}
