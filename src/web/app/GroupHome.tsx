import type { Me } from '../../contracts/accounts.ts';
import { DecisionsSection } from '../features/decisions/DecisionsSection.tsx';
import { GroupHomePage } from '../features/groups/GroupHomePage.tsx';
import { MeetingsSection } from '../features/meetings/MeetingsSection.tsx';
import { CommitmentsSection } from '../features/membership/CommitmentsSection.tsx';
import { CommitToWorkingGroup } from '../features/membership/CommitToWorkingGroup.tsx';
import { MembershipLine, usePeopleMembership } from '../features/membership/PeopleMembership.tsx';
import { RecordsSection } from '../features/notes/RecordsSection.tsx';
import { ReleaseOffers } from '../features/public/ReleaseOffers.tsx';
import { useGroupRole } from './GroupRole.tsx';

/**
 * A group's home, with the meetings, decisions, membership and working-group
 * parts other features add.
 */
export function GroupHome({ groupId, me }: { groupId: string; me: Me }) {
  const role = useGroupRole(groupId);
  // Observers see who takes part, not their membership: it is not asked for.
  const membership = usePeopleMembership(
    role === undefined || role === 'observer' ? null : groupId,
  );
  return (
    <GroupHomePage
      groupId={groupId}
      me={me}
      meetings={(group) => (
        <>
          <MeetingsSection group={group} />
          {group.myRole !== 'observer' ? <DecisionsSection group={group} /> : null}
          <RecordsSection group={group} />
          {group.myRole === 'chair' ? <ReleaseOffers groupId={group.id} /> : null}
        </>
      )}
      workingGroup={(group) => <CommitmentsSection group={group} me={me} />}
      aboutWorkingGroup={(workingGroup) => <CommitToWorkingGroup workingGroup={workingGroup} />}
      aboutPeople={membership.rule ? <p>{membership.rule}</p> : null}
      aboutPerson={(userId) => {
        const entry = membership.byUser.get(userId);
        return entry ? <MembershipLine groupId={groupId} entry={entry} /> : null;
      }}
    />
  );
}
