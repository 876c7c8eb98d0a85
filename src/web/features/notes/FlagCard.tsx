import { useEffect, useRef, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { notView as notViewSchema } from '../../../contracts/notes.ts';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { FLAG_WHY, pointingWord, type Flag } from './types.ts';

type FlagCardProps = {
  flag: Flag;
  index: number;
  busy: boolean;
  askingWhy: boolean;
  /** The reason it was kept as written, once it has been. */
  keptBecause: string | null;
  onUse: () => void;
  onAskWhy: () => void;
  onKeep: (reason: string) => void;
  onCancelWhy: () => void;
  /** Only for a flag that may point to someone: put it out of sight. */
  onDismiss: () => void;
};

/**
 * One sentence the check found: how sure it is, why it points to someone,
 * the sentence with the words that do, and a rewording that does not. A
 * sentence that attributes a view is reworded or kept with a reason; one that
 * may point to someone is a nudge, changed or left as the note-taker sees fit.
 */
export function FlagCard({
  flag,
  index,
  busy,
  askingWhy,
  keptBecause,
  onUse,
  onAskWhy,
  onKeep,
  onCancelWhy,
  onDismiss,
}: FlagCardProps) {
  const intl = useIntl();
  const id = `flag-${index}`;
  const attributes = flag.level === 'attributes';
  const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;
  return (
    <li
      className={`card notes-flag ${attributes ? 'notes-flag-attributes' : 'notes-flag-may'}`}
      aria-labelledby={`${id}-title`}
    >
      <p id={`${id}-title`} className="card-subtitle">
        <FormattedMessage
          id="notes.flag.where"
          defaultMessage="{where}: “{text}”"
          values={{ where: flag.where, text: flag.text }}
        />
      </p>
      <p className="notes-flag-level">
        {attributes ? (
          <FormattedMessage
            id="notes.flag.levelAttributes"
            defaultMessage="<b>Attributes a view</b> — reword it or keep it with a reason"
            values={{ b: strong }}
          />
        ) : (
          <FormattedMessage
            id="notes.flag.levelMay"
            defaultMessage="<b>May point to someone</b> — change it if you agree, or leave it"
            values={{ b: strong }}
          />
        )}
      </p>
      <p id={`${id}-why`}>
        {intl.formatMessage(FLAG_WHY[flag.kind], { who: flag.who, word: pointingWord(flag) })}
      </p>
      <p className="notes-quote-label">
        <FormattedMessage id="notes.flag.sentence" defaultMessage="The sentence:" />
      </p>
      <blockquote id={`${id}-sentence`} className="notes-quote">
        <SentenceWithMark sentence={flag.sentence} words={flag.text} at={flag.at} />
      </blockquote>
      <p className="notes-quote-label">
        <FormattedMessage id="notes.flag.suggestion" defaultMessage="Suggested wording:" />
      </p>
      <blockquote id={`${id}-suggestion`} className="notes-quote">
        {flag.suggestion}
      </blockquote>
      {flag.markedNotAView ? (
        <p className="muted">
          {keptBecause ? (
            <FormattedMessage
              id="notes.flag.keptBecause"
              defaultMessage="Kept as written: {reason}"
              values={{ reason: keptBecause }}
            />
          ) : (
            <FormattedMessage id="notes.flag.kept" defaultMessage="Kept as written." />
          )}
        </p>
      ) : askingWhy ? (
        <KeepForm id={`${id}-keep`} onSave={onKeep} onCancel={onCancelWhy} />
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
          {attributes ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={onAskWhy}
              aria-describedby={`${id}-title`}
            >
              <FormattedMessage id="notes.flag.keep" defaultMessage="Keep it, with a reason" />
            </button>
          ) : (
            <button
              type="button"
              className="button button-secondary"
              onClick={onDismiss}
              aria-describedby={`${id}-title`}
            >
              <FormattedMessage id="notes.flag.dismiss" defaultMessage="Leave it as it is" />
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * A sentence with the words that point to someone marked where the check
 * found them, or none if the sentence has changed since the check.
 */
export function SentenceWithMark({
  sentence,
  words,
  at,
}: {
  sentence: string;
  words: string;
  /** Where the words start: "Kim said … but Kim said later …" is flagged twice, each marked where it is. */
  at: number;
}) {
  if (!words || !sentence.startsWith(words, at)) return <>{sentence}</>;
  return (
    <>
      {sentence.slice(0, at)}
      <mark>{sentence.slice(at, at + words.length)}</mark>
      {sentence.slice(at + words.length)}
    </>
  );
}

function KeepForm({
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
            id: 'notes.flag.keepReasonLabel',
            defaultMessage: 'Why keep it as written?',
          }),
        }}
        onSubmit={save}
      >
        <TextField
          name="reason"
          hint={intl.formatMessage({
            id: 'notes.flag.keepReasonHint',
            defaultMessage:
              'In a few words, such as “Sam is named as an action owner”. Whoever approves the notes sees the sentence and your reason.',
          })}
        />
        <div className="actions">
          <SubmitButton busy={form.busy}>
            <FormattedMessage id="notes.flag.keepSubmit" defaultMessage="Keep it as written" />
          </SubmitButton>
          <button type="button" className="button button-link" onClick={onCancel}>
            <FormattedMessage id="notes.editor.cancel" defaultMessage="Cancel" />
          </button>
        </div>
      </Form>
    </div>
  );
}
