/** The emails about being in a group: an invitation, and a change to someone's membership. */
import { defineMessages } from '@formatjs/intl';
import type { MembershipState } from '../../../../policy/index.ts';
import { formatDayIn } from '../../../../i18n/dates.ts';
import { common, email, type Email, type Language } from './compose.ts';

const m = defineMessages({
  invitationSubject: {
    id: 'email.invitation.subject',
    defaultMessage: 'You are invited to join {group} on Accord',
  },
  invitationInvited: {
    id: 'email.invitation.invited',
    defaultMessage: 'You are invited to join “{group}” on Accord.',
  },
  invitationPurpose: {
    id: 'email.invitation.purpose',
    defaultMessage: 'What the group is working towards: {purpose}',
  },
  invitationOpen: {
    id: 'email.invitation.open',
    defaultMessage: 'Everyone is welcome. To join, open this link:',
  },
  membershipMark: {
    id: 'email.membership.mark',
    defaultMessage:
      '{mark, select, present_in_person {present in person} present_online {present online} apologies {apologies} absent {absent} other {not recorded}}',
  },
  membershipState: {
    id: 'email.membership.state',
    defaultMessage:
      '{state, select, member {a member} lapsed {lapsed (no longer a member)} other {a participant}}',
  },
  membershipCorrected: {
    id: 'email.membership.corrected',
    defaultMessage:
      'Your attendance at {meeting} on {date} was changed after the meeting, from {from} to {to}.',
  },
  membershipImported: {
    id: 'email.membership.imported',
    defaultMessage:
      '{count, plural, one {Attendance at the meeting on {dates} was imported from a spreadsheet after the meeting.} other {Attendance at # meetings ({dates}) was imported from a spreadsheet after the meetings.}}',
  },
  membershipSubject: {
    id: 'email.membership.subject',
    defaultMessage: 'Your membership of {group} has changed',
  },
  membershipReason: { id: 'email.membership.reason', defaultMessage: 'The reason given: {reason}' },
  membershipChange: {
    id: 'email.membership.change',
    defaultMessage: 'Before this you were {before} of {group}; now you are {after}.',
  },
  membershipTell: {
    id: 'email.membership.tell',
    defaultMessage: 'If this is not right, tell a chair. The change is shown here:',
  },
});

export function invitationEmail(
  language: Language,
  input: { groupName: string; purpose: string | null; link: string },
): Email {
  const group = { group: input.groupName };
  return email(language, ({ say }) => ({
    subject: say(m.invitationSubject, group),
    body: [
      say(common.helloNoName),
      say(m.invitationInvited, group),
      input.purpose ? say(m.invitationPurpose, { purpose: input.purpose }) : null,
      say(m.invitationOpen),
      input.link,
    ],
  }));
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
  const { cause } = input;
  return email(language, ({ say, intl, locale }) => {
    const mark = (value: Mark | null) => say(m.membershipMark, { mark: value ?? 'none' });
    const state = (value: MembershipState) => say(m.membershipState, { state: value });
    const what =
      cause.kind === 'corrected'
        ? say(m.membershipCorrected, {
            meeting: cause.meetingTitle,
            date: formatDayIn(cause.startsAt, cause.timeZone, locale),
            from: mark(cause.from),
            to: mark(cause.to),
          })
        : say(m.membershipImported, {
            count: cause.meetings.length,
            dates: intl.formatList(
              cause.meetings.map((x) => formatDayIn(x.startsAt, x.timeZone, locale)),
            ),
          });
    return {
      subject: say(m.membershipSubject, { group: input.groupName }),
      body: [
        say(common.hello, { name: input.name }),
        `${what}\n${say(m.membershipReason, { reason: input.reason })}`,
        say(m.membershipChange, {
          before: state(input.before),
          after: state(input.after),
          group: input.groupName,
        }),
        `${say(m.membershipTell)}\n${input.link}`,
      ],
    };
  });
}
