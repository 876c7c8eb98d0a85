import { Link } from '../../components/Link.tsx';
import { formatDate } from '../../lib/format.ts';
import { useResource } from '../../lib/resource.ts';
import {
  groupApi,
  meetingsCounted,
  personPage,
  STATUS_LABELS,
  type MembershipEntry,
  type MembershipList,
} from './types.ts';
import './membership.css';

export type PeopleMembership = {
  /** Each person's entry, by user id; empty while loading or when the caller may not see it. */
  byUser: Map<string, MembershipEntry>;
  /** The rule in force, in plain words; null when not shown. */
  rule: string | null;
};

/**
 * Everyone's membership status in a group, worked out by the server from
 * attendance and the ToR. Observers may not see it: then there is nothing to show.
 */
export function usePeopleMembership(groupId: string): PeopleMembership {
  const list = useResource<MembershipList>(groupApi(groupId, '/membership'));
  const people = list.data?.people ?? [];
  return {
    byUser: new Map(people.map((p) => [p.userId, p])),
    rule: list.data?.rule.summary ?? null,
  };
}

/** One line under a person's name in the people list: status, meetings counted, history. */
export function MembershipLine({ groupId, entry }: { groupId: string; entry: MembershipEntry }) {
  const since =
    entry.status === 'member' && entry.becameMemberOn
      ? ` since ${formatDate(entry.becameMemberOn)}`
      : entry.status === 'lapsed' && entry.lapsedOn
        ? ` since ${formatDate(entry.lapsedOn)}`
        : '';
  return (
    <p className="membership-line">
      Membership: <strong>{STATUS_LABELS[entry.status]}</strong>
      {since} · {meetingsCounted(entry.meetingsCounted)} ·{' '}
      <Link to={personPage(groupId, entry.userId)}>
        Attendance<span className="visually-hidden"> and membership of {entry.name}</span>
      </Link>
    </p>
  );
}
