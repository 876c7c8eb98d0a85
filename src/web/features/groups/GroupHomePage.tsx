import { useState, type ReactNode } from 'react';
import type { Me } from '../../../contracts/accounts.ts';
import type { Group } from '../../../contracts/groups.ts';
import type { termsInForce } from '../../../contracts/terms.ts';
import type { z } from 'zod';
import { LoadProblem, Loading, Problem } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { navigate } from '../../lib/router.ts';
import { GroupDetailsForm } from './GroupDetailsForm.tsx';
import { InviteSection } from './InviteSection.tsx';
import { PeopleSection } from './PeopleSection.tsx';
import { ROLE_LABELS } from './roles.ts';
import { WorkingGroupsSection } from './WorkingGroupsSection.tsx';

/**
 * What other features show on a group's home; app/ composes them, so that
 * features do not import each other.
 */
export type GroupHomeParts = {
  /** After the purpose: the group's meetings. */
  meetings?: (group: Group) => ReactNode;
  /** Under each person in the people list, such as their membership status. */
  aboutPerson?: (userId: string) => ReactNode;
  /** Under the people list's first line, such as the membership rule. */
  aboutPeople?: ReactNode;
  /** On a working group's home: who has committed time to it. */
  workingGroup?: (group: Group) => ReactNode;
  /** Under each working group in a steering group's list, for people who take part. */
  aboutWorkingGroup?: (workingGroup: { id: string; name: string }) => ReactNode;
};

type Props = { groupId: string; me: Me } & GroupHomeParts;

/** A group's home: its purpose, its people and their roles, its working groups, invitations. */
export function GroupHomePage({
  groupId,
  me,
  meetings,
  aboutPerson,
  aboutPeople,
  workingGroup,
  aboutWorkingGroup,
}: Props) {
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const takesPart = group.data?.myRole != null && group.data.myRole !== 'observer';
  const terms = useResource<z.infer<typeof termsInForce>>(
    takesPart ? `/api/v1/groups/${segment(groupId)}/terms` : null,
  );

  if (group.error && ['not_found', 'validation_failed'].includes(group.error.code)) {
    return (
      <Page title="We could not find that group">
        <p>
          It may have been removed, or you may not be in it. To join a group, ask its chair for an
          invitation link.
        </p>
        <p>
          <Link to="/groups">Go to my groups</Link>
        </p>
      </Page>
    );
  }
  if (!group.data) {
    return (
      <Page title="Group" busy>
        {group.error ? <LoadProblem error={group.error} retry={group.reload} /> : <Loading />}
      </Page>
    );
  }

  const data = group.data;
  const isChair = data.myRole === 'chair';
  const canManage = isChair || me.isAdmin;
  const canSeePeople = (data.myRole !== null && data.myRole !== 'observer') || me.isAdmin;

  return (
    <Page
      title={data.name}
      lead={
        <div className="lead">
          {data.parent ? (
            <p>
              A working group of{' '}
              <Link to={`/groups/${segment(data.parent.id)}`}>{data.parent.name}</Link>
            </p>
          ) : null}
          <p>
            {data.myRole
              ? `Your role: ${ROLE_LABELS[data.myRole]}`
              : 'You are not in this group: you see it as the administrator.'}
          </p>
        </div>
      }
    >
      {terms.data ? <ReviewNotice groupId={data.id} terms={terms.data} /> : null}

      <section aria-labelledby="purpose-title" className="section">
        <h2 id="purpose-title">What we are working towards</h2>
        <p className="purpose">{data.purpose || 'The group has not written this down yet.'}</p>
        <p>
          <Link to={`/groups/${segment(data.id)}/terms`}>Terms of Reference</Link>
        </p>
        {canManage ? <GroupDetailsForm group={data} onSaved={group.reload} /> : null}
      </section>

      {meetings && data.myRole ? meetings(data) : null}

      {workingGroup && data.parent ? workingGroup(data) : null}

      {canSeePeople ? (
        <PeopleSection
          groupId={data.id}
          me={me}
          canManage={canManage}
          onRolesChanged={group.reload}
          aboutPerson={aboutPerson}
          aboutPeople={aboutPeople}
        />
      ) : (
        <section aria-labelledby="people-title" className="section">
          <h2 id="people-title">People</h2>
          <p>
            {data.peopleCount === 1
              ? 'There is 1 person in this group.'
              : `There are ${data.peopleCount} people in this group.`}
          </p>
        </section>
      )}

      {data.parent === null ? (
        <WorkingGroupsSection
          group={data}
          canCreate={canManage}
          aboutWorkingGroup={takesPart ? aboutWorkingGroup : undefined}
        />
      ) : null}

      {isChair ? <InviteSection groupId={data.id} /> : null}

      {data.myRole ? <LeaveGroup group={data} me={me} /> : null}
    </Page>
  );
}

/** From the notice period before the annual review, and once it is overdue. */
function ReviewNotice({
  groupId,
  terms,
}: {
  groupId: string;
  terms: z.infer<typeof termsInForce>;
}) {
  const review = terms.review;
  if (!review || review.state === 'ok') return null;
  return (
    <section aria-labelledby="review-notice-title" className="section notice">
      <h2 id="review-notice-title">
        {review.state === 'overdue'
          ? 'The review of our Terms of Reference is overdue'
          : 'Our Terms of Reference are due for review'}
      </h2>
      <p>
        {review.state === 'overdue'
          ? `The review was due on ${formatCalendarDate(review.dueOn)}.`
          : `The review is due on ${formatCalendarDate(review.dueOn)}, in ${review.daysUntilDue} days.`}{' '}
        <Link to={`/groups/${segment(groupId)}/terms`}>Go to the Terms of Reference</Link>
      </p>
    </section>
  );
}

function LeaveGroup({ group, me }: { group: Group; me: Me }) {
  const [problem, setProblem] = useState<ApiError | null>(null);

  function leave() {
    if (!window.confirm(`Leave ${group.name}? To come back you will need a new invitation link.`)) {
      return;
    }
    setProblem(null);
    api.delete(`/api/v1/groups/${segment(group.id)}/people/${segment(me.id)}`).then(
      () => navigate('/groups', { notice: `You have left ${group.name}.` }),
      (error: unknown) =>
        setProblem(
          error instanceof ApiError ? error : new ApiError(0, 'unexpected', 'Please try again.'),
        ),
    );
  }

  return (
    <section aria-labelledby="leave-title" className="section">
      <h2 id="leave-title">Leave this group</h2>
      <p>You can leave at any time. Nothing you wrote for the group is deleted.</p>
      <button type="button" className="button button-warning" onClick={leave}>
        Leave {group.name}
      </button>
      <Problem error={problem} />
    </section>
  );
}
