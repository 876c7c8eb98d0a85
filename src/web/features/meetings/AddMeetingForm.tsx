import { createMeetingBody } from '../../../contracts/meetings.ts';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, withoutEmpty, type FormValues } from '../../lib/forms.ts';
import { navigate } from '../../lib/router.ts';
import { meetingTimes } from './time.ts';
import { meetingsApi, meetingsPage, type MeetingSummary } from './types.ts';

const LABELS = {
  title: 'Name of the meeting',
  date: 'Date',
  startsAt: 'Start time',
  endsAt: 'End time',
  place: 'Where',
  onlineUrl: 'Link to join online',
};

/** For chairs: an extra meeting, outside the usual cadence. */
export function AddMeetingForm({ groupId, timeZone }: { groupId: string; timeZone: string }) {
  const form = useFormState();

  async function add(values: FormValues) {
    const given = withoutEmpty(values);
    const times = meetingTimes(given, timeZone);
    const body = validate(createMeetingBody, {
      ...(given.title ? { title: given.title } : {}),
      ...(given.place ? { place: given.place } : {}),
      ...(given.onlineUrl ? { onlineUrl: given.onlineUrl } : {}),
      ...times,
    });
    const meeting = await api.post<MeetingSummary>(meetingsApi(groupId), body);
    navigate(meetingsPage(groupId, meeting.id), {
      notice: 'The meeting is added. Everyone in the group can see it and say if they will come.',
    });
  }

  return (
    <section aria-labelledby="add-meeting-heading" className="section">
      <h2 id="add-meeting-heading">Add a meeting</h2>
      <p>An extra meeting, besides those our Terms of Reference plan.</p>
      <Form
        id="add-meeting"
        state={form}
        labels={LABELS}
        onSubmit={add}
        labelledBy="add-meeting-heading"
      >
        <TextField name="title" optional autoComplete="off" hint="For example “Extra meeting”." />
        <TextField name="date" type="date" autoComplete="off" />
        <div className="time-pair">
          <TextField
            name="startsAt"
            type="time"
            autoComplete="off"
            hint={`On the 24-hour clock, ${timeZone} time.`}
          />
          <TextField
            name="endsAt"
            type="time"
            autoComplete="off"
            hint={`On the 24-hour clock, ${timeZone} time.`}
          />
        </div>
        <TextField name="place" optional autoComplete="off" hint="A room and address." />
        <TextField
          name="onlineUrl"
          type="url"
          optional
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          hint="If people can join online: a web address starting with https://"
        />
        <SubmitButton busy={form.busy}>Add the meeting</SubmitButton>
      </Form>
    </section>
  );
}
