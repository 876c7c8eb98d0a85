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
  const form = useFormState();
  const announce = useAnnounce();
  const { meeting, attendees } = detail;
  const after = meeting.phase === 'past';
  const live = meeting.phase === 'live';

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
        ? 'Nothing in the register changed.'
        : `The register is saved: ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}.`,
    );
    onSaved();
  }

  return (
    <section aria-labelledby="register-title" className="section">
      <h2 id="register-title">Attendance register</h2>
      <p>
        Correct the register if someone could not check in. Membership is worked out from it, so
        each change is kept in the record.
        {after
          ? ' The meeting has ended: say why you are changing it. The group sees the reason on this meeting, and anyone whose membership the change moves is told by email.'
          : ''}
      </p>
      <Form
        id="register"
        state={form}
        labels={{
          ...Object.fromEntries(
            attendees.map((a) => [`mark.${a.userId}`, `Attendance of ${a.name}`]),
          ),
          reason: 'Why the register is changed after the meeting',
        }}
        onSubmit={save}
        labelledBy="register-title"
      >
        <ul className="item-list register-list" aria-label="The register">
          {attendees.map((person) => {
            const id = `register-mark.${person.userId}`;
            return (
              <li key={`${person.userId}-${person.mark ?? 'none'}`} className="item">
                <label htmlFor={id} className="item-main item-title">
                  <span className="visually-hidden">Attendance of </span>
                  {person.name}
                </label>
                <select
                  id={id}
                  name={`mark.${person.userId}`}
                  className="select"
                  defaultValue={person.mark ?? ''}
                >
                  {person.mark === null ? (
                    <option value="">{live ? 'Not checked in yet' : 'Not recorded'}</option>
                  ) : null}
                  {MARKS.map((mark) => (
                    <option key={mark} value={mark}>
                      {MARK_LABELS[mark]}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
        {after ? (
          <TextArea name="reason" hint="Shown to the group on this meeting, with the date." />
        ) : null}
        <SubmitButton busy={form.busy}>Save the register</SubmitButton>
      </Form>
    </section>
  );
}
