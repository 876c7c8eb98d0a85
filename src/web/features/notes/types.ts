import { defineMessages, type MessageDescriptor } from 'react-intl';
import type { z } from 'zod';
import type { Group, peopleList } from '../../../contracts/groups.ts';
import type { meetingDetail, meetingList } from '../../../contracts/meetings.ts';
import type {
  action,
  actionList,
  attributionFlag,
  checkResult,
  meetingNotes,
  searchResults,
} from '../../../contracts/notes.ts';
import { segment } from '../../lib/api.ts';

export type { Group };
export type MeetingNotes = z.infer<typeof meetingNotes>;
export type NotesVersion = NonNullable<MeetingNotes['current']>;
export type NotesStatus = NotesVersion['status'];
export type Flag = z.infer<typeof attributionFlag>;
export type CheckResult = z.infer<typeof checkResult>;
export type Action = z.infer<typeof action>;
export type ActionList = z.infer<typeof actionList>;
export type MeetingDetail = z.infer<typeof meetingDetail>;
export type MeetingList = z.infer<typeof meetingList>;
export type Meeting = MeetingList['meetings'][number];
export type PeopleList = z.infer<typeof peopleList>;
export type SearchResults = z.infer<typeof searchResults>;
export type NotView = { text: string; reason: string };
export type KeptSentence = MeetingNotes['keptAsWritten'][number];

/** Why a flag points to someone, in plain words, by how it does. */
export const FLAG_WHY: Record<Flag['kind'], MessageDescriptor> = defineMessages({
  name: { id: 'notes.flag.why.name', defaultMessage: '{who} is named as holding this view.' },
  pronoun: {
    id: 'notes.flag.why.pronoun',
    defaultMessage: '“{word}” points back to {who}, named earlier in the paragraph.',
  },
  role: { id: 'notes.flag.why.role', defaultMessage: 'Only one person is {who}.' },
  note_taker: {
    id: 'notes.flag.why.noteTaker',
    defaultMessage: '“{word}” is the note-taker.',
  },
  guest: { id: 'notes.flag.why.guest', defaultMessage: '{who} is named.' },
  few_people: { id: 'notes.flag.why.fewPeople', defaultMessage: 'Only a few people are {who}.' },
  near_view: { id: 'notes.flag.why.nearView', defaultMessage: '{who} is named beside a view.' },
});

/** Pronouns that point to someone, the note-taker's own among them. */
const POINTING = /\b(she|he|they|her|hers|his|him|them|their|theirs|I|me|my|mine)\b/i;

/**
 * The word of a flag that points to someone ("She" in "She felt"), for the
 * pronoun and the note-taker's "I"; the flagged words themselves otherwise.
 */
export function pointingWord(flag: Pick<Flag, 'kind' | 'text'>): string {
  if (flag.kind !== 'pronoun' && flag.kind !== 'note_taker') return flag.text;
  return POINTING.exec(flag.text)?.[0] ?? flag.text;
}

export function groupApi(groupId: string, rest = ''): string {
  return `/api/v1/groups/${segment(groupId)}${rest}`;
}

/** The API path of a meeting, or of something under it. */
export function meetingApi(groupId: string, meetingId: string, rest = ''): string {
  return groupApi(groupId, `/meetings/${segment(meetingId)}${rest}`);
}

/** The API path of a meeting's notes, or of an action on them (`/check`, `/circulate`…). */
export function notesApi(groupId: string, meetingId: string, rest = ''): string {
  return meetingApi(groupId, meetingId, `/notes${rest}`);
}

/** The API path of a group's actions, or of one action. */
export function actionsApi(groupId: string, actionId?: string, rest = ''): string {
  return groupApi(groupId, actionId ? `/actions/${segment(actionId)}${rest}` : `/actions${rest}`);
}

export function groupPage(groupId: string): string {
  return `/groups/${segment(groupId)}`;
}

export function meetingPage(groupId: string, meetingId: string): string {
  return `${groupPage(groupId)}/meetings/${segment(meetingId)}`;
}

export function notesPage(groupId: string, meetingId: string): string {
  return `${meetingPage(groupId, meetingId)}/notes`;
}

export function decisionPage(groupId: string, decisionId: string): string {
  return `${groupPage(groupId)}/decisions/${segment(decisionId)}`;
}

export function actionsPage(groupId: string, search = ''): string {
  return `${groupPage(groupId)}/actions${search}`;
}

export function searchPage(groupId: string, q?: string): string {
  return `${groupPage(groupId)}/search${q ? `?q=${encodeURIComponent(q)}` : ''}`;
}

export const STATUS_LABELS = defineMessages({
  draft: { id: 'notes.status.draft', defaultMessage: 'Draft' },
  circulated: { id: 'notes.status.circulated', defaultMessage: 'Circulated for comments' },
  approved: { id: 'notes.status.approved', defaultMessage: 'Approved' },
}) satisfies Record<NotesStatus, MessageDescriptor>;

/** How the register marked someone, in words. */
export const MARK_WORDS: Record<string, MessageDescriptor> = defineMessages({
  present_in_person: { id: 'notes.mark.presentInPerson', defaultMessage: 'present in the room' },
  present_online: { id: 'notes.mark.presentOnline', defaultMessage: 'present online' },
  apologies: { id: 'notes.mark.apologies', defaultMessage: 'sent apologies' },
  absent: { id: 'notes.mark.absent', defaultMessage: 'absent' },
});
