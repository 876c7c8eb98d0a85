import { useCallback, useState, type ReactNode } from 'react';
import type { Me } from '../../../contracts/accounts.ts';
import type { Group } from '../../../contracts/groups.ts';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { segment } from '../../lib/api.ts';
import { useGroupEvents, type GroupEventKind } from '../../lib/events.ts';
import { formatDate, formatDayIn, formatMeetingTime } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { usePolling, useReloadAt } from './actions.ts';
import { AgendaSection } from './AgendaSection.tsx';
import { AttendeesSection } from './AttendeesSection.tsx';
import { LiveSection } from './LiveSection.tsx';
import { ManageMeeting } from './ManageMeeting.tsx';
import { Changes, Where } from './MeetingList.tsx';
import { PapersSection } from './PapersSection.tsx';
import { RegisterSection } from './RegisterSection.tsx';
import { RsvpSection } from './RsvpSection.tsx';
import { meetingsApi, meetingsPage, type MeetingDetail } from './types.ts';
import './meetings.css';

type Props = {
  groupId: string;
  meetingId: string;
  me: Me;
  /** What another feature shows in the meeting, such as its proposals; app/ composes it. */
  proposals?: (detail: MeetingDetail) => ReactNode;
};

const MEETING_EVENTS: GroupEventKind[] = ['checkin', 'agenda', 'meeting'];

/** One meeting: when and where, who is coming, its agenda and papers; live while it is on. */
export function MeetingPage({ groupId, meetingId, me, proposals }: Props) {
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const detail = useResource<MeetingDetail>(meetingsApi(groupId, meetingId));
  const [checkedAt, setCheckedAt] = useState(() => new Date().toISOString());
  const { reload } = detail;
  const refresh = useCallback(() => {
    setCheckedAt(new Date().toISOString());
    reload();
  }, [reload]);
  const live = detail.data?.meeting.phase === 'live';
  // The server says when check-ins or the agenda change; fetch on a timer only if that breaks.
  const events = useGroupEvents(groupId, MEETING_EVENTS, refresh);
  usePolling(refresh, live && events.failed);
  useReloadAt(
    refresh,
    detail.data?.meeting.phase === 'upcoming' ? detail.data.checkIn.opensAt : null,
  );

  const error = detail.error ?? group.error;
  if (error && ['not_found', 'validation_failed', 'forbidden'].includes(error.code)) {
    return (
      <Page title="We could not find that meeting">
        <p>It may have been removed, or you may not be in the group.</p>
        <p>
          <Link to={`/groups/${segment(groupId)}`}>Go to the group</Link>
        </p>
      </Page>
    );
  }
  if (!detail.data || !group.data) {
    return (
      <Page title="Meeting" busy>
        {error ? (
          <LoadProblem
            error={error}
            retry={() => {
              group.reload();
              detail.reload();
            }}
          />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }

  const data = detail.data;
  const { meeting, can } = data;
  const day = formatDayIn(meeting.startsAt, meeting.timeZone);
  const open = meeting.status === 'scheduled';
  return (
    <Page
      title={`${meeting.title}, ${day}`}
      lead={
        <div className="lead meeting-lead">
          <p>
            A meeting of <Link to={`/groups/${segment(groupId)}`}>{group.data.name}</Link>
            {data.workingGroup ? `, working group “${data.workingGroup.title}”` : ''}
          </p>
          <p className="meeting-when">
            {formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.timeZone)}
          </p>
          <Where meeting={meeting} />
          <Changes meeting={meeting} />
          {data.addedAfterItOn ? (
            <p className="meeting-added-after">
              Added to Accord on {formatDate(data.addedAfterItOn)}, after it took place.
            </p>
          ) : null}
          <p>
            <Link to={meetingsPage(groupId)}>All meetings</Link>
          </p>
          {meeting.phase === 'live' || meeting.phase === 'past' ? (
            <p>
              <Link to={meetingsPage(groupId, meeting.id, '/notes')}>Notes and actions</Link>
            </p>
          ) : null}
        </div>
      }
    >
      {can.rsvp && open && meeting.phase !== 'past' ? (
        <RsvpSection meeting={meeting} onAnswered={detail.reload} />
      ) : null}
      {live && open ? (
        <LiveSection detail={data} checkedAt={checkedAt} byTimer={events.failed} />
      ) : null}
      {live && open && proposals ? proposals(data) : null}
      <AgendaSection detail={data} me={me} onChanged={detail.reload} />
      {!(live && open) && proposals ? proposals(data) : null}
      <PapersSection detail={data} onChanged={detail.reload} />
      <AttendeesSection detail={data} />
      <AttendanceCorrections detail={data} />
      {can.recordAttendance && open && meeting.phase !== 'upcoming' ? (
        <RegisterSection detail={data} onSaved={detail.reload} />
      ) : null}
      {can.manage && open && meeting.phase === 'upcoming' ? (
        <ManageMeeting meeting={meeting} onChanged={detail.reload} />
      ) : null}
    </Page>
  );
}

/**
 * Attendance changed after the meeting ended, with the reasons: membership is
 * worked out from attendance, so the group sees every such change.
 */
function AttendanceCorrections({ detail }: { detail: MeetingDetail }) {
  const corrections = detail.attendanceCorrections;
  if (corrections.length === 0) return null;
  return (
    <section aria-labelledby="corrections-title" className="section">
      <h2 id="corrections-title">Attendance changed after the meeting</h2>
      <ul className="item-list" aria-labelledby="corrections-title">
        {corrections.map((c, index) => (
          <li key={index} className="item">
            {c.kind === 'import'
              ? `Attendance imported after the meeting on ${formatDate(c.madeAt)} (${c.changes} ${c.changes === 1 ? 'mark' : 'marks'})`
              : `Attendance corrected after the meeting on ${formatDate(c.madeAt)}`}
            : {c.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
