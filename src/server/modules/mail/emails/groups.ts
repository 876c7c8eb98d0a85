/** The emails about being in a group: an invitation, and a change to someone's membership. */
import type { MembershipState } from '../../../../policy/index.ts';
import { formatDayIn } from '../../../../i18n/dates.ts';
import { hello, paragraphs, writer, type Email } from './compose.ts';

type Language = string | null | undefined;

export function invitationEmail(
  language: Language,
  input: { groupName: string; purpose: string | null; link: string },
): Email {
  const { intl } = writer(language);
  return {
    subject: intl.formatMessage(
      {
        id: 'email.invitation.subject',
        defaultMessage: 'You are invited to join {group} on Accord',
      },
      { group: input.groupName },
    ),
    text: paragraphs([
      intl.formatMessage({ id: 'email.common.helloNoName', defaultMessage: 'Hello,' }),
      intl.formatMessage(
        {
          id: 'email.invitation.invited',
          defaultMessage: 'You are invited to join “{group}” on Accord.',
        },
        { group: input.groupName },
      ),
      input.purpose
        ? intl.formatMessage(
            {
              id: 'email.invitation.purpose',
              defaultMessage: 'What the group is working towards: {purpose}',
            },
            { purpose: input.purpose },
          )
        : null,
      intl.formatMessage({
        id: 'email.invitation.open',
        defaultMessage: 'Everyone is welcome. To join, open this link:',
      }),
      input.link,
    ]),
  };
}

type Mark = 'present_in_person' | 'present_online' | 'apologies' | 'absent';

/** What changed someone's membership: attendance corrected after a meeting, or imported. */
export type MembershipCause =
  | {
      kind: 'corrected';
      meetingTitle: string;
      startsAt: Date;
      timeZone: string;
      from: Mark | null;
      to: Mark;
    }
  | { kind: 'imported'; meetings: { startsAt: Date; timeZone: string }[] };

function markWords(intl: ReturnType<typeof writer>['intl'], mark: Mark | null): string {
  return intl.formatMessage(
    {
      id: 'email.membership.mark',
      defaultMessage:
        '{mark, select, present_in_person {present in person} present_online {present online} apologies {apologies} absent {absent} other {not recorded}}',
    },
    { mark: mark ?? 'none' },
  );
}

function stateWords(intl: ReturnType<typeof writer>['intl'], state: MembershipState): string {
  return intl.formatMessage(
    {
      id: 'email.membership.state',
      defaultMessage:
        '{state, select, member {a member} lapsed {lapsed (no longer a member)} other {a participant}}',
    },
    { state },
  );
}

export function membershipChangedEmail(
  language: Language,
  input: {
    name: string;
    groupName: string;
    cause: MembershipCause;
    reason: string;
    before: MembershipState;
    after: MembershipState;
    link: string;
  },
): Email {
  const { intl, locale } = writer(language);
  const { cause } = input;
  const what =
    cause.kind === 'corrected'
      ? intl.formatMessage(
          {
            id: 'email.membership.corrected',
            defaultMessage:
              'Your attendance at {meeting} on {date} was changed after the meeting, from {from} to {to}.',
          },
          {
            meeting: cause.meetingTitle,
            date: formatDayIn(cause.startsAt, cause.timeZone, locale),
            from: markWords(intl, cause.from),
            to: markWords(intl, cause.to),
          },
        )
      : intl.formatMessage(
          {
            id: 'email.membership.imported',
            defaultMessage:
              '{count, plural, one {Attendance at the meeting on {dates} was imported from a spreadsheet after the meeting.} other {Attendance at # meetings ({dates}) was imported from a spreadsheet after the meetings.}}',
          },
          {
            count: cause.meetings.length,
            dates: intl.formatList(
              cause.meetings.map((m) => formatDayIn(m.startsAt, m.timeZone, locale)),
            ),
          },
        );
  return {
    subject: intl.formatMessage(
      {
        id: 'email.membership.subject',
        defaultMessage: 'Your membership of {group} has changed',
      },
      { group: input.groupName },
    ),
    text: paragraphs([
      hello(intl, input.name),
      `${what}\n${intl.formatMessage(
        { id: 'email.membership.reason', defaultMessage: 'The reason given: {reason}' },
        { reason: input.reason },
      )}`,
      intl.formatMessage(
        {
          id: 'email.membership.change',
          defaultMessage: 'Before this you were {before} of {group}; now you are {after}.',
        },
        {
          before: stateWords(intl, input.before),
          after: stateWords(intl, input.after),
          group: input.groupName,
        },
      ),
      `${intl.formatMessage({
        id: 'email.membership.tell',
        defaultMessage: 'If this is not right, tell a chair. The change is shown here:',
      })}\n${input.link}`,
    ]),
  };
}
