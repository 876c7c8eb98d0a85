import { FormattedMessage, useIntl } from 'react-intl';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Form, SubmitButton, TextArea } from '../../components/Form.tsx';
import { api, segment } from '../../lib/api.ts';
import { useFormState, type FormValues } from '../../lib/forms.ts';
import { MARK_LABELS, MARKS, meetingsApi, type Mark, type MeetingDetail } from './types.ts';

/** For chairs and note-takers: correct the attendance register, one choice per person. */
export function RegisterSection({
  detail,
  onSaved,
}: {
  detail: MeetingDetail;
  onSaved: () => void;
}) {
  const intl = useIntl();
  const form = useFormState();
  const announce = useAnnounce();
  const { meeting, attendees } = detail;
  const after = meeting.phase === 'past';
  const live = meeting.phase === 'live';
  const attendanceOf = (name: string) =>
    intl.formatMessage(
      { id: 'meetings.register.attendanceOf', defaultMessage: 'Attendance of {name}' },
      { name },
    );

  async function save(values: FormValues) {
    const changes = attendees.filter((person) => {
      const chosen = values[`mark.${person.userId}`];
      return chosen && chosen !== person.mark;
    });
    for (const person of changes) {
      await api.put(
        meetingsApi(meeting.groupId, meeting.id, `/attendance/${segment(person.userId)}`),
        {
          mark: values[`mark.${person.userId}`] as Mark,
          ...(after ? { reason: values.reason ?? '' } : {}),
        },
      );
    }
    announce(
      changes.length === 0
        ? intl.formatMessage({
            id: 'meetings.register.unchanged',
            defaultMessage: 'Nothing in the register changed.',
          })
        : intl.formatMessage(
            {
              id: 'meetings.register.saved',
              defaultMessage:
                'The register is saved: {count, plural, one {# change} other {# changes}}.',
            },
            { count: changes.length },
          ),
    );
    onSaved();
  }

  return (
    <section aria-labelledby="register-title" className="section">
      <h2 id="register-title">
        <FormattedMessage id="meetings.register.heading" defaultMessage="Attendance register" />
      </h2>
      <p>
        {after ? (
          <FormattedMessage
            id="meetings.register.introAfter"
            defaultMessage="Correct the register if someone could not check in. Membership is worked out from it, so each change is kept in the record. The meeting has ended: say why you are changing it. The group sees the reason on this meeting, and anyone whose membership the change moves is told by email."
          />
        ) : (
          <FormattedMessage
            id="meetings.register.intro"
            defaultMessage="Correct the register if someone could not check in. Membership is worked out from it, so each change is kept in the record."
          />
        )}
      </p>
      <Form
        id="register"
        state={form}
        labels={{
          ...Object.fromEntries(attendees.map((a) => [`mark.${a.userId}`, attendanceOf(a.name)])),
          reason: intl.formatMessage({
            id: 'meetings.register.reason',
            defaultMessage: 'Why the register is changed after the meeting',
          }),
        }}
        onSubmit={save}
        labelledBy="register-title"
      >
        <ul
          className="item-list register-list"
          aria-label={intl.formatMessage({
            id: 'meetings.register.listLabel',
            defaultMessage: 'The register',
          })}
        >
          {attendees.map((person) => {
            const id = `register-mark.${person.userId}`;
            return (
              <li key={`${person.userId}-${person.mark ?? 'none'}`} className="item">
                <label htmlFor={id} className="item-main item-title">
                  <FormattedMessage
                    id="meetings.register.personLabel"
                    defaultMessage="<hidden>Attendance of </hidden>{name}"
                    values={{
                      name: person.name,
                      hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                    }}
                  />
                </label>
                <select
                  id={id}
                  name={`mark.${person.userId}`}
                  className="select"
                  defaultValue={person.mark ?? ''}
                >
                  {person.mark === null ? (
                    <option value="">
                      {live
                        ? intl.formatMessage({
                            id: 'meetings.register.notYet',
                            defaultMessage: 'Not checked in yet',
                          })
                        : intl.formatMessage({
                            id: 'meetings.register.notRecorded',
                            defaultMessage: 'Not recorded',
                          })}
                    </option>
                  ) : null}
                  {MARKS.map((mark) => (
                    <option key={mark} value={mark}>
                      {intl.formatMessage(MARK_LABELS[mark])}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
        {after ? (
          <TextArea
            name="reason"
            hint={intl.formatMessage({
              id: 'meetings.register.reasonHint',
              defaultMessage: 'Shown to the group on this meeting, with the date.',
            })}
          />
        ) : null}
        <SubmitButton busy={form.busy}>
          <FormattedMessage id="meetings.register.submit" defaultMessage="Save the register" />
        </SubmitButton>
      </Form>
    </section>
  );
}
