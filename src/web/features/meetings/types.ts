import { defineMessages, type IntlShape } from 'react-intl';
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

export const MARK_LABELS = defineMessages({
  present_in_person: { id: 'meetings.mark.presentInPerson', defaultMessage: 'Present in the room' },
  present_online: { id: 'meetings.mark.presentOnline', defaultMessage: 'Present online' },
  apologies: { id: 'meetings.mark.apologies', defaultMessage: 'Sent apologies' },
  absent: { id: 'meetings.mark.absent', defaultMessage: 'Absent' },
});

/** The same marks as they read inside a sentence: "Bea (present in the room)". */
export const MARK_WORDS = defineMessages({
  present_in_person: {
    id: 'meetings.markWords.presentInPerson',
    defaultMessage: 'present in the room',
  },
  present_online: { id: 'meetings.markWords.presentOnline', defaultMessage: 'present online' },
  apologies: { id: 'meetings.markWords.apologies', defaultMessage: 'sent apologies' },
  absent: { id: 'meetings.markWords.absent', defaultMessage: 'absent' },
});

export const MARKS: Mark[] = ['present_in_person', 'present_online', 'apologies', 'absent'];

/** A file size in words: "340 KB", "2.4 MB". */
export function fileSize(intl: IntlShape, bytes: number): string {
  if (bytes < 1024) {
    return intl.formatMessage(
      {
        id: 'meetings.size.bytes',
        defaultMessage: '{count, plural, one {# byte} other {# bytes}}',
      },
      { count: bytes },
    );
  }
  if (bytes < 1024 * 1024) {
    return intl.formatMessage(
      { id: 'meetings.size.kilobytes', defaultMessage: '{size} KB' },
      { size: intl.formatNumber(Math.round(bytes / 1024)) },
    );
  }
  return intl.formatMessage(
    { id: 'meetings.size.megabytes', defaultMessage: '{size} MB' },
    {
      size: intl.formatNumber(bytes / (1024 * 1024), {
        maximumFractionDigits: 1,
        minimumFractionDigits: 1,
      }),
    },
  );
}

/** The time zone this browser is in, for a group with no meetings or terms to say. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
