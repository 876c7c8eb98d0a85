/** The emails about a group's work: meeting reminders, notes to comment on, overdue actions, reviews. */
import { formatCalendarDate, formatDayIn, formatTimeIn } from '../../../../i18n/dates.ts';
import { hello, meetingName, paragraphs, writer, type Email } from './compose.ts';

type Language = string | null | undefined;

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
  const { intl, locale } = writer(language);
  const { meeting } = input;
  const name = meetingName(meeting.title, input.groupName);
  const day = formatDayIn(meeting.startsAt, meeting.timeZone, locale);
  const time = formatTimeIn(meeting.startsAt, meeting.timeZone, locale);
  const where = [
    meeting.place,
    meeting.onlineUrl
      ? intl.formatMessage(
          { id: 'email.reminder.online', defaultMessage: 'online: {url}' },
          { url: meeting.onlineUrl },
        )
      : null,
  ]
    .filter(Boolean)
    .join(', ');
  const agenda =
    input.agenda.length > 0
      ? `${intl.formatMessage({ id: 'email.reminder.agenda', defaultMessage: 'Agenda:' })}\n${input.agenda
          .map((title, n) => `${n + 1}. ${title}`)
          .join('\n')}`
      : intl.formatMessage({
          id: 'email.reminder.noAgenda',
          defaultMessage: 'The agenda has not been published yet.',
        });
  const late = intl.formatMessage({ id: 'email.reminder.late', defaultMessage: '(late)' });
  const papers =
    input.papers === null
      ? null
      : input.papers.length > 0
        ? `${intl.formatMessage({ id: 'email.reminder.papers', defaultMessage: 'Papers:' })}\n${input.papers
            .map((p) => `- ${p.title}${p.late ? ` ${late}` : ''}`)
            .join('\n')}`
        : intl.formatMessage({ id: 'email.reminder.noPapers', defaultMessage: 'No papers yet.' });
  return {
    subject: intl.formatMessage(
      {
        id: 'email.reminder.subject',
        defaultMessage: '{kind, select, day {Tomorrow} other {Next week}}: {meeting}, {day}',
      },
      { kind: input.kind, meeting: name, day },
    ),
    text: paragraphs([
      hello(intl, input.name),
      intl.formatMessage(
        {
          id: 'email.reminder.when',
          defaultMessage:
            '{meeting} meets {kind, select, day {tomorrow} other {next week}}: {day} at {time}{where}.',
        },
        { meeting: name, kind: input.kind, day, time, where: where ? `, ${where}` : '' },
      ),
      input.kind === 'week' ? agenda : null,
      input.kind === 'week' ? papers : null,
      `${intl.formatMessage({
        id: 'email.reminder.reply',
        defaultMessage: 'Say whether you can come, or send apologies:',
      })} ${input.page}`,
      intl.formatMessage({
        id: 'email.reminder.settings',
        defaultMessage: 'You can change which meeting emails you get on your account page.',
      }),
    ]),
  };
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
  const { intl, locale } = writer(language);
  const meeting = meetingName(input.meeting.title, input.groupName);
  const day = formatDayIn(input.meeting.startsAt, input.meeting.timeZone, locale);
  return {
    subject: intl.formatMessage(
      {
        id: 'email.notesReady.subject',
        defaultMessage: 'Notes of {meeting}, {day}: ready for comments',
      },
      { meeting, day },
    ),
    text: paragraphs([
      hello(intl, input.name),
      `${intl.formatMessage(
        {
          id: 'email.notesReady.ready',
          defaultMessage: 'The notes of {meeting} on {day} are ready for your comments:',
        },
        { meeting, day },
      )}\n${input.link}`,
      intl.formatMessage({
        id: 'email.notesReady.confidential',
        defaultMessage: 'They are confidential to the group.',
      }),
    ]),
  };
}

export function overdueActionEmail(
  language: Language,
  input: { name: string; dueOn: string; link: string },
): Email {
  const { intl, locale } = writer(language);
  return {
    subject: intl.formatMessage({
      id: 'email.overdue.subject',
      defaultMessage: 'An action of yours is overdue',
    }),
    text: paragraphs([
      hello(intl, input.name),
      `${intl.formatMessage(
        {
          id: 'email.overdue.due',
          defaultMessage: 'An action you own was due on {date}. Mark it done, or agree a new date:',
        },
        { date: formatCalendarDate(input.dueOn, locale) },
      )}\n${input.link}`,
    ]),
  };
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
  const { intl, locale } = writer(language);
  return {
    subject: intl.formatMessage(
      {
        id: 'email.review.subject',
        defaultMessage: 'Time to review your Terms of Reference: {title}',
      },
      { title: input.termsTitle },
    ),
    text: paragraphs([
      hello(intl, input.name),
      intl.formatMessage(
        {
          id: 'email.review.due',
          defaultMessage:
            'Version {version} of “{title}” was adopted on {adoptedOn}. Its review is {overdue, select, yes {overdue: it was due} other {due}} on {dueOn}.',
        },
        {
          version: input.version,
          title: input.termsTitle,
          adoptedOn: formatCalendarDate(input.adoptedOn, locale),
          dueOn: formatCalendarDate(input.dueOn, locale),
          overdue: input.overdue ? 'yes' : 'no',
        },
      ),
      intl.formatMessage({
        id: 'email.review.start',
        defaultMessage:
          'Start the review from the group’s Terms of Reference page in Accord: it makes a draft from the version in force, for the group to agree.',
      }),
    ]),
  };
}
