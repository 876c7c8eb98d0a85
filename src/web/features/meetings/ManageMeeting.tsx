import { FormattedMessage, useIntl } from 'react-intl';
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
  const intl = useIntl();
  const move = useFormState();
  const cancel = useFormState();
  const announce = useAnnounce();
  const { confirm, dialog } = useConfirm();
  const path = meetingsApi(meeting.groupId, meeting.id);
  const now = formTimes(meeting.startsAt, meeting.endsAt, meeting.timeZone);
  const zoneHint = intl.formatMessage(
    { id: 'meetings.manage.zoneHint', defaultMessage: '{zone} time.' },
    { zone: meeting.timeZone },
  );
  const cancelLabel = intl.formatMessage({
    id: 'meetings.manage.cancelButton',
    defaultMessage: 'Cancel the meeting',
  });

  async function moveMeeting(values: FormValues) {
    const times = meetingTimes(values, meeting.timeZone, intl);
    const body = validate(updateMeetingBody, { ...times, reason: values.reason ?? '' });
    await api.patch(path, body);
    announce(
      intl.formatMessage({
        id: 'meetings.manage.moved',
        defaultMessage: 'The meeting is moved. Everyone sees the new time and why it moved.',
      }),
    );
    onChanged();
  }

  async function cancelMeeting(values: FormValues) {
    const body = validate(cancelMeetingBody, { reason: values.reason ?? '' });
    const go = await confirm({
      title: intl.formatMessage({
        id: 'meetings.manage.confirmTitle',
        defaultMessage: 'Cancel the meeting?',
      }),
      effect: (
        <p>
          <FormattedMessage
            id="meetings.manage.confirmEffect"
            defaultMessage="“{title}” is cancelled for good: everyone in the group sees that it is cancelled and why, calendars drop it, and it has no register. It cannot be brought back; a new meeting can be added instead."
            values={{ title: meeting.title }}
          />
        </p>
      ),
      confirmLabel: cancelLabel,
      cancelLabel: intl.formatMessage({
        id: 'meetings.manage.keep',
        defaultMessage: 'Keep the meeting',
      }),
    });
    if (!go) return;
    await api.post(`${path}/cancel`, body);
    announce(
      intl.formatMessage({
        id: 'meetings.manage.cancelled',
        defaultMessage: 'The meeting is cancelled. Everyone sees why.',
      }),
    );
    onChanged();
  }

  return (
    <section aria-labelledby="manage-title" className="section">
      <h2 id="manage-title">
        <FormattedMessage id="meetings.manage.heading" defaultMessage="Change this meeting" />
      </h2>
      <details className="details">
        <summary>
          <FormattedMessage id="meetings.manage.move" defaultMessage="Move this meeting" />
        </summary>
        <Form
          id="move"
          state={move}
          labels={{
            date: intl.formatMessage({ id: 'meetings.manage.newDate', defaultMessage: 'New date' }),
            startsAt: intl.formatMessage({
              id: 'meetings.manage.newStart',
              defaultMessage: 'New start time',
            }),
            endsAt: intl.formatMessage({
              id: 'meetings.manage.newEnd',
              defaultMessage: 'New end time',
            }),
            reason: intl.formatMessage({
              id: 'meetings.manage.moveReason',
              defaultMessage: 'Why it is moving',
            }),
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
              hint={zoneHint}
            />
            <TextField
              name="endsAt"
              type="time"
              autoComplete="off"
              defaultValue={now.endsAt}
              hint={zoneHint}
            />
          </div>
          <TextArea
            name="reason"
            hint={intl.formatMessage({
              id: 'meetings.manage.moveReasonHint',
              defaultMessage: 'The group sees this beside the new time.',
            })}
          />
          <SubmitButton busy={move.busy}>
            <FormattedMessage id="meetings.manage.moveSubmit" defaultMessage="Move the meeting" />
          </SubmitButton>
        </Form>
      </details>
      <details className="details">
        <summary>
          <FormattedMessage id="meetings.manage.cancel" defaultMessage="Cancel this meeting" />
        </summary>
        <Form
          id="cancel"
          state={cancel}
          labels={{
            reason: intl.formatMessage({
              id: 'meetings.manage.cancelReason',
              defaultMessage: 'Why it is cancelled',
            }),
          }}
          onSubmit={cancelMeeting}
        >
          <TextArea
            name="reason"
            hint={intl.formatMessage({
              id: 'meetings.manage.cancelReasonHint',
              defaultMessage: 'The group sees this, and it is kept in the record.',
            })}
          />
          <button
            type="submit"
            className="button button-warning"
            aria-disabled={cancel.busy || undefined}
          >
            {cancelLabel}
          </button>
        </Form>
      </details>
      {dialog}
    </section>
  );
}
