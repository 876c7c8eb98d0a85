import type { AttendanceMark, Membership } from '../../src/policy/index.ts';

/** A membership rule for tests: more than one meeting, own meetings, no lapse, unless overridden. */
export function membershipRule(overrides: Partial<Membership> = {}): Membership {
  return {
    whoMayJoin: 'Anyone.',
    memberAfterMoreThan: 1,
    meetingsThatCount: 'own',
    lapse: null,
    nonVotingRoles: [],
    note: null,
    ...overrides,
  };
}

/** A register mark a row can hold ('none' is no row). */
export type Mark = Exclude<AttendanceMark, 'none'>;
/** One person's attendance row at one meeting. */
export type Entry = { intent: 'attending' | 'apologies' | null; mark: Mark | null };
