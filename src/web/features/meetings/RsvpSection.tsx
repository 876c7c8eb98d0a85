import { FormattedMessage, useIntl } from 'react-intl';
import { rsvpBody } from '../../../contracts/meetings.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Problem } from '../../components/Feedback.tsx';
import { Form, SubmitButton, TextArea } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { useFormState, validate, type FormValues } from '../../lib/forms.ts';
import { useAction } from './actions.ts';
import { answerText } from './MeetingList.tsx';
import { meetingsApi, type MeetingSummary } from './types.ts';

type Props = { meeting: MeetingSummary; onAnswered: () => void };

/** Before the meeting: say you will come, or send apologies (with a reason only chairs see). */
export function RsvpSection({ meeting, onAnswered }: Props) {
  const intl = useIntl();
  const announce = useAnnounce();
  const attend = useAction();
  const form = useFormState();
  const path = meetingsApi(meeting.groupId, meeting.id, '/rsvp');

  function coming() {
    attend.run(
      () => api.put(path, { response: 'attending' }),
      () => {
        announce(
          intl.formatMessage({
            id: 'meetings.rsvp.comingAnnounced',
            defaultMessage: 'Thank you: you said you will come.',
          }),
        );
        onAnswered();
      },
    );
  }

  async function apologies(values: FormValues) {
    const reason = values.reason?.trim();
    const body = validate(rsvpBody, { response: 'apologies', reason: reason ? reason : null });
    await api.put(path, body);
    announce(
      intl.formatMessage({
        id: 'meetings.rsvp.apologiesAnnounced',
        defaultMessage: 'Your apologies are sent.',
      }),
    );
    onAnswered();
  }

  return (
    <section aria-labelledby="rsvp-title" className="section">
      <h2 id="rsvp-title">
        <FormattedMessage id="meetings.rsvp.heading" defaultMessage="Will you come?" />
      </h2>
      <p className="rsvp-answer">{answerText(intl, meeting.myIntent)}</p>
      {meeting.myIntent !== 'attending' ? (
        <>
          <button
            type="button"
            className="button"
            onClick={coming}
            aria-disabled={attend.busy || undefined}
          >
            <FormattedMessage id="meetings.rsvp.coming" defaultMessage="I will come" />
          </button>
          <Problem error={attend.problem} />
        </>
      ) : null}
      <h3 id="apologies-title">
        {meeting.myIntent === 'apologies' ? (
          <FormattedMessage
            id="meetings.rsvp.changeReason"
            defaultMessage="Change the reason for your apologies"
          />
        ) : (
          <FormattedMessage id="meetings.rsvp.cannotCome" defaultMessage="Cannot come?" />
        )}
      </h3>
      <Form
        id="apologies"
        state={form}
        labels={{
          reason: intl.formatMessage({
            id: 'meetings.rsvp.reason',
            defaultMessage: 'Reason for your apologies',
          }),
        }}
        onSubmit={apologies}
        labelledBy="apologies-title"
      >
        <TextArea
          name="reason"
          optional
          hint={intl.formatMessage({
            id: 'meetings.rsvp.reasonHint',
            defaultMessage: 'Only the chairs see this. You do not have to give a reason.',
          })}
        />
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="meetings.rsvp.sendApologies" defaultMessage="Send apologies" />
        </SubmitButton>
      </Form>
    </section>
  );
}
