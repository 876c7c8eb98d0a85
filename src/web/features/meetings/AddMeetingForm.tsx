import { FormattedMessage, useIntl } from 'react-intl';
import { createMeetingBody } from '../../../contracts/meetings.ts';
import { Form, SubmitButton, TextField } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, withoutEmpty, type FormValues } from '../../lib/forms.ts';
import { navigate } from '../../lib/router.ts';
import { meetingTimes } from './time.ts';
import { meetingsApi, meetingsPage, type MeetingSummary } from './types.ts';

/** For chairs: an extra meeting, outside the usual cadence. */
export function AddMeetingForm({ groupId, timeZone }: { groupId: string; timeZone: string }) {
  const intl = useIntl();
  const form = useFormState();
  const labels = {
    title: intl.formatMessage({ id: 'meetings.add.title', defaultMessage: 'Name of the meeting' }),
    date: intl.formatMessage({ id: 'meetings.add.date', defaultMessage: 'Date' }),
    startsAt: intl.formatMessage({ id: 'meetings.add.start', defaultMessage: 'Start time' }),
    endsAt: intl.formatMessage({ id: 'meetings.add.end', defaultMessage: 'End time' }),
    place: intl.formatMessage({ id: 'meetings.add.place', defaultMessage: 'Where' }),
    onlineUrl: intl.formatMessage({
      id: 'meetings.add.onlineUrl',
      defaultMessage: 'Link to join online',
    }),
  };
  const clock = intl.formatMessage(
    { id: 'meetings.add.timeHint', defaultMessage: 'On the 24-hour clock, {zone} time.' },
    { zone: timeZone },
  );

  async function add(values: FormValues) {
    const given = withoutEmpty(values);
    const times = meetingTimes(given, timeZone, intl);
    const body = validate(createMeetingBody, {
      ...(given.title ? { title: given.title } : {}),
      ...(given.place ? { place: given.place } : {}),
      ...(given.onlineUrl ? { onlineUrl: given.onlineUrl } : {}),
      ...times,
    });
    const meeting = await api.post<MeetingSummary>(meetingsApi(groupId), body);
    navigate(meetingsPage(groupId, meeting.id), {
      notice: intl.formatMessage({
        id: 'meetings.add.done',
        defaultMessage:
          'The meeting is added. Everyone in the group can see it and say if they will come.',
      }),
    });
  }

  return (
    <section aria-labelledby="add-meeting-heading" className="section">
      <h2 id="add-meeting-heading">
        <FormattedMessage id="meetings.add.heading" defaultMessage="Add a meeting" />
      </h2>
      <p>
        <FormattedMessage
          id="meetings.add.intro"
          defaultMessage="An extra meeting, besides those our Terms of Reference plan."
        />
      </p>
      <Form
        id="add-meeting"
        state={form}
        labels={labels}
        onSubmit={add}
        labelledBy="add-meeting-heading"
      >
        <TextField
          name="title"
          optional
          autoComplete="off"
          hint={intl.formatMessage({
            id: 'meetings.add.titleHint',
            defaultMessage: 'For example “Extra meeting”.',
          })}
        />
        <TextField name="date" type="date" autoComplete="off" />
        <div className="time-pair">
          <TextField name="startsAt" type="time" autoComplete="off" hint={clock} />
          <TextField name="endsAt" type="time" autoComplete="off" hint={clock} />
        </div>
        <TextField
          name="place"
          optional
          autoComplete="off"
          hint={intl.formatMessage({
            id: 'meetings.add.placeHint',
            defaultMessage: 'A room and address.',
          })}
        />
        <TextField
          name="onlineUrl"
          type="url"
          optional
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          hint={intl.formatMessage({
            id: 'meetings.add.onlineUrlHint',
            defaultMessage: 'If people can join online: a web address starting with https://',
          })}
        />
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="meetings.add.submit" defaultMessage="Add the meeting" />
        </SubmitButton>
      </Form>
    </section>
  );
}
