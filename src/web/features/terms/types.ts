import type { z } from 'zod';
import type {
  acceptanceList,
  reminderCounts,
  termsDiff,
  termsInForce,
  termsVersion,
  versionList,
} from '../../../contracts/terms.ts';
import type { Terms } from '../../../policy/terms.ts';
import { segment } from '../../lib/api.ts';

export type TermsInForce = z.infer<typeof termsInForce>;
export type TermsVersion = z.infer<typeof termsVersion>;
export type TermsDiff = z.infer<typeof termsDiff>;
export type AcceptanceList = z.infer<typeof acceptanceList>;
export type ReminderCounts = z.infer<typeof reminderCounts>;
export type VersionList = z.infer<typeof versionList>;
export type { Terms };

/** The API path of a group's Terms of Reference, and the pages that show them. */
export function termsApi(groupId: string, rest = ''): string {
  return `/api/v1/groups/${segment(groupId)}/terms${rest}`;
}

export function termsPage(groupId: string, rest = ''): string {
  return `/groups/${segment(groupId)}/terms${rest}`;
}
