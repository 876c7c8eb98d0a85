import { cancelMeetingBody, updateMeetingBody } from '../../../contracts/meetings.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useConfirm } from '../../components/Confirm.tsx';
import { Form, SubmitButton, TextArea, TextField } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { formTimes, meetingTimes } from './time.ts';
import { meetingsApi, type MeetingSummary } from './types.ts';

type Props = { meeting: MeetingSummary; onChanged: () => void };

/** For chairs: move the meeting to another time, or cancel it; both say why. */
export function ManageMeeting({ meeting, onChanged }: Props) {
  const move = useFormState();
  const cancel = useFormState();
  const announce = useAnnounce();
  const { confirm, dialog } = useConfirm();
  const path = meetingsApi(meeting.groupId, meeting.id);
  const now = formTimes(meeting.startsAt, meeting.endsAt, meeting.timeZone);

  async function moveMeeting(values: FormValues) {
    const times = meetingTimes(values, meeting.timeZone);
    const body = validate(updateMeetingBody, { ...times, reason: values.reason ?? '' });
    await api.patch(path, body);
    announce('The meeting is moved. Everyone sees the new time and why it moved.');
    onChanged();
  }

  async function cancelMeeting(values: FormValues) {
    const body = validate(cancelMeetingBody, { reason: values.reason ?? '' });
    const go = await confirm({
      title: 'Cancel the meeting?',
      effect: (
        <p>
          “{meeting.title}” is cancelled for good: everyone in the group sees that it is cancelled
          and why, calendars drop it, and it has no register. It cannot be brought back; a new
          meeting can be added instead.
        </p>
      ),
      confirmLabel: 'Cancel the meeting',
      cancelLabel: 'Keep the meeting',
    });
    if (!go) return;
    await api.post(`${path}/cancel`, body);
    announce('The meeting is cancelled. Everyone sees why.');
    onChanged();
  }

  return (
    <section aria-labelledby="manage-title" className="section">
      <h2 id="manage-title">Change this meeting</h2>
      <details className="details">
        <summary>Move this meeting</summary>
        <Form
          id="move"
          state={move}
          labels={{
            date: 'New date',
            startsAt: 'New start time',
            endsAt: 'New end time',
            reason: 'Why it is moving',
          }}
          onSubmit={moveMeeting}
        >
          <TextField name="date" type="date" autoComplete="off" defaultValue={now.date} />
          <div className="time-pair">
            <TextField
              name="startsAt"
              type="time"
              autoComplete="off"
              defaultValue={now.startsAt}
              hint={`${meeting.timeZone} time.`}
            />
            <TextField
              name="endsAt"
              type="time"
              autoComplete="off"
              defaultValue={now.endsAt}
              hint={`${meeting.timeZone} time.`}
            />
          </div>
          <TextArea name="reason" hint="The group sees this beside the new time." />
          <SubmitButton busy={move.busy}>Move the meeting</SubmitButton>
        </Form>
      </details>
      <details className="details">
        <summary>Cancel this meeting</summary>
        <Form
          id="cancel"
          state={cancel}
          labels={{ reason: 'Why it is cancelled' }}
          onSubmit={cancelMeeting}
        >
          <TextArea name="reason" hint="The group sees this, and it is kept in the record." />
          <button
            type="submit"
            className="button button-warning"
            aria-disabled={cancel.busy || undefined}
          >
            Cancel the meeting
          </button>
        </Form>
      </details>
      {dialog}
    </section>
  );
}
