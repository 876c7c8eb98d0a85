import { useState, type ReactNode } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { Me } from '../../../contracts/accounts.ts';
import type { Group } from '../../../contracts/groups.ts';
import type { termsInForce } from '../../../contracts/terms.ts';
import type { z } from 'zod';
import { Problem, useToProblem } from '../../components/Feedback.tsx';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { UnavailablePage, WaitingPage } from '../../components/PageFrames.tsx';
import { Section } from '../../components/Section.tsx';
import { api, ApiError, segment } from '../../lib/api.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import { navigate } from '../../lib/router.ts';
import { GroupDetailsForm } from './GroupDetailsForm.tsx';
import { InviteSection } from './InviteSection.tsx';
import { PeopleSection } from './PeopleSection.tsx';
import { PublicPageSection } from './PublicPageSection.tsx';
import { roleLabel } from './roles.ts';
import { WorkingGroupsSection } from './WorkingGroupsSection.tsx';

/** The headings of the page's sections. */
const SECTIONS = defineMessages({
  purpose: { id: 'groups.home.purposeTitle', defaultMessage: 'What we are working towards' },
  people: { id: 'groups.people.title', defaultMessage: 'People' },
  leave: { id: 'groups.leave.title', defaultMessage: 'Leave this group' },
});

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

/** What the page says when there is no such group for this person. */
const UNAVAILABLE = defineMessages({
  title: { id: 'groups.home.notFoundTitle', defaultMessage: 'We could not find that group' },
  missing: {
    id: 'groups.home.notFoundBody',
    defaultMessage:
      'It may have been removed, or you may not be in it. To join a group, ask its chair for an invitation link, or ask to join from its public page.',
  },
  back: { id: 'groups.home.goToMyGroups', defaultMessage: 'Go to my groups' },
});

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
  const intl = useIntl();
  const group = useResource<Group>(`/api/v1/groups/${segment(groupId)}`);
  const takesPart = group.data?.myRole != null && group.data.myRole !== 'observer';
  const terms = useResource<z.infer<typeof termsInForce>>(
    takesPart ? `/api/v1/groups/${segment(groupId)}/terms` : null,
  );

  if (group.error && ['not_found', 'validation_failed'].includes(group.error.code)) {
    return <UnavailablePage error={group.error} messages={UNAVAILABLE} back="/groups" />;
  }
  if (!group.data) {
    return (
      <WaitingPage
        title={intl.formatMessage({ id: 'groups.home.loadingTitle', defaultMessage: 'Group' })}
        error={group.error}
        retry={group.reload}
      />
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
              <FormattedMessage
                id="groups.home.workingGroupOf"
                defaultMessage="A working group of {parent}"
                values={{
                  parent: <Link to={`/groups/${segment(data.parent.id)}`}>{data.parent.name}</Link>,
                }}
              />
            </p>
          ) : null}
          <p>
            {data.myRole ? (
              <FormattedMessage
                id="groups.home.yourRole"
                defaultMessage="Your role: {role}"
                values={{ role: roleLabel(intl, data.myRole) }}
              />
            ) : (
              <FormattedMessage
                id="groups.home.asAdmin"
                defaultMessage="You are not in this group: you see it as the administrator."
              />
            )}
          </p>
        </div>
      }
    >
      {terms.data ? <ReviewNotice groupId={data.id} terms={terms.data} /> : null}

      <Section id="purpose-title" heading={SECTIONS.purpose}>
        <p className="purpose">
          {data.purpose ||
            intl.formatMessage({
              id: 'groups.home.noPurpose',
              defaultMessage: 'The group has not written this down yet.',
            })}
        </p>
        <p>
          <Link to={`/groups/${segment(data.id)}/terms`}>
            <FormattedMessage id="groups.home.termsLink" defaultMessage="Terms of Reference" />
          </Link>
        </p>
        {canManage ? <GroupDetailsForm group={data} onSaved={group.reload} /> : null}
      </Section>

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
          canAnswerRequests={isChair}
        />
      ) : (
        <Section id="people-title" heading={SECTIONS.people}>
          <p>
            <FormattedMessage
              id="groups.home.peopleCount"
              defaultMessage="{count, plural, one {There is # person in this group.} other {There are # people in this group.}}"
              values={{ count: data.peopleCount }}
            />
          </p>
        </Section>
      )}

      {data.parent === null ? (
        <WorkingGroupsSection
          group={data}
          canCreate={canManage}
          aboutWorkingGroup={takesPart ? aboutWorkingGroup : undefined}
        />
      ) : null}

      {isChair ? <InviteSection groupId={data.id} /> : null}

      {isChair ? <PublicPageSection groupId={data.id} /> : null}

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
  const intl = useIntl();
  const review = terms.review;
  if (!review || review.state === 'ok') return null;
  return (
    <section aria-labelledby="review-notice-title" className="section notice">
      <h2 id="review-notice-title">
        {review.state === 'overdue'
          ? intl.formatMessage({
              id: 'groups.review.overdueTitle',
              defaultMessage: 'The review of our Terms of Reference is overdue',
            })
          : intl.formatMessage({
              id: 'groups.review.dueTitle',
              defaultMessage: 'Our Terms of Reference are due for review',
            })}
      </h2>
      <p>
        {review.state === 'overdue' ? (
          <FormattedMessage
            id="groups.review.overdue"
            defaultMessage="The review was due on {date}."
            values={{ date: formatCalendarDate(review.dueOn) }}
          />
        ) : (
          <FormattedMessage
            id="groups.review.due"
            defaultMessage="The review is due on {date}, in {days, plural, one {# day} other {# days}}."
            values={{ date: formatCalendarDate(review.dueOn), days: review.daysUntilDue }}
          />
        )}
      </p>
      <p>
        <Link to={`/groups/${segment(groupId)}/terms`}>
          <FormattedMessage id="groups.review.link" defaultMessage="Go to the Terms of Reference" />
        </Link>
      </p>
    </section>
  );
}

function LeaveGroup({ group, me }: { group: Group; me: Me }) {
  const intl = useIntl();
  const toProblem = useToProblem();
  const [problem, setProblem] = useState<ApiError | null>(null);

  function leave() {
    const question = intl.formatMessage(
      {
        id: 'groups.leave.confirm',
        defaultMessage:
          'Leave {name}? To come back you will need a new invitation link, or to ask to join again.',
      },
      { name: group.name },
    );
    if (!window.confirm(question)) return;
    setProblem(null);
    api.delete(`/api/v1/groups/${segment(group.id)}/people/${segment(me.id)}`).then(
      () =>
        navigate('/groups', {
          notice: intl.formatMessage(
            { id: 'groups.leave.done', defaultMessage: 'You have left {name}.' },
            { name: group.name },
          ),
        }),
      (error: unknown) => setProblem(toProblem(error)),
    );
  }

  return (
    <Section id="leave-title" heading={SECTIONS.leave}>
      <p>
        <FormattedMessage
          id="groups.leave.body"
          defaultMessage="You can leave at any time. Nothing you wrote for the group is deleted."
        />
      </p>
      <button type="button" className="button button-warning" onClick={leave}>
        <FormattedMessage
          id="groups.leave.button"
          defaultMessage="Leave {name}"
          values={{ name: group.name }}
        />
      </button>
      <Problem error={problem} />
    </Section>
  );
}
