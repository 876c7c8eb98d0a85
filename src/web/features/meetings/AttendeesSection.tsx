import type { Attendee, MeetingDetail } from './types.ts';
import { MARK_LABELS } from './types.ts';

/** Who is coming (before), or who came (during and after); apology reasons for chairs. */
export function AttendeesSection({ detail }: { detail: MeetingDetail }) {
  const { meeting, attendees, counts } = detail;
  const before = meeting.phase === 'upcoming' || meeting.phase === 'cancelled';
  const coming = attendees.filter((a) => a.intent === 'attending');
  // Before: what people said. During and after: the register, or their apologies if unmarked.
  const apologies = attendees.filter((a) =>
    before
      ? a.intent === 'apologies'
      : a.mark === 'apologies' || (a.mark === null && a.intent === 'apologies'),
  );
  const noAnswer = attendees.filter((a) => a.intent === null && a.mark === null);
  // While the meeting runs, no mark yet means they may still arrive: never "absent".
  const notYet = attendees.filter(
    (a) => a.mark === null && a.intent !== 'apologies' && meeting.phase === 'live',
  );
  const present = attendees.filter(
    (a) => a.mark === 'present_in_person' || a.mark === 'present_online',
  );

  return (
    <section aria-labelledby="attendees-title" className="section">
      <h2 id="attendees-title">{before ? 'Who is coming' : 'Who came'}</h2>
      <p>
        {before
          ? `${counts.attending} coming, ${counts.apologies} sent apologies, ${counts.noAnswer} not answered yet.`
          : `${counts.present} present, ${counts.apologies} sent apologies${
              meeting.phase === 'live' ? `, ${notYet.length} not checked in yet` : ''
            }.`}
      </p>
      {before ? (
        <>
          <People title="Coming" people={coming} />
          <People title="Sent apologies" people={apologies} withReasons />
          <People title="Not answered yet" people={noAnswer} />
        </>
      ) : (
        <>
          <People title="Present" people={present} withMarks />
          <People title="Sent apologies" people={apologies} withReasons />
          <People title="Not checked in yet" people={notYet} />
        </>
      )}
    </section>
  );
}

function People({
  title,
  people,
  withReasons,
  withMarks,
}: {
  title: string;
  people: Attendee[];
  withReasons?: boolean;
  withMarks?: boolean;
}) {
  if (people.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul aria-label={title} className="people-list">
        {people.map((person) => (
          <li key={person.userId}>
            {person.name}
            {withMarks && person.mark ? ` (${MARK_LABELS[person.mark].toLowerCase()})` : ''}
            {withReasons && person.apologyReason ? (
              <span className="muted"> — reason (only chairs see it): {person.apologyReason}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
