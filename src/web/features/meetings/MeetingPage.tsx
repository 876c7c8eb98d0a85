import { useCallback, useState, type ReactNode } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { Me } from '../../../contracts/accounts.ts';
import type { Group } from '../../../contracts/groups.ts';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { pageFrame } from '../../components/PageFrames.tsx';
import { Section } from '../../components/Section.tsx';
import { segment } from '../../lib/api.ts';
import { useGroupEvents, type GroupEventKind } from '../../lib/events.ts';
import { formatDate, formatDayIn, formatMeetingTime } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { usePolling, useReloadAt } from './actions.ts';
import { AgendaSection } from './AgendaSection.tsx';
import { AttendeesSection } from './AttendeesSection.tsx';
import { LiveAgenda, LiveSection } from './LiveSection.tsx';
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

/** What the page says before it can be shown. */
const FRAME = defineMessages({
  pageTitle: { id: 'meetings.meeting.loadingTitle', defaultMessage: 'Meeting' },
  title: { id: 'meetings.meeting.notFoundTitle', defaultMessage: 'We could not find that meeting' },
  missing: {
    id: 'meetings.meeting.notFoundWhy',
    defaultMessage: 'It may have been removed, or you may not be in the group.',
  },
  back: { id: 'meetings.meeting.goToGroup', defaultMessage: 'Go to the group' },
});

/** The headings of the page's sections. */
const SECTIONS = defineMessages({
  corrections: {
    id: 'meetings.corrections.heading',
    defaultMessage: 'Attendance changed after the meeting',
  },
});

/**
 * One meeting: when and where, who is coming, its agenda and papers. While it
 * is on, what is happening now comes first (check-in, quorum, the proposals
 * being tested, the agenda in order) and what was for before the meeting
 * folds away, so on a phone the open vote is a thumb's reach from the top.
 */
export function MeetingPage({ groupId, meetingId, me, proposals }: Props) {
  const intl = useIntl();
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

  const frame = pageFrame([detail, group], FRAME, `/groups/${segment(groupId)}`);
  if (frame || !detail.data || !group.data) return frame;

  const data = detail.data;
  const { meeting, can } = data;
  const day = formatDayIn(meeting.startsAt, meeting.timeZone);
  const open = meeting.status === 'scheduled';
  const running = live && open;
  const groupLink = <Link to={`/groups/${segment(groupId)}`}>{group.data.name}</Link>;

  const beforeMaterial = (
    <>
      <AgendaSection detail={data} me={me} onChanged={detail.reload} />
      {!running && proposals ? proposals(data) : null}
      <PapersSection detail={data} onChanged={detail.reload} />
      <AttendeesSection detail={data} />
    </>
  );

  return (
    <Page
      title={intl.formatMessage(
        { id: 'meetings.meeting.title', defaultMessage: '{title}, {day}' },
        { title: meeting.title, day },
      )}
      lead={
        <div className="lead meeting-lead">
          <p>
            {data.workingGroup ? (
              <FormattedMessage
                id="meetings.meeting.ofWorkingGroup"
                defaultMessage="A meeting of {group}, working group “{workingGroup}”"
                values={{ group: groupLink, workingGroup: data.workingGroup.title }}
              />
            ) : (
              <FormattedMessage
                id="meetings.meeting.ofGroup"
                defaultMessage="A meeting of {group}"
                values={{ group: groupLink }}
              />
            )}
          </p>
          <p className="meeting-when">
            {formatMeetingTime(meeting.startsAt, meeting.endsAt, meeting.timeZone)}
          </p>
          <Where meeting={meeting} />
          <Changes meeting={meeting} />
          {data.addedAfterItOn ? (
            <p className="meeting-added-after">
              <FormattedMessage
                id="meetings.meeting.addedAfter"
                defaultMessage="Added to Accord on {date}, after it took place."
                values={{ date: formatDate(data.addedAfterItOn) }}
              />
            </p>
          ) : null}
          <p className="meeting-links">
            <Link to={meetingsPage(groupId)}>
              <FormattedMessage id="meetings.meeting.allMeetings" defaultMessage="All meetings" />
            </Link>
            {meeting.phase === 'live' || meeting.phase === 'past' ? (
              <Link to={meetingsPage(groupId, meeting.id, '/notes')}>
                <FormattedMessage id="meetings.meeting.notes" defaultMessage="Notes and actions" />
              </Link>
            ) : null}
          </p>
        </div>
      }
    >
      {can.rsvp && open && meeting.phase === 'upcoming' ? (
        <RsvpSection meeting={meeting} onAnswered={detail.reload} />
      ) : null}
      {running ? (
        <>
          <LiveSection detail={data} myId={me.id} checkedAt={checkedAt} byTimer={events.failed} />
          {proposals ? proposals(data) : null}
          <LiveAgenda detail={data} onChanged={detail.reload} />
          <details className="details before-meeting">
            <summary>
              <FormattedMessage
                id="meetings.meeting.beforeMaterial"
                defaultMessage="The full agenda, papers and who is coming"
              />
            </summary>
            {beforeMaterial}
          </details>
        </>
      ) : (
        beforeMaterial
      )}
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
    <Section id="corrections-title" heading={SECTIONS.corrections}>
      <ul className="item-list" aria-labelledby="corrections-title">
        {corrections.map((c, index) => (
          <li key={index} className="item">
            {c.kind === 'import' ? (
              <FormattedMessage
                id="meetings.corrections.imported"
                defaultMessage="Attendance imported after the meeting on {date} ({count, plural, one {# mark} other {# marks}}): {reason}"
                values={{ date: formatDate(c.madeAt), count: c.changes, reason: c.reason }}
              />
            ) : (
              <FormattedMessage
                id="meetings.corrections.corrected"
                defaultMessage="Attendance corrected after the meeting on {date}: {reason}"
                values={{ date: formatDate(c.madeAt), reason: c.reason }}
              />
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
