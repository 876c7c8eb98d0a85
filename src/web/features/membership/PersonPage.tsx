import { defineMessages, FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { Group } from '../../../contracts/groups.ts';
import { Link } from '../../components/Link.tsx';
import { ListSection } from '../../components/ListSection.tsx';
import { Page } from '../../components/Page.tsx';
import { pageFrame } from '../../components/PageFrames.tsx';
import { segment } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { QuorumCategories } from './QuorumCategories.tsx';
import {
  groupApi,
  meetingsCounted,
  ruleSummary,
  STATUS_LABELS,
  type PersonMembership,
} from './types.ts';
import './membership.css';

type Row = PersonMembership['attendance'][number];
type Event = PersonMembership['timeline'][number];

const MARK_WORDS = defineMessages({
  present_in_person: {
    id: 'membership.mark.presentInPerson',
    defaultMessage: 'Present in the room',
  },
  present_online: { id: 'membership.mark.presentOnline', defaultMessage: 'Present online' },
  apologies: { id: 'membership.mark.apologies', defaultMessage: 'Sent apologies' },
  absent: { id: 'membership.mark.absent', defaultMessage: 'Absent' },
  none: { id: 'membership.mark.none', defaultMessage: 'Not recorded' },
  // The meeting is running and they have no mark: they may still arrive.
  not_checked_in_yet: {
    id: 'membership.mark.notCheckedInYet',
    defaultMessage: 'Not checked in yet: the meeting is on now',
  },
});

/** How one step of a person's membership came about, in a sentence. */
function eventText(intl: IntlShape, event: Event): string {
  const date = formatDate(event.on);
  const count = event.count ?? 0;
  switch (event.kind) {
    case 'joined':
      return intl.formatMessage(
        { id: 'membership.timeline.joined', defaultMessage: 'Joined the group on {date}.' },
        { date },
      );
    case 'became_member':
      return intl.formatMessage(
        {
          id: 'membership.timeline.becameMember',
          defaultMessage:
            'Became a member on {date} after their {count, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} meeting.',
        },
        { date, count },
      );
    case 'lapsed':
      return intl.formatMessage(
        {
          id: 'membership.timeline.lapsed',
          defaultMessage:
            'Membership lapsed on {date} after {count, plural, one {# absence} other {# absences}} in a row.',
        },
        { date, count },
      );
    case 'returned':
      return intl.formatMessage(
        {
          id: 'membership.timeline.returned',
          defaultMessage:
            'Came back on {date}: a participant again, and a member again by the same rule.',
        },
        { date },
      );
  }
}

/** What the page says before it can be shown. */
const FRAME = defineMessages({
  pageTitle: { id: 'membership.person.loadingTitle', defaultMessage: 'Membership' },
  title: {
    id: 'membership.person.notFoundTitle',
    defaultMessage: 'We could not show this person’s membership',
  },
  missing: {
    id: 'membership.person.notFoundWhy',
    defaultMessage: 'They may have left the group, or you may not be in it.',
  },
  forbidden: {
    id: 'membership.person.forbidden',
    defaultMessage: 'Only people who take part in the group see its membership.',
  },
  back: { id: 'membership.person.goToGroup', defaultMessage: 'Go to the group' },
});

/** The page's lists: their headings, and what stands in for an empty one. */
const LISTS = defineMessages({
  timeline: { id: 'membership.person.timelineHeading', defaultMessage: 'How it came about' },
  timelineEmpty: { id: 'membership.person.timelineEmpty', defaultMessage: 'Nothing yet.' },
  meetings: { id: 'membership.person.meetingsHeading', defaultMessage: 'Meetings' },
  meetingsEmpty: {
    id: 'membership.person.noMeetings',
    defaultMessage: 'There have been no meetings yet.',
  },
});

/**
 * One person's membership of a group: their status, how it came about, and
 * the meetings behind it. Worked out from attendance; nobody types it in.
 */
export function PersonPage({ groupId, userId }: { groupId: string; userId: string }) {
  const intl = useIntl();
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const person = useResource<PersonMembership>(groupApi(groupId, `/membership/${segment(userId)}`));
  const frame = pageFrame([person, group], FRAME, `/groups/${segment(groupId)}`);
  if (frame || !person.data || !group.data) return frame;

  const { person: entry, rule, timeline, attendance } = person.data;
  return (
    <Page
      title={entry.name}
      lead={
        <p className="lead">
          <FormattedMessage
            id="membership.person.inGroup"
            defaultMessage="In {group}"
            values={{ group: <Link to={`/groups/${segment(groupId)}`}>{group.data.name}</Link> }}
          />
        </p>
      }
    >
      <section aria-labelledby="status-title" className="panel">
        <h2 id="status-title">
          <FormattedMessage
            id="membership.person.status"
            defaultMessage="Membership: {status}"
            values={{ status: intl.formatMessage(STATUS_LABELS[entry.status]) }}
          />
        </h2>
        <p>
          <FormattedMessage
            id="membership.person.asOf"
            defaultMessage="{counted} as of {date}."
            values={{
              counted: meetingsCounted(intl, entry.meetingsCounted),
              date: formatDate(person.data.asOf),
            }}
          />
        </p>
        <p>
          {rule.source === 'seed' ? (
            <FormattedMessage
              id="membership.person.ruleSeed"
              defaultMessage="{rule} Status is worked out from attendance and our Terms of Reference (the template’s rule, until the group adopts its own); no one sets it by hand."
              values={{ rule: ruleSummary(intl, rule) }}
            />
          ) : (
            <FormattedMessage
              id="membership.person.rule"
              defaultMessage="{rule} Status is worked out from attendance and our Terms of Reference; no one sets it by hand."
              values={{ rule: ruleSummary(intl, rule) }}
            />
          )}
        </p>
      </section>

      {group.data.myRole === 'chair' ? (
        <QuorumCategories groupId={groupId} userId={userId} name={entry.name} />
      ) : null}

      <ListSection
        id="timeline-title"
        heading={LISTS.timeline}
        count={timeline.length}
        empty={LISTS.timelineEmpty}
        listClassName="timeline"
        ordered
      >
        {timeline.map((event) => (
          <li key={`${event.kind}-${event.on}`}>{eventText(intl, event)}</li>
        ))}
      </ListSection>

      <ListSection
        id="attendance-title"
        heading={LISTS.meetings}
        count={attendance.length}
        empty={LISTS.meetingsEmpty}
        listClassName="item-list"
      >
        {attendance.map((row) => (
          <AttendanceRow key={row.meetingId} groupId={groupId} row={row} />
        ))}
      </ListSection>
    </Page>
  );
}

function AttendanceRow({ groupId, row }: { groupId: string; row: Row }) {
  const intl = useIntl();
  const title = (
    <FormattedMessage
      id="membership.person.meetingTitle"
      defaultMessage="{title}, {date}"
      values={{ title: row.title, date: formatDate(row.startsAt) }}
    />
  );
  const mark = intl.formatMessage(MARK_WORDS[row.mark]);
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">
          {row.workingGroup ? (
            title
          ) : (
            <Link to={`/groups/${segment(groupId)}/meetings/${segment(row.meetingId)}`}>
              {title}
            </Link>
          )}
        </p>
        <p className={row.mark === 'not_checked_in_yet' ? 'mark-running' : 'muted'}>
          {row.workingGroup ? (
            <FormattedMessage
              id="membership.person.markWorkingGroup"
              defaultMessage="{mark} (a working group meeting)."
              values={{ mark }}
            />
          ) : (
            <FormattedMessage
              id="membership.person.mark"
              defaultMessage="{mark}."
              values={{ mark }}
            />
          )}
        </p>
      </div>
    </li>
  );
}
