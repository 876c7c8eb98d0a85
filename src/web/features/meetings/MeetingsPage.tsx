import { useState } from 'react';
import {
  defineMessages,
  FormattedMessage,
  useIntl,
  type IntlShape,
  type MessageDescriptor,
} from 'react-intl';
import type { Group } from '../../../contracts/groups.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { pageFrame } from '../../components/PageFrames.tsx';
import { Section } from '../../components/Section.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { useResource } from '../../lib/resource.ts';
import { usePlace } from '../../lib/router.ts';
import { AddMeetingForm } from './AddMeetingForm.tsx';
import { AttendanceImport } from './AttendanceImport.tsx';
import { MeetingList } from './MeetingList.tsx';
import {
  browserTimeZone,
  meetingsApi,
  meetingsPage,
  type MeetingList as List,
  type ScheduleResult,
  type TermsInForce,
} from './types.ts';
import './meetings.css';

type When = 'upcoming' | 'past';

function asProblem(intl: IntlShape, error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(
        0,
        'unexpected',
        intl.formatMessage({ id: 'meetings.list.tryAgain', defaultMessage: 'Please try again.' }),
      );
}

/** What the page says before it can be shown. */
const FRAME = defineMessages({
  pageTitle: { id: 'meetings.list.title', defaultMessage: 'Meetings' },
  title: { id: 'meetings.list.notFoundTitle', defaultMessage: 'We could not show these meetings' },
  missing: {
    id: 'meetings.list.notFoundWhy',
    defaultMessage: 'The group may have been removed, or you may not be in it.',
  },
  back: { id: 'meetings.list.myGroups', defaultMessage: 'Go to my groups' },
});

/** The headings of the page's sections. */
const SECTIONS = defineMessages({
  schedule: { id: 'meetings.schedule.heading', defaultMessage: 'Schedule meetings' },
});

/** All of a group's meetings, upcoming or past; chairs plan them here. */
export function MeetingsPage({ groupId }: { groupId: string }) {
  const intl = useIntl();
  const place = usePlace();
  const when: When = new URLSearchParams(place.search).get('when') === 'past' ? 'past' : 'upcoming';
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const meetings = useResource<List>(meetingsApi(groupId, undefined, `?when=${when}`));
  const isChair = group.data?.myRole === 'chair';
  const keepsRegister = isChair || group.data?.myRole === 'note_taker';
  const terms = useResource<TermsInForce>(
    isChair ? `/api/v1/groups/${segment(groupId)}/terms` : null,
  );
  const pageTitle = intl.formatMessage(FRAME.pageTitle);
  const upcomingTitle = intl.formatMessage({
    id: 'meetings.list.upcoming',
    defaultMessage: 'Upcoming meetings',
  });
  const pastTitle = intl.formatMessage({
    id: 'meetings.list.past',
    defaultMessage: 'Past meetings',
  });

  const frame = pageFrame([group, meetings], FRAME, '/groups', [group]);
  if (frame || !group.data) return frame;

  const list = meetings.data?.meetings ?? [];
  const timeZone =
    list[0]?.timeZone ?? terms.data?.version?.document.cadence.timeZone ?? browserTimeZone();

  return (
    <Page
      title={pageTitle}
      lead={
        <p className="lead">
          <FormattedMessage
            id="meetings.list.ofGroup"
            defaultMessage="Of {group}"
            values={{ group: <Link to={`/groups/${segment(groupId)}`}>{group.data.name}</Link> }}
          />
        </p>
      }
    >
      <nav
        aria-label={intl.formatMessage({
          id: 'meetings.list.tabsLabel',
          defaultMessage: 'Which meetings',
        })}
        className="meeting-tabs"
      >
        <ul>
          <li>
            <Link
              to={meetingsPage(groupId)}
              aria-current={when === 'upcoming' ? 'page' : undefined}
            >
              {upcomingTitle}
            </Link>
          </li>
          <li>
            <Link
              to={meetingsPage(groupId, undefined, '?when=past')}
              aria-current={when === 'past' ? 'page' : undefined}
            >
              {pastTitle}
            </Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="meeting-list-title" className="section">
        <h2 id="meeting-list-title">{when === 'past' ? pastTitle : upcomingTitle}</h2>
        {meetings.error ? <LoadProblem error={meetings.error} retry={meetings.reload} /> : null}
        {meetings.loading ? <Loading /> : null}
        {meetings.data && list.length === 0 ? (
          <p>
            {when === 'past' ? (
              <FormattedMessage
                id="meetings.list.noPast"
                defaultMessage="No meetings have happened yet."
              />
            ) : (
              <FormattedMessage
                id="meetings.list.noUpcoming"
                defaultMessage="No meetings are planned."
              />
            )}
          </p>
        ) : null}
        {list.length > 0 ? (
          <MeetingList meetings={list} label={when === 'past' ? pastTitle : upcomingTitle} />
        ) : null}
      </section>

      {isChair ? <Schedule groupId={groupId} onScheduled={meetings.reload} /> : null}
      {isChair ? <AddMeetingForm groupId={groupId} timeZone={timeZone} /> : null}
      {keepsRegister ? <AttendanceImport groupId={groupId} /> : null}
    </Page>
  );
}

