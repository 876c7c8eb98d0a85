import type { z } from 'zod';
import type {
  agendaItem,
  attendee,
  calendarFeed,
  checkInLink,
  checkInResult,
  feedList,
  importResult,
  mark,
  meetingDetail,
  meetingList,
  MeetingSummary,
  notificationSettings,
  paper,
  scheduleResult,
} from '../../../contracts/meetings.ts';
import type { termsInForce } from '../../../contracts/terms.ts';
import { segment } from '../../lib/api.ts';

export type { MeetingSummary };
export type MeetingList = z.infer<typeof meetingList>;
export type MeetingDetail = z.infer<typeof meetingDetail>;
export type AgendaItem = z.infer<typeof agendaItem>;
export type Attendee = z.infer<typeof attendee>;
export type Paper = z.infer<typeof paper>;
export type Mark = z.infer<typeof mark>;
export type ScheduleResult = z.infer<typeof scheduleResult>;
export type CheckInLink = z.infer<typeof checkInLink>;
export type CheckInResult = z.infer<typeof checkInResult>;
export type ImportResult = z.infer<typeof importResult>;
export type CalendarFeed = z.infer<typeof calendarFeed>;
export type FeedList = z.infer<typeof feedList>;
export type NotificationSettings = z.infer<typeof notificationSettings>;
export type TermsInForce = z.infer<typeof termsInForce>;

/** The API path of a group's meetings, or of one meeting and what is under it. */
export function meetingsApi(groupId: string, meetingId?: string, rest = ''): string {
  const base = `/api/v1/groups/${segment(groupId)}/meetings`;
  return meetingId ? `${base}/${segment(meetingId)}${rest}` : `${base}${rest}`;
}

/** The web page of a group's meetings, or of one meeting. */
export function meetingsPage(groupId: string, meetingId?: string, rest = ''): string {
  const base = `/groups/${segment(groupId)}/meetings`;
  return meetingId ? `${base}/${segment(meetingId)}${rest}` : `${base}${rest}`;
}

export const MARK_LABELS: Record<Mark, string> = {
  present_in_person: 'Present in the room',
  present_online: 'Present online',
  apologies: 'Sent apologies',
  absent: 'Absent',
};

export const MARKS: Mark[] = ['present_in_person', 'present_online', 'apologies', 'absent'];

/** A file size in words: "340 KB", "2.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The time zone this browser is in, for a group with no meetings or terms to say. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
