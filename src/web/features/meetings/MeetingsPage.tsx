import { useState } from 'react';
import type { Group } from '../../../contracts/groups.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
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

function asProblem(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', 'Please try again.');
}

/** All of a group's meetings, upcoming or past; chairs plan them here. */
export function MeetingsPage({ groupId }: { groupId: string }) {
  const place = usePlace();
  const when: When = new URLSearchParams(place.search).get('when') === 'past' ? 'past' : 'upcoming';
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const meetings = useResource<List>(meetingsApi(groupId, undefined, `?when=${when}`));
  const isChair = group.data?.myRole === 'chair';
  const keepsRegister = isChair || group.data?.myRole === 'note_taker';
  const terms = useResource<TermsInForce>(
    isChair ? `/api/v1/groups/${segment(groupId)}/terms` : null,
  );
  const error = group.error ?? meetings.error;

  if (error && ['not_found', 'validation_failed', 'forbidden'].includes(error.code)) {
    return (
      <Page title="We could not show these meetings">
        <p>The group may have been removed, or you may not be in it.</p>
        <p>
          <Link to="/groups">Go to my groups</Link>
        </p>
      </Page>
    );
  }
  if (!group.data) {
    return (
      <Page title="Meetings" busy>
        {error ? <LoadProblem error={error} retry={group.reload} /> : <Loading />}
      </Page>
    );
  }

  const list = meetings.data?.meetings ?? [];
  const timeZone =
    list[0]?.timeZone ?? terms.data?.version?.document.cadence.timeZone ?? browserTimeZone();

  return (
    <Page
      title="Meetings"
      lead={
        <p className="lead">
          Of <Link to={`/groups/${segment(groupId)}`}>{group.data.name}</Link>
        </p>
      }
    >
      <nav aria-label="Which meetings" className="meeting-tabs">
        <ul>
          <li>
            <Link
              to={meetingsPage(groupId)}
              aria-current={when === 'upcoming' ? 'page' : undefined}
            >
              Upcoming meetings
            </Link>
          </li>
          <li>
            <Link
              to={meetingsPage(groupId, undefined, '?when=past')}
              aria-current={when === 'past' ? 'page' : undefined}
            >
              Past meetings
            </Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="meeting-list-title" className="section">
        <h2 id="meeting-list-title">{when === 'past' ? 'Past meetings' : 'Upcoming meetings'}</h2>
        {meetings.error ? <LoadProblem error={meetings.error} retry={meetings.reload} /> : null}
        {meetings.loading ? <Loading /> : null}
        {meetings.data && list.length === 0 ? (
          <p>{when === 'past' ? 'No meetings have happened yet.' : 'No meetings are planned.'}</p>
        ) : null}
        {list.length > 0 ? (
          <MeetingList
            meetings={list}
            label={when === 'past' ? 'Past meetings' : 'Upcoming meetings'}
          />
        ) : null}
      </section>

      {isChair ? <Schedule groupId={groupId} onScheduled={meetings.reload} /> : null}
      {isChair ? <AddMeetingForm groupId={groupId} timeZone={timeZone} /> : null}
      {keepsRegister ? <AttendanceImport groupId={groupId} /> : null}
    </Page>
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What scheduling did, in words: "3 meetings added; 2 already planned were kept." */
export function scheduleSummary(result: ScheduleResult): string {
  const parts = [`${plural(result.created, 'meeting', 'meetings')} added`];
  parts.push(`${plural(result.kept, 'meeting', 'meetings')} already planned kept`);
  if (result.removed > 0) parts.push(`${result.removed} no longer in the cadence removed`);
  if (result.cancelled > 0) parts.push(`${result.cancelled} no longer in the cadence cancelled`);
  return `${parts.join('; ')}.`;
}

function Schedule({ groupId, onScheduled }: { groupId: string; onScheduled: () => void }) {
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
        const words = scheduleSummary(answer);
        setResult(words);
        setBusy(false);
        announce(words);
        onScheduled();
      },
      (error: unknown) => {
        setProblem(asProblem(error));
        setBusy(false);
      },
    );
  }

  return (
    <section aria-labelledby="schedule-title" className="section">
      <h2 id="schedule-title">Schedule meetings</h2>
      <p>
        Plan the next 12 months of meetings from how often our Terms of Reference say we meet.
        Meetings already planned are kept, with any changes made to them.
      </p>
      <button type="button" className="button" onClick={schedule} aria-disabled={busy || undefined}>
        Schedule meetings from our Terms of Reference
      </button>
      {result ? <p className="notice">{result}</p> : null}
      <Problem error={problem} />
    </section>
  );
}
