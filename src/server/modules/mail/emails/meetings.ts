/** The emails about a group's work: meeting reminders, notes to comment on, overdue actions, reviews. */
import { defineMessages } from '@formatjs/intl';
import { formatCalendarDate, formatDayIn, formatTimeIn } from '../../../../i18n/dates.ts';
import { common, email, meetingName, type Email, type Language } from './compose.ts';

const m = defineMessages({
  reminderOnline: { id: 'email.reminder.online', defaultMessage: 'online: {url}' },
  reminderAgenda: { id: 'email.reminder.agenda', defaultMessage: 'Agenda:' },
  reminderNoAgenda: {
    id: 'email.reminder.noAgenda',
    defaultMessage: 'The agenda has not been published yet.',
  },
  reminderLate: { id: 'email.reminder.late', defaultMessage: '(late)' },
  reminderPapers: { id: 'email.reminder.papers', defaultMessage: 'Papers:' },
  reminderNoPapers: { id: 'email.reminder.noPapers', defaultMessage: 'No papers yet.' },
  reminderSubject: {
    id: 'email.reminder.subject',
    defaultMessage: '{kind, select, day {Tomorrow} other {Next week}}: {meeting}, {day}',
  },
  reminderWhen: {
    id: 'email.reminder.when',
    defaultMessage:
      '{meeting} meets {kind, select, day {tomorrow} other {next week}}: {day} at {time}{where}.',
  },
  reminderReply: {
    id: 'email.reminder.reply',
    defaultMessage: 'Say whether you can come, or send apologies:',
  },
  reminderSettings: {
    id: 'email.reminder.settings',
    defaultMessage: 'You can change which meeting emails you get on your account page.',
  },
  notesReadySubject: {
    id: 'email.notesReady.subject',
    defaultMessage: 'Notes of {meeting}, {day}: ready for comments',
  },
  notesReadyReady: {
    id: 'email.notesReady.ready',
    defaultMessage: 'The notes of {meeting} on {day} are ready for your comments:',
  },
  notesReadyConfidential: {
    id: 'email.notesReady.confidential',
    defaultMessage: 'They are confidential to the group.',
  },
  overdueSubject: { id: 'email.overdue.subject', defaultMessage: 'An action of yours is overdue' },
  overdueDue: {
    id: 'email.overdue.due',
    defaultMessage: 'An action you own was due on {date}. Mark it done, or agree a new date:',
  },
  reviewSubject: {
    id: 'email.review.subject',
    defaultMessage: 'Time to review your Terms of Reference: {title}',
  },
  reviewDue: {
    id: 'email.review.due',
    defaultMessage:
      'Version {version} of “{title}” was adopted on {adoptedOn}. Its review is {overdue, select, yes {overdue: it was due} other {due}} on {dueOn}.',
  },
  reviewStart: {
    id: 'email.review.start',
    defaultMessage:
      'Start the review from the group’s Terms of Reference page in Accord: it makes a draft from the version in force, for the group to agree.',
  },
});

/** A heading and its lines, one to a line; `none` when there are no lines. */
function listed(heading: string, lines: string[], none: string): string {
  return lines.length > 0 ? `${heading}\n${lines.join('\n')}` : none;
}

export function meetingReminderEmail(
  language: Language,
  input: {
    name: string;
    kind: 'day' | 'week';
    meeting: {
      title: string;
      startsAt: Date;
      timeZone: string;
      place: string | null;
      onlineUrl: string | null;
    };
    groupName: string;
    /** The published agenda's titles, in order (empty when not published). */
    agenda: string[];
    /** Papers, or null for someone who may not see them (an observer). */
    papers: { title: string; late: boolean }[] | null;
    page: string;
  },
): Email {
  const { meeting, kind } = input;
  const name = meetingName(meeting.title, input.groupName);
  return email(language, ({ say, locale }) => {
    const day = formatDayIn(meeting.startsAt, meeting.timeZone, locale);
    const time = formatTimeIn(meeting.startsAt, meeting.timeZone, locale);
    const online = meeting.onlineUrl ? say(m.reminderOnline, { url: meeting.onlineUrl }) : null;
    const where = [meeting.place, online].filter(Boolean).join(', ');
    const late = say(m.reminderLate);
    const agenda = listed(
      say(m.reminderAgenda),
      input.agenda.map((title, n) => `${n + 1}. ${title}`),
      say(m.reminderNoAgenda),
    );
    const papers =
      input.papers &&
      listed(
        say(m.reminderPapers),
        input.papers.map((p) => `- ${p.title}${p.late ? ` ${late}` : ''}`),
        say(m.reminderNoPapers),
      );
    return {
      subject: say(m.reminderSubject, { kind, meeting: name, day }),
      body: [
        say(common.hello, { name: input.name }),
        say(m.reminderWhen, { meeting: name, kind, day, time, where: where ? `, ${where}` : '' }),
        kind === 'week' ? agenda : null,
        kind === 'week' ? papers : null,
        `${say(m.reminderReply)} ${input.page}`,
        say(m.reminderSettings),
      ],
    };
  });
}

export function notesReadyEmail(
  language: Language,
  input: {
    name: string;
    meeting: { title: string; startsAt: Date; timeZone: string };
    groupName: string;
    link: string;
  },
): Email {
  const meeting = meetingName(input.meeting.title, input.groupName);
  return email(language, ({ say, locale }) => {
    const day = formatDayIn(input.meeting.startsAt, input.meeting.timeZone, locale);
    return {
      subject: say(m.notesReadySubject, { meeting, day }),
      body: [
        say(common.hello, { name: input.name }),
        `${say(m.notesReadyReady, { meeting, day })}\n${input.link}`,
        say(m.notesReadyConfidential),
      ],
    };
  });
}

export function overdueActionEmail(
  language: Language,
  input: { name: string; dueOn: string; link: string },
): Email {
  return email(language, ({ say, locale }) => ({
    subject: say(m.overdueSubject),
    body: [
      say(common.hello, { name: input.name }),
      `${say(m.overdueDue, { date: formatCalendarDate(input.dueOn, locale) })}\n${input.link}`,
    ],
  }));
}

export function reviewNoticeEmail(
  language: Language,
  input: {
    name: string;
    termsTitle: string;
    version: number;
    adoptedOn: string;
    dueOn: string;
    overdue: boolean;
  },
): Email {
  return email(language, ({ say, locale }) => ({
    subject: say(m.reviewSubject, { title: input.termsTitle }),
    body: [
      say(common.hello, { name: input.name }),
      say(m.reviewDue, {
        version: input.version,
        title: input.termsTitle,
        adoptedOn: formatCalendarDate(input.adoptedOn, locale),
        dueOn: formatCalendarDate(input.dueOn, locale),
        overdue: input.overdue ? 'yes' : 'no',
      }),
      say(m.reviewStart),
    ],
  }));
}
