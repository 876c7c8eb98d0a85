import { approveBody, commentBody } from '../../../contracts/notes.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { Form, SelectField, SubmitButton, TextArea } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, formatDayIn } from '../../lib/format.ts';
import { useFormState, validate, withoutEmpty, type FormValues } from '../../lib/forms.ts';
import { notesApi, type Meeting, type MeetingNotes } from './types.ts';

type CommentsProps = {
  groupId: string;
  meetingId: string;
  comments: MeetingNotes['comments'];
  canComment: boolean;
  onChanged: () => void;
};

/** While the notes are circulated: what people say about them. Never printed. */
export function NotesComments({
  groupId,
  meetingId,
  comments,
  canComment,
  onChanged,
}: CommentsProps) {
  const announce = useAnnounce();
  const form = useFormState();

  async function add(values: FormValues, element: HTMLFormElement) {
    const body = validate(commentBody, { body: values.body ?? '' });
    await api.post(notesApi(groupId, meetingId, '/comments'), body);
    element.reset();
    announce('Your comment is added.');
    onChanged();
  }

  return (
    <section aria-labelledby="comments-title" className="section notes-no-print">
      <h2 id="comments-title">Comments</h2>
      {comments.length === 0 ? (
        <p>No comments yet.</p>
      ) : (
        <ul className="item-list" aria-label="Comments on the notes">
          {comments.map((comment) => (
            <li key={comment.id} className="item">
              <div className="item-main">
                <p className="item-title">
                  {comment.name}, {formatDateTime(comment.createdAt)}
                </p>
                <p className="notes-comment">{comment.body}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {canComment ? (
        <>
          <h3 id="comment-title">Comment on the notes</h3>
          <Form
            id="comment"
            state={form}
            labels={{ body: 'Your comment' }}
            onSubmit={add}
            labelledBy="comment-title"
          >
            <TextArea
              name="body"
              hint="The group sees your comment and your name. Say what should change, not who said what."
            />
            <SubmitButton busy={form.busy}>Add the comment</SubmitButton>
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
  onApproved: () => void;
};

/** A chair records the later meeting at which the group approved the notes; they lock. */
export function ApproveNotes({ groupId, meetingId, later, onApproved }: ApproveProps) {
  const announce = useAnnounce();
  const form = useFormState();
  const { confirm, dialog } = useConfirm();

  async function approve(values: FormValues) {
    const body = validate(approveBody, withoutEmpty(values));
    const at = later.find((m) => m.id === body.meetingId);
    const go = await confirm({
      title: 'Approve the notes?',
      effect: (
        <p>
          The notes are recorded as approved
          {at ? ` at ${at.title}, ${formatDayIn(at.startsAt, at.timeZone)}` : ''}, and locked for
          good: no one can edit them after this, and a change is then a correction with its reason.
        </p>
      ),
      confirmLabel: 'Approve the notes',
    });
    if (!go) return;
    await api.post(notesApi(groupId, meetingId, '/approve'), body);
    announce('The notes are approved and locked.');
    onApproved();
  }

  return (
    <section aria-labelledby="approve-title" className="section notes-no-print">
      <h2 id="approve-title">Approve at a meeting</h2>
      <p>
        The group approves the notes at a later meeting. Once approved they are locked: a change is
        then a correction, with its reason.
      </p>
      {later.length === 0 ? (
        <p>No later meeting has taken place yet.</p>
      ) : (
        <Form
          id="approve"
          state={form}
          labels={{ meetingId: 'The meeting that approved them' }}
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
          <SubmitButton busy={form.busy}>Approve the notes</SubmitButton>
        </Form>
      )}
      {dialog}
    </section>
  );
}
