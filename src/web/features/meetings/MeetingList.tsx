import { Link } from '../../components/Link.tsx';
import { formatDayIn, formatMeetingTime } from '../../lib/format.ts';
import { meetingsPage, type MeetingSummary } from './types.ts';

type Props = {
  meetings: MeetingSummary[];
  /** Names the list for screen readers, such as "Upcoming meetings". */
  label: string;
};

/** Meetings in time order: when (in the meeting's time zone), where, changes, your answer. */
export function MeetingList({ meetings, label }: Props) {
  return (
    <ul className="item-list" aria-label={label}>
      {meetings.map((meeting) => (
        <li key={meeting.id} className="item">
          <div className="item-main">
            <p className="item-title">
              <Link to={meetingsPage(meeting.groupId, meeting.id)}>
                {meeting.title}, {formatDayIn(meeting.startsAt, meeting.timeZone)}
              </Link>
            </p>
            <p>{formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.timeZone)}</p>
            <Where meeting={meeting} />
            <Changes meeting={meeting} />
            {meeting.status === 'scheduled' && meeting.phase !== 'past' ? (
              <p className="muted">{answerText(meeting.myIntent)}</p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function answerText(intent: MeetingSummary['myIntent']): string {
  if (intent === 'attending') return 'Your answer: you will come.';
  if (intent === 'apologies') return 'Your answer: you sent your apologies.';
  return 'You have not said whether you will come.';
}

/** In a room, online, or both. */
export function Where({ meeting }: { meeting: MeetingSummary }) {
  if (!meeting.place && !meeting.onlineUrl) return <p className="muted">Place to be confirmed.</p>;
  return (
    <p>
      {meeting.place ? <>At {meeting.place}</> : null}
      {meeting.place && meeting.onlineUrl ? ', or online' : null}
      {!meeting.place && meeting.onlineUrl ? 'Online' : null}
      {meeting.onlineUrl ? (
        <>
          {': '}
          <a href={meeting.onlineUrl} className="meeting-url" rel="noreferrer">
            {meeting.onlineUrl}
          </a>
        </>
      ) : null}
    </p>
  );
}

/** Cancelled or moved, with the reason given. */
export function Changes({ meeting }: { meeting: MeetingSummary }) {
  if (meeting.status === 'cancelled') {
    return (
      <p className="meeting-change">
        <strong>Cancelled</strong>
        {meeting.cancelledReason ? `: ${meeting.cancelledReason}` : '.'}
      </p>
    );
  }
  if (meeting.moved) {
    return (
      <p className="meeting-change">
        <strong>Moved</strong>
        {meeting.movedReason ? `: ${meeting.movedReason}` : '.'}
      </p>
    );
  }
  return null;
}
