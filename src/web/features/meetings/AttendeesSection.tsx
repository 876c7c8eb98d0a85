import { FormattedMessage, useIntl } from 'react-intl';
import type { Attendee, MeetingDetail } from './types.ts';
import { MARK_WORDS } from './types.ts';

/** Who is coming (before), or who came (during and after); apology reasons for chairs. */
export function AttendeesSection({ detail }: { detail: MeetingDetail }) {
  const intl = useIntl();
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
  const sentApologies = intl.formatMessage({
    id: 'meetings.attendees.apologies',
    defaultMessage: 'Sent apologies',
  });

  return (
    <section aria-labelledby="attendees-title" className="section">
      <h2 id="attendees-title">
        {before ? (
          <FormattedMessage id="meetings.attendees.comingHeading" defaultMessage="Who is coming" />
        ) : (
          <FormattedMessage id="meetings.attendees.cameHeading" defaultMessage="Who came" />
        )}
      </h2>
      <p>
        {before ? (
          <FormattedMessage
            id="meetings.attendees.countsBefore"
            defaultMessage="{attending} coming, {apologies} sent apologies, {noAnswer} not answered yet."
            values={{
              attending: counts.attending,
              apologies: counts.apologies,
              noAnswer: counts.noAnswer,
            }}
          />
        ) : meeting.phase === 'live' ? (
          <FormattedMessage
            id="meetings.attendees.countsLive"
            defaultMessage="{present} present, {apologies} sent apologies, {notYet} not checked in yet."
            values={{ present: counts.present, apologies: counts.apologies, notYet: notYet.length }}
          />
        ) : (
          <FormattedMessage
            id="meetings.attendees.countsAfter"
            defaultMessage="{present} present, {apologies} sent apologies."
            values={{ present: counts.present, apologies: counts.apologies }}
          />
        )}
      </p>
      {before ? (
        <>
          <People
            title={intl.formatMessage({
              id: 'meetings.attendees.coming',
              defaultMessage: 'Coming',
            })}
            people={coming}
          />
          <People title={sentApologies} people={apologies} withReasons />
          <People
            title={intl.formatMessage({
              id: 'meetings.attendees.noAnswer',
              defaultMessage: 'Not answered yet',
            })}
            people={noAnswer}
          />
        </>
      ) : (
        <>
          <People
            title={intl.formatMessage({
              id: 'meetings.attendees.present',
              defaultMessage: 'Present',
            })}
            people={present}
            withMarks
          />
          <People title={sentApologies} people={apologies} withReasons />
          <People
            title={intl.formatMessage({
              id: 'meetings.attendees.notYet',
              defaultMessage: 'Not checked in yet',
            })}
            people={notYet}
          />
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
  const intl = useIntl();
  if (people.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul aria-label={title} className="people-list">
        {people.map((person) => (
          <li key={person.userId}>
            {withMarks && person.mark ? (
              <FormattedMessage
                id="meetings.attendees.withMark"
                defaultMessage="{name} ({mark})"
                values={{ name: person.name, mark: intl.formatMessage(MARK_WORDS[person.mark]) }}
              />
            ) : withReasons && person.apologyReason ? (
              <FormattedMessage
                id="meetings.attendees.withReason"
                defaultMessage="{name}<muted> — reason (only chairs see it): {reason}</muted>"
                values={{
                  name: person.name,
                  reason: person.apologyReason,
                  muted: (chunks) => <span className="muted">{chunks}</span>,
                }}
              />
            ) : (
              person.name
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
