import { defineMessages, type IntlShape } from 'react-intl';
import type { z } from 'zod';
import type {
  commitmentList,
  membershipEntry,
  membershipList,
  membershipRule,
  membershipState,
  personMembership,
  quorumCategories,
} from '../../../contracts/meetings.ts';
import { segment } from '../../lib/api.ts';

export type MembershipList = z.infer<typeof membershipList>;
export type MembershipEntry = z.infer<typeof membershipEntry>;
export type MembershipState = z.infer<typeof membershipState>;
export type MembershipRule = z.infer<typeof membershipRule>;
export type PersonMembership = z.infer<typeof personMembership>;
export type CommitmentList = z.infer<typeof commitmentList>;
export type QuorumCategoryList = z.infer<typeof quorumCategories>;

export function groupApi(groupId: string, rest: string): string {
  return `/api/v1/groups/${segment(groupId)}${rest}`;
}

export function personPage(groupId: string, userId: string): string {
  return `/groups/${segment(groupId)}/people/${segment(userId)}`;
}

export const STATUS_LABELS = defineMessages({
  participant: { id: 'membership.status.participant', defaultMessage: 'participant' },
  member: { id: 'membership.status.member', defaultMessage: 'member' },
  lapsed: { id: 'membership.status.lapsed', defaultMessage: 'lapsed' },
});

export function meetingsCounted(intl: IntlShape, n: number): string {
  return intl.formatMessage(
    {
      id: 'membership.meetingsCounted',
      defaultMessage: '{count, plural, one {# meeting counted} other {# meetings counted}}',
    },
    { count: n },
  );
}

/**
 * The membership rule in force, in plain words, from its numbers: "A member is
 * someone who has been to more than 1 meeting; working group meetings count too."
 */
export function ruleSummary(intl: IntlShape, rule: MembershipRule): string {
  const parts = [
    intl.formatMessage(
      {
        id: 'membership.rule.member',
        defaultMessage:
          'A member is someone who has been to more than {count, plural, one {# meeting} other {# meetings}}',
      },
      { count: rule.memberAfterMoreThan },
    ),
  ];
  if (rule.meetingsThatCount === 'own_and_working_groups') {
    parts.push(
      intl.formatMessage({
        id: 'membership.rule.workingGroups',
        defaultMessage: 'working group meetings count too',
      }),
    );
  }
  if (rule.lapseAfter !== null) {
    parts.push(
      rule.apologiesCountAsAbsence
        ? intl.formatMessage(
            {
              id: 'membership.rule.lapseWithApologies',
              defaultMessage:
                'membership lapses after {count, plural, one {# absence} other {# absences}} in a row, apologies included',
            },
            { count: rule.lapseAfter },
          )
        : intl.formatMessage(
            {
              id: 'membership.rule.lapse',
              defaultMessage:
                'membership lapses after {count, plural, one {# absence} other {# absences}} in a row',
            },
            { count: rule.lapseAfter },
          ),
    );
  }
  return intl.formatMessage(
    { id: 'membership.rule.sentence', defaultMessage: '{parts}.' },
    { parts: parts.join('; ') },
  );
}
