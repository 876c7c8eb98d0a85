import type { Group } from '../../../contracts/groups.ts';
import { LoadProblem, Loading } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { segment } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { QuorumCategories } from './QuorumCategories.tsx';
import { groupApi, meetingsCounted, STATUS_LABELS, type PersonMembership } from './types.ts';
import './membership.css';

const MARK_WORDS: Record<PersonMembership['attendance'][number]['mark'], string> = {
  present_in_person: 'present in the room',
  present_online: 'present online',
  apologies: 'sent apologies',
  absent: 'absent',
  none: 'not recorded',
};

/**
 * One person's membership of a group: their status, how it came about, and
 * the meetings behind it. Worked out from attendance; nobody types it in.
 */
export function PersonPage({ groupId, userId }: { groupId: string; userId: string }) {
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const person = useResource<PersonMembership>(groupApi(groupId, `/membership/${segment(userId)}`));
  const error = person.error ?? group.error;

  if (error && ['not_found', 'validation_failed', 'forbidden'].includes(error.code)) {
    return (
      <Page title="We could not show this person’s membership">
        <p>
          {error.code === 'forbidden'
            ? 'Only people who take part in the group see its membership.'
            : 'They may have left the group, or you may not be in it.'}
        </p>
        <p>
          <Link to={`/groups/${segment(groupId)}`}>Go to the group</Link>
        </p>
      </Page>
    );
  }
  if (!person.data || !group.data) {
    return (
      <Page title="Membership" busy>
        {error ? (
          <LoadProblem
            error={error}
            retry={() => {
              group.reload();
              person.reload();
            }}
          />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }

  const { person: entry, rule, timeline, attendance } = person.data;
  return (
    <Page
      title={entry.name}
      lead={
        <p className="lead">
          In <Link to={`/groups/${segment(groupId)}`}>{group.data.name}</Link>
        </p>
      }
    >
      <section aria-labelledby="status-title" className="panel">
        <h2 id="status-title">Membership: {STATUS_LABELS[entry.status]}</h2>
        <p>
          {meetingsCounted(entry.meetingsCounted)} as of {formatDate(person.data.asOf)}.
        </p>
        <p>
          {rule.summary} Status is worked out from attendance and our Terms of Reference
          {rule.source === 'seed' ? ' (the template’s rule, until the group adopts its own)' : ''};
          no one sets it by hand.
        </p>
      </section>

      {group.data.myRole === 'chair' ? (
        <QuorumCategories groupId={groupId} userId={userId} name={entry.name} />
      ) : null}

      <section aria-labelledby="timeline-title" className="section">
        <h2 id="timeline-title">How it came about</h2>
        {timeline.length === 0 ? (
          <p>Nothing yet.</p>
        ) : (
          <ol className="timeline" aria-labelledby="timeline-title">
            {timeline.map((event) => (
              <li key={`${event.kind}-${event.on}`}>{capitalise(event.text)}</li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="attendance-title" className="section">
        <h2 id="attendance-title">Meetings</h2>
        {attendance.length === 0 ? (
          <p>There have been no meetings yet.</p>
        ) : (
          <ul className="item-list" aria-labelledby="attendance-title">
            {attendance.map((row) => (
              <li key={row.meetingId} className="item">
                <div className="item-main">
                  <p className="item-title">
                    {row.workingGroup ? (
                      `${row.title}, ${formatDate(row.startsAt)}`
                    ) : (
                      <Link to={`/groups/${segment(groupId)}/meetings/${segment(row.meetingId)}`}>
                        {row.title}, {formatDate(row.startsAt)}
                      </Link>
                    )}
                  </p>
                  <p className="muted">
                    {capitalise(MARK_WORDS[row.mark])}
                    {row.workingGroup ? ' (a working group meeting)' : ''}.
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
