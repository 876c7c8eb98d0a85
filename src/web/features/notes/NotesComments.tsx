import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { approveBody, commentBody } from '../../../contracts/notes.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { Form, SelectField, SubmitButton, TextArea } from '../../components/Form.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { formatDateTime, formatDayIn } from '../../lib/format.ts';
import { useFormState, validate, withoutEmpty, type FormValues } from '../../lib/forms.ts';
import { notesApi, type Meeting, type MeetingNotes } from './types.ts';

type Comment = MeetingNotes['comments'][number];

type CommentsProps = {
  groupId: string;
  meetingId: string;
  comments: Comment[];
  canComment: boolean;
  onChanged: () => void;
};

/** The longest part of a comment the approval step quotes; the whole is in the list above it. */
const QUOTED = 200;

function quote(text: string): string {
  return text.length > QUOTED ? `${text.slice(0, QUOTED - 1).trimEnd()}…` : text;
}

/** While the notes are circulated: what people say about them. Never printed. */
export function NotesComments({
  groupId,
  meetingId,
  comments,
  canComment,
  onChanged,
}: CommentsProps) {
  const intl = useIntl();
  const announce = useAnnounce();
  const form = useFormState();

  async function add(values: FormValues, element: HTMLFormElement) {
    const body = validate(commentBody, { body: values.body ?? '' });
    await api.post(notesApi(groupId, meetingId, '/comments'), body);
    element.reset();
    announce(
      intl.formatMessage({ id: 'notes.comments.added', defaultMessage: 'Your comment is added.' }),
    );
    onChanged();
  }

  return (
    <section aria-labelledby="comments-title" className="section notes-no-print">
      <h2 id="comments-title">
        <FormattedMessage id="notes.comments.heading" defaultMessage="Comments" />
      </h2>
      {comments.length === 0 ? (
        <p>
          <FormattedMessage id="notes.comments.none" defaultMessage="No comments yet." />
        </p>
      ) : (
        <ul
          className="item-list"
          aria-label={intl.formatMessage({
            id: 'notes.comments.listLabel',
            defaultMessage: 'Comments on the notes',
          })}
        >
          {comments.map((comment) => (
            <li key={comment.id} className="item">
              <div className="item-main">
                <p className="item-title">
                  <FormattedMessage
                    id="notes.comments.byline"
                    defaultMessage="{name}, {when}"
                    values={{ name: comment.name, when: formatDateTime(comment.createdAt) }}
                  />
                </p>
                <p className="notes-comment">{comment.body}</p>
                {comment.resolved ? null : (
                  <p className="hint notes-unresolved">
                    <FormattedMessage
                      id="notes.comments.unresolved"
                      defaultMessage="Not answered yet: the notes have not changed since."
                    />
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canComment ? (
        <>
          <h3 id="comment-title">
            <FormattedMessage
              id="notes.comments.formHeading"
              defaultMessage="Comment on the notes"
            />
          </h3>
          <Form
            id="comment"
            state={form}
            labels={{
              body: intl.formatMessage({
                id: 'notes.comments.bodyLabel',
                defaultMessage: 'Your comment',
              }),
            }}
            onSubmit={add}
            labelledBy="comment-title"
          >
            <TextArea
              name="body"
              hint={intl.formatMessage({
                id: 'notes.comments.bodyHint',
                defaultMessage:
                  'The group sees your comment and your name. Say what should change, not who said what.',
              })}
            />
            <SubmitButton busy={form.busy}>
              <FormattedMessage id="notes.comments.submit" defaultMessage="Add the comment" />
            </SubmitButton>
          </Form>
        </>
      ) : null}
    </section>
  );
}

type ApproveProps = {
  groupId: string;
  meetingId: string;
  /** Meetings after this one that have started: the group approves notes at one of them. */
  later: Meeting[];
  /** Comments that came in after the notes last changed: the chair sees them before approving. */
  unresolved: Comment[];
  /** After the approval (with what to say on the page), or after a refusal that needs fresh data. */
  onApproved: (message: string | null) => void;
};

/**
 * A chair records the later meeting at which the group approved the notes;
 * they lock. Where comments have not been answered by a change to the notes,
 * the chair is shown each of them and approves only by saying so.
 */
export function ApproveNotes({ groupId, meetingId, later, unresolved, onApproved }: ApproveProps) {
  const intl = useIntl();
  const announce = useAnnounce();
  const form = useFormState();
  const { confirm, dialog } = useConfirm();

  async function approve(values: FormValues) {
    const body = validate(approveBody, withoutEmpty(values));
    const at = later.find((m) => m.id === body.meetingId);
    const where = at ? `${at.title}, ${formatDayIn(at.startsAt, at.timeZone)}` : null;
    const count = unresolved.length;
    const locked: ReactNode = (
      <p>
        {where ? (
          <FormattedMessage
            id="notes.approve.effectAt"
            defaultMessage="The notes are recorded as approved at {where}, and locked for good: no one can edit them after this, and a change is then a correction with its reason."
            values={{ where }}
          />
        ) : (
          <FormattedMessage
            id="notes.approve.effect"
            defaultMessage="The notes are recorded as approved, and locked for good: no one can edit them after this, and a change is then a correction with its reason."
          />
        )}
      </p>
    );
    const go = await confirm(
      count === 0
        ? {
            title: intl.formatMessage({
              id: 'notes.approve.confirmTitle',
              defaultMessage: 'Approve the notes?',
            }),
            effect: locked,
            confirmLabel: intl.formatMessage({
              id: 'notes.approve.confirm',
              defaultMessage: 'Approve the notes',
            }),
          }
        : {
            title: intl.formatMessage(
              {
                id: 'notes.approve.unresolvedTitle',
                defaultMessage:
                  '{count, plural, one {Approve the notes with a comment not answered?} other {Approve the notes with # comments not answered?}}',
              },
              { count },
            ),
            effect: (
              <>
                <p>
                  <FormattedMessage
                    id="notes.approve.unresolvedLead"
                    defaultMessage="{count, plural, one {This comment came in after the notes were last changed:} other {These # comments came in after the notes were last changed:}}"
                    values={{ count }}
                  />
                </p>
                <ul className="notes-unresolved-list">
                  {unresolved.map((comment) => (
                    <li key={comment.id}>
                      <FormattedMessage
                        id="notes.approve.unresolvedItem"
                        defaultMessage="{name}, {when}: “{text}”"
                        values={{
                          name: comment.name,
                          when: formatDateTime(comment.createdAt),
                          text: quote(comment.body),
                        }}
                      />
                    </li>
                  ))}
                </ul>
                <p>
                  <FormattedMessage
                    id="notes.approve.unresolvedAdvice"
                    defaultMessage="To answer a comment, go back and ask the note-taker to change the notes and circulate them again. Or approve them as they are."
                  />
                </p>
                {locked}
              </>
            ),
            confirmLabel: intl.formatMessage({
              id: 'notes.approve.confirmAnyway',
              defaultMessage: 'Approve them as they are',
            }),
            cancelLabel: intl.formatMessage({
              id: 'notes.approve.goBack',
              defaultMessage: 'Go back',
            }),
          },
    );
    if (!go) return;
    try {
      await api.post(notesApi(groupId, meetingId, '/approve'), {
        ...body,
        ...(count > 0 ? { acknowledgeUnresolved: true } : {}),
      });
    } catch (error) {
      if (error instanceof ApiError && error.reason === 'notes.unresolvedComments') {
        // A comment came in while the chair was deciding: show it, and ask again.
        onApproved(null);
        throw new ApiError(
          409,
          'conflict',
          intl.formatMessage({
            id: 'notes.approve.newComment',
            defaultMessage:
              'A new comment came in while you were deciding. Read it above, then approve again.',
          }),
        );
      }
      throw error;
    }
    const message = intl.formatMessage({
      id: 'notes.approve.done',
      defaultMessage: 'The notes are approved and locked.',
    });
    announce(message);
    onApproved(message);
  }

  return (
    <section aria-labelledby="approve-title" className="section notes-no-print">
      <h2 id="approve-title">
        <FormattedMessage id="notes.approve.heading" defaultMessage="Approve at a meeting" />
      </h2>
      <p>
        <FormattedMessage
          id="notes.approve.lead"
          defaultMessage="The group approves the notes at a later meeting. Once approved they are locked: a change is then a correction, with its reason."
        />
      </p>
      {unresolved.length > 0 ? (
        <p className="notes-unresolved-count">
          <FormattedMessage
            id="notes.approve.unresolvedCount"
            defaultMessage="{count, plural, one {A comment has not been answered by a change to the notes.} other {# comments have not been answered by a change to the notes.}} You will see {count, plural, one {it} other {them}} before you approve."
            values={{ count: unresolved.length }}
          />
        </p>
      ) : null}
      {later.length === 0 ? (
        <p>
          <FormattedMessage
            id="notes.approve.noLater"
            defaultMessage="No later meeting has taken place yet."
          />
        </p>
      ) : (
        <Form
          id="approve"
          state={form}
          labels={{
            meetingId: intl.formatMessage({
              id: 'notes.approve.meetingLabel',
              defaultMessage: 'The meeting that approved them',
            }),
          }}
          onSubmit={approve}
          labelledBy="approve-title"
        >
          <SelectField
            name="meetingId"
            defaultValue={later[0]?.id}
            options={later.map((m) => ({
              value: m.id,
              label: `${m.title}, ${formatDayIn(m.startsAt, m.timeZone)}`,
            }))}
          />
          <SubmitButton busy={form.busy}>
            <FormattedMessage id="notes.approve.submit" defaultMessage="Approve the notes" />
          </SubmitButton>
        </Form>
      )}
      {dialog}
    </section>
  );
}
