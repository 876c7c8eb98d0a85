import type { z } from 'zod';
import type { decisionList, proposalList } from '../../../contracts/decisions.ts';
import type { Group } from '../../../contracts/groups.ts';
import type { meetingList } from '../../../contracts/meetings.ts';
import type { itemType, release, releasedList } from '../../../contracts/notes.ts';
import type { groupLinkList, releaseOfferList } from '../../../contracts/releases.ts';
import type { termsInForce } from '../../../contracts/terms.ts';
import type { myJoinRequest, publicGroupPage } from '../../../contracts/join-requests.ts';
import { segment } from '../../lib/api.ts';

export type { Group };
export type ItemType = z.infer<typeof itemType>;
export type Release = z.infer<typeof release>;
export type ReleasedList = z.infer<typeof releasedList>;
export type ReleasedItem = ReleasedList['items'][number];
export type DecisionList = z.infer<typeof decisionList>;
export type Decision = DecisionList['decisions'][number];
export type MeetingList = z.infer<typeof meetingList>;
export type Meeting = MeetingList['meetings'][number];
export type TermsInForce = z.infer<typeof termsInForce>;
export type ProposalList = z.infer<typeof proposalList>;
export type GroupLinkList = z.infer<typeof groupLinkList>;
export type ReleaseOfferList = z.infer<typeof releaseOfferList>;
export type ReleaseOffer = ReleaseOfferList['offers'][number];
export type PublicGroupPageData = z.infer<typeof publicGroupPage>;
export type MyJoinRequest = z.infer<typeof myJoinRequest>;

export function groupApi(groupId: string, rest = ''): string {
  return `/api/v1/groups/${segment(groupId)}${rest}`;
}

/** The API path of a group's public page: what it has released. */
export function publicApi(groupId: string): string {
  return `/api/v1/public/groups/${segment(groupId)}`;
}

/** The API path of a group's public page beyond its releases: purpose, joining, meeting dates. */
export function publicPageApi(groupId: string, rest = '/page'): string {
  return `/api/v1/public/groups/${segment(groupId)}${rest}`;
}

export function publicPage(groupId: string): string {
  return `/public/groups/${segment(groupId)}`;
}
