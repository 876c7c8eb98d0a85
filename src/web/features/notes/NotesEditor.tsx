import type { MouseEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Problem } from '../../components/Feedback.tsx';
import { FieldShell, Form, SubmitButton, TextArea, useField } from '../../components/Form.tsx';
import { FlagCard } from './FlagCard.tsx';
import { useNotesEditor, type NotesEditorOptions } from './useNotesEditor.ts';

const FORM = 'notes';

type Props = NotesEditorOptions & { onCancel?: () => void };

/**
 * The notes as the note-taker writes them: a summary and one box per agenda
 * item. As they write, and before the notes go to the group, the check finds
 * views put in people's mouths and offers a neutral rewording of each.
 * Circulation waits until each view attributed is reworded or kept with a
 * reason; what only may point to someone is a nudge, and never holds it back.
 */
export function NotesEditor({ onCancel, ...options }: Props) {
  const intl = useIntl();
  const {
    form,
    action,
    parts,
    labels,
    textOf,
    edit,
    saveDraft,
    runCheck,
    circulate,
    blocked,
    blockedBox,
    partOfLine,
    flags,
    outstanding,
    keptBecause,
    dismiss,
    results,
    askingWhy,
    askWhy,
    cancelWhy,
    applyWording,
    keepWithReason,
    notViews,
    unmark,
  } = useNotesEditor(options);
  const { correction } = options;

  const mayPoint = (flags ?? []).filter((f) => f.level === 'may' && !f.markedNotAView).length;

  function goTo(event: MouseEvent<HTMLAnchorElement>, target: string) {
    event.preventDefault();
    const element = document.getElementById(target);
    element?.focus();
    element?.scrollIntoView({ block: 'center' });
  }

  return (
    <section aria-labelledby="editor-title" className="section notes-no-print">
      <h2 id="editor-title">
        {correction ? (
          <FormattedMessage id="notes.editor.correctHeading" defaultMessage="Correct the notes" />
        ) : (
          <FormattedMessage id="notes.editor.writeHeading" defaultMessage="Write the notes" />
        )}
      </h2>
      <p>
        <FormattedMessage
          id="notes.editor.lead"
          defaultMessage="Say what was discussed and agreed, not who said what. Name people only as the owners of actions. Before the notes go to the group, Accord checks them for views put in people’s mouths."
        />
      </p>
      <Form id={FORM} state={form} labels={labels} onSubmit={saveDraft}>
        {correction ? (
          <TextArea
            name="correctionReason"
            hint={intl.formatMessage({
              id: 'notes.editor.correctionHint',
              defaultMessage:
                'Approved notes are locked. A correction is a new version: the group sees its reason, and it is approved again.',
            })}
          />
        ) : null}
        {parts.map((part) => (
          <NotesBox
            key={part.name}
            name={part.name}
            value={textOf(part)}
            onChange={(text) => edit(part, text)}
            hint={
              part.itemId === null
                ? intl.formatMessage({
                    id: 'notes.editor.summaryHint',
                    defaultMessage:
                      'The main points of the meeting. You can use Markdown: **bold**, lists starting with “- ”.',
                  })
                : undefined
            }
          />
        ))}
        <div className="actions">
          <SubmitButton busy={form.busy}>
            {correction ? (
              <FormattedMessage
                id="notes.editor.saveCorrection"
                defaultMessage="Save the correction"
              />
            ) : (
              <FormattedMessage id="notes.editor.saveDraft" defaultMessage="Save the draft" />
            )}
          </SubmitButton>
          {correction ? null : (
            <>
              <button
                type="button"
                className="button button-secondary"
                onClick={runCheck}
                aria-disabled={action.busy || undefined}
              >
                <FormattedMessage
                  id="notes.editor.check"
                  defaultMessage="Check for attributed views"
                />
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={circulate}
                aria-disabled={action.busy || undefined}
              >
                <FormattedMessage
                  id="notes.editor.circulate"
                  defaultMessage="Circulate to the group"
                />
              </button>
            </>
          )}
          {onCancel ? (
            <button type="button" className="button button-link" onClick={onCancel}>
              <FormattedMessage id="notes.editor.cancel" defaultMessage="Cancel" />
            </button>
          ) : null}
        </div>
      </Form>
      <Problem error={action.problem} />

      {blocked ? (
        <div
          ref={blockedBox}
          className="error-summary"
          tabIndex={-1}
          aria-labelledby="blocked-title"
        >
          <h3 id="blocked-title" className="error-summary-title">
            <FormattedMessage
              id="notes.editor.blockedHeading"
              defaultMessage="The notes cannot be circulated yet"
            />
          </h3>
          <p>{blocked.message}</p>
          <ul>
            {blocked.lines.map((line) => {
              const part = partOfLine(line);
              const target = part ? `${FORM}-${part.name}` : null;
              return (
                <li key={line}>
                  {target ? (
                    <a href={`#${target}`} onClick={(event) => goTo(event, target)}>
                      {line}
                    </a>
                  ) : (
                    line
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}

      {flags ? (
        <div className="notes-check">
          <h3 id="check-title" ref={results} tabIndex={-1}>
            <FormattedMessage
              id="notes.editor.checkHeading"
              defaultMessage="What the check found"
            />
          </h3>
          {outstanding.length === 0 ? (
            <p className="notes-check-clear">
              <FormattedMessage
                id="notes.editor.checkClearLong"
                defaultMessage="No views are attributed to anyone. The notes can be circulated."
              />
            </p>
          ) : (
            <p>
              <FormattedMessage
                id="notes.editor.checkFoundKeep"
                defaultMessage="{count, plural, one {# sentence attributes a view to someone.} other {# sentences attribute a view to someone.}} Use the suggested wording, reword it yourself, or keep it with a reason (for example, someone named as the owner of an action)."
                values={{ count: outstanding.length }}
              />
            </p>
          )}
          {mayPoint > 0 ? (
            <p>
              <FormattedMessage
                id="notes.editor.checkMay"
                defaultMessage="{count, plural, one {# sentence may point to someone. It does not hold the notes back: change it if you agree, or leave it.} other {# sentences may point to someone. They do not hold the notes back: change them if you agree, or leave them.}}"
                values={{ count: mayPoint }}
              />
            </p>
          ) : null}
          {flags.length > 0 ? (
            <ul className="card-list" aria-labelledby="check-title">
              {flags.map((flag, index) => (
                <FlagCard
                  key={`${flag.where}-${flag.text}-${index}`}
                  flag={flag}
                  index={index}
                  busy={action.busy}
                  askingWhy={askingWhy(flag)}
                  keptBecause={keptBecause(flag)}
                  onUse={() => applyWording(flag)}
                  onAskWhy={() => askWhy(flag)}
                  onKeep={(reason) => keepWithReason(flag, reason)}
                  onCancelWhy={cancelWhy}
                  onDismiss={() => dismiss(flag)}
                />
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {notViews.length > 0 ? (
        <>
          <h3 id="not-views-title">
            <FormattedMessage
              id="notes.editor.keptHeading"
              defaultMessage="Kept as written, with a reason"
            />
          </h3>
          <ul className="item-list" aria-labelledby="not-views-title">
            {notViews.map((n, index) => (
              <li key={`${n.text}-${index}`} className="item">
                <div className="item-main">
                  <p>
                    <FormattedMessage
                      id="notes.editor.notViewLine"
                      defaultMessage="“{text}”: {reason}"
                      values={{ text: n.text, reason: n.reason }}
                    />
                  </p>
                </div>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => unmark(index)}
                  aria-disabled={action.busy || undefined}
                  aria-label={intl.formatMessage(
                    {
                      id: 'notes.editor.removeLabel',
                      defaultMessage: 'Remove “{text}” from the list',
                    },
                    { text: n.text },
                  )}
                >
                  <FormattedMessage id="notes.editor.remove" defaultMessage="Remove" />
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

type NotesBoxProps = {
  name: string;
  value: string;
  onChange: (text: string) => void;
  hint?: string | undefined;
};

/** A box of the notes, kept as it is typed so a rewording can go into it. */
function NotesBox({ name, value, onChange, hint }: NotesBoxProps) {
  const field = useField(name, hint);
  return (
    <FieldShell field={field} hint={hint} optional={false}>
      <textarea
        id={field.id}
        name={name}
        className="input textarea notes-textarea"
        rows={5}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.describedBy}
      />
    </FieldShell>
  );
}