/** The parts of what scheduling did, each a count. */
const SCHEDULED: Record<'added' | 'kept' | 'removed' | 'cancelled', MessageDescriptor> =
  defineMessages({
    added: {
      id: 'meetings.schedule.added',
      defaultMessage: '{count, plural, one {# meeting} other {# meetings}} added',
    },
    kept: {
      id: 'meetings.schedule.kept',
      defaultMessage: '{count, plural, one {# meeting} other {# meetings}} already planned kept',
    },
    removed: {
      id: 'meetings.schedule.removed',
      defaultMessage: '{count} no longer in the cadence removed',
    },
    cancelled: {
      id: 'meetings.schedule.cancelled',
      defaultMessage: '{count} no longer in the cadence cancelled',
    },
  });

/** What scheduling did, in words: "3 meetings added; 2 meetings already planned kept." */
export function scheduleSummary(intl: IntlShape, result: ScheduleResult): string {
  const parts = [
    intl.formatMessage(SCHEDULED.added, { count: result.created }),
    intl.formatMessage(SCHEDULED.kept, { count: result.kept }),
  ];
  // Removals and cancellations are said only where there were some.
  for (const part of ['removed', 'cancelled'] as const) {
    if (result[part] > 0) parts.push(intl.formatMessage(SCHEDULED[part], { count: result[part] }));
  }
  return intl.formatMessage(
    { id: 'meetings.schedule.summary', defaultMessage: '{parts}.' },
    { parts: parts.join('; ') },
  );
}

function Schedule({ groupId, onScheduled }: { groupId: string; onScheduled: () => void }) {
  const intl = useIntl();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);

  function schedule() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    api.post<ScheduleResult>(meetingsApi(groupId, undefined, '/schedule'), {}).then(
      (answer) => {
        const words = scheduleSummary(intl, answer);
        setResult(words);
        setBusy(false);
        announce(words);
        onScheduled();
      },
      (error: unknown) => {
        setProblem(asProblem(intl, error));
        setBusy(false);
      },
    );
  }

  return (
    <Section id="schedule-title" heading={SECTIONS.schedule}>
      <p>
        <FormattedMessage
          id="meetings.schedule.intro"
          defaultMessage="Plan the next 12 months of meetings from how often our Terms of Reference say we meet. Meetings already planned are kept, with any changes made to them."
        />
      </p>
      <button type="button" className="button" onClick={schedule} aria-disabled={busy || undefined}>
        <FormattedMessage
          id="meetings.schedule.button"
          defaultMessage="Schedule meetings from our Terms of Reference"
        />
      </button>
      {result ? <p className="notice">{result}</p> : null}
      <Problem error={problem} />
    </Section>
  );
}
