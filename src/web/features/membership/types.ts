import type { z } from 'zod';
import type {
  commitmentList,
  membershipEntry,
  membershipList,
  membershipState,
  personMembership,
  quorumCategories,
} from '../../../contracts/meetings.ts';
import { segment } from '../../lib/api.ts';

export type MembershipList = z.infer<typeof membershipList>;
export type MembershipEntry = z.infer<typeof membershipEntry>;
export type MembershipState = z.infer<typeof membershipState>;
export type PersonMembership = z.infer<typeof personMembership>;
export type CommitmentList = z.infer<typeof commitmentList>;
export type QuorumCategoryList = z.infer<typeof quorumCategories>;

export function groupApi(groupId: string, rest: string): string {
  return `/api/v1/groups/${segment(groupId)}${rest}`;
}

export function personPage(groupId: string, userId: string): string {
  return `/groups/${segment(groupId)}/people/${segment(userId)}`;
}

export const STATUS_LABELS: Record<MembershipState, string> = {
  participant: 'participant',
  member: 'member',
  lapsed: 'lapsed',
};

export function meetingsCounted(n: number): string {
  return n === 1 ? '1 meeting counted' : `${n} meetings counted`;
}
