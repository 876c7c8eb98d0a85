import type { z } from 'zod';
import type { decisionList } from '../../../contracts/decisions.ts';
import type { Group } from '../../../contracts/groups.ts';
import type { meetingList } from '../../../contracts/meetings.ts';
import type {
  learningEntry,
  learningList,
  suggestion,
  suggestionList,
} from '../../../contracts/notes.ts';
import { segment } from '../../lib/api.ts';

export type { Group };
export type LearningEntry = z.infer<typeof learningEntry>;
export type LearningList = z.infer<typeof learningList>;
export type Suggestion = z.infer<typeof suggestion>;
export type SuggestionList = z.infer<typeof suggestionList>;
export type DecisionList = z.infer<typeof decisionList>;
export type Decision = DecisionList['decisions'][number];
export type MeetingList = z.infer<typeof meetingList>;
export type Meeting = MeetingList['meetings'][number];

export function groupApi(groupId: string, rest = ''): string {
  return `/api/v1/groups/${segment(groupId)}${rest}`;
}

export function groupPage(groupId: string, rest = ''): string {
  return `/groups/${segment(groupId)}${rest}`;
}
