import { CopyField } from '../../components/CopyField.tsx';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { formatTimeIn } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { QrCode } from './QrCode.tsx';
import { MARK_LABELS, meetingsApi, type CheckInLink, type MeetingDetail } from './types.ts';

type Props = {
  detail: MeetingDetail;
  checkedAt: string;
  /** True while live updates are broken and the page fetches on a timer instead. */
  byTimer?: boolean;
};

/**
 * While the meeting is on: who has checked in, whether there is a quorum, the
 * agenda in order, and (for chairs and note-takers) the check-in code to show.
 * The page fetches the meeting again whenever the server says something
 * changed (or every few seconds if it cannot hear), so this keeps up.
 */
export function LiveSection({ detail, checkedAt, byTimer = false }: Props) {
  const { meeting, attendees, quorum, agenda, can } = detail;
  const zone = meeting.timeZone;
  const checkedIn = attendees
    .filter((a) => a.checkedInAt && (a.mark === 'present_in_person' || a.mark === 'present_online'))
    .sort((a, b) => (a.checkedInAt ?? '').localeCompare(b.checkedInAt ?? ''));

  return (
    <section aria-labelledby="live-title" className="section live">
      <h2 id="live-title">The meeting is on now</h2>
      <p className="muted">
        This part updates by itself{byTimer ? ' every 10 seconds' : ''}. Last checked at{' '}
        {formatTimeIn(checkedAt, zone)}.
      </p>

      {can.recordAttendance ? (
        <CheckInCode detail={detail} />
      ) : (
        <p>To check in, scan the code the chair shows, or open the check-in link they share.</p>
      )}

      <h3 id="checked-in-title">Checked in so far: {checkedIn.length}</h3>
      {checkedIn.length === 0 ? (
        <p>No one has checked in yet.</p>
      ) : (
        <ul aria-labelledby="checked-in-title" className="people-list">
          {checkedIn.map((person) => (
            <li key={person.userId}>
              {person.name}: {MARK_LABELS[person.mark ?? 'present_in_person'].toLowerCase()}, at{' '}
              {formatTimeIn(person.checkedInAt ?? '', zone)}
            </li>
          ))}
        </ul>
      )}

      <h3>Quorum</h3>
      {quorum ? (
        <p className={quorum.met ? 'quorum quorum-met' : 'quorum quorum-not-met'}>
          <strong>{quorum.met ? 'Quorum is met.' : 'Quorum is not met yet.'}</strong>{' '}
          {quorum.explanation}
        </p>
      ) : (
        <p>Our Terms of Reference set no quorum.</p>
      )}

      <h3 id="live-agenda-title">Agenda</h3>
      {agenda.length === 0 ? (
        <p>There is nothing on the agenda.</p>
      ) : (
        <ol aria-labelledby="live-agenda-title">
          {agenda.map((item) => (
            <li key={item.id}>{item.title}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** For chairs and note-takers: the code to show in the room, and the link to share online. */
function CheckInCode({ detail }: { detail: MeetingDetail }) {
  const { meeting } = detail;
  const link = useResource<CheckInLink>(meetingsApi(meeting.groupId, meeting.id, '/check-in-link'));
  if (link.error) return <LoadProblem error={link.error} retry={link.reload} />;
  if (!link.data) return <Loading>Loading the check-in code…</Loading>;
  const zone = meeting.timeZone;
  return (
    <div className="panel checkin-panel">
      <h3>Check-in code</h3>
      <p>
        Show this in the room, or share the link with people joining online. Check-in is open from{' '}
        {formatTimeIn(link.data.opensAt, zone)} to {formatTimeIn(link.data.closesAt, zone)}.
      </p>
      <figure className="checkin-figure">
        <QrCode rows={link.data.qr} label={`QR code of the check-in link for ${meeting.title}`} />
        <figcaption className="checkin-link">{link.data.link}</figcaption>
      </figure>
      <CopyField
        id="check-in-link"
        label="Check-in link"
        value={link.data.link}
        copyLabel="Copy the check-in link"
      />
    </div>
  );
}
