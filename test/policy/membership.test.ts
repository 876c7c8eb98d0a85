import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  membershipStatus,
  membershipTimeline,
  type AttendanceMark,
  type MeetingAttendance,
  type Membership,
  type MembershipState,
} from '../../src/policy/index.ts';
import { membershipRule } from '../support/membership.ts';

const DAY = 86_400_000;
const start = Date.UTC(2026, 0, 6, 18);

/** Monthly group meetings, all held, with the given marks. */
function meetings(...marks: AttendanceMark[]): MeetingAttendance[] {
  return marks.map((attendance, i) => ({
    id: `m${i + 1}`,
    startsAt: new Date(start + i * 28 * DAY),
    groupId: 'g',
    kind: 'group',
    status: 'held',
    attendance,
  }));
}

function rules(overrides: Partial<Membership> = {}): { membership: Membership } {
  return { membership: membershipRule(overrides) };
}

const later = new Date(start + 1000 * DAY);
const P = 'present_in_person';
const O = 'present_online';

describe('membership from attendance', () => {
  it('a participant becomes a member after their second meeting', () => {
    const history = meetings(P, 'absent', O);
    expect(membershipStatus(history, rules(), history[1]!.startsAt)).toEqual({
      status: 'participant',
      meetingsCounted: 1,
    });
    expect(membershipStatus(history, rules(), later)).toEqual({
      status: 'member',
      meetingsCounted: 2,
      becameMemberOn: history[2]!.startsAt,
    });
  });

  it('a meeting counts from the moment it starts, and not before', () => {
    const history = meetings(P, P);
    const second = history[1]!.startsAt;
    expect(membershipStatus(history, rules(), second).status).toBe('member');
    expect(membershipStatus(history, rules(), new Date(second.getTime() - 1)).status).toBe(
      'participant',
    );
  });

  it('cancelled meetings and meetings not yet held do not count', () => {
    const history = meetings(P, P, P);
    history[1]!.status = 'cancelled';
    history[2]!.status = 'scheduled';
    expect(membershipStatus(history, rules(), later)).toEqual({
      status: 'participant',
      meetingsCounted: 1,
    });
  });

  it('working-group meetings count only when the ToR says they do', () => {
    const history = meetings(P, P);
    history[1]!.kind = 'working_group';
    expect(membershipStatus(history, rules(), later).status).toBe('participant');
    const counting = rules({ meetingsThatCount: 'own_and_working_groups' });
    expect(membershipStatus(history, counting, later).status).toBe('member');
  });

  it('follows the ToR threshold: more than three meetings means a fourth', () => {
    const history = meetings(P, P, P, P);
    const terms = rules({ memberAfterMoreThan: 3 });
    expect(membershipStatus(history, terms, history[2]!.startsAt).status).toBe('participant');
    expect(membershipStatus(history, terms, history[3]!.startsAt).status).toBe('member');
  });

  it('without a lapse rule, a member stays a member however many meetings they miss', () => {
    const history = meetings(P, P, 'absent', 'absent', 'absent', 'absent', 'absent');
    expect(membershipStatus(history, rules(), later).status).toBe('member');
  });

  it('a member lapses after the set number of absences in a row', () => {
    const terms = rules({ lapse: { afterConsecutiveAbsences: 3, apologiesCountAsAbsence: false } });
    const history = meetings(P, P, 'absent', 'absent', 'absent');
    expect(membershipStatus(history, terms, history[3]!.startsAt).status).toBe('member');
    expect(membershipStatus(history, terms, later)).toEqual({
      status: 'lapsed',
      meetingsCounted: 2,
      lapsedOn: history[4]!.startsAt,
    });
  });

  it('sending apologies breaks a run of absences when apologies do not count as absence', () => {
    const terms = rules({ lapse: { afterConsecutiveAbsences: 3, apologiesCountAsAbsence: false } });
    const history = meetings(P, P, 'absent', 'absent', 'apologies', 'absent', 'absent');
    expect(membershipStatus(history, terms, later).status).toBe('member');
  });

  it('sending apologies counts as missing a meeting when the ToR says so', () => {
    const terms = rules({ lapse: { afterConsecutiveAbsences: 3, apologiesCountAsAbsence: true } });
    const history = meetings(P, P, 'absent', 'apologies', 'apologies');
    expect(membershipStatus(history, terms, later).status).toBe('lapsed');
  });

  it('a meeting with no record for the person neither counts nor breaks a run of absences', () => {
    const terms = rules({ lapse: { afterConsecutiveAbsences: 2, apologiesCountAsAbsence: false } });
    const history = meetings(P, 'none', P, 'absent', 'none', 'absent');
    expect(membershipStatus(history, terms, history[2]!.startsAt).status).toBe('member');
    expect(membershipStatus(history, terms, later).status).toBe('lapsed');
  });

  it('a lapsed person who comes back is a participant again, and a member again by the same rule', () => {
    const terms = rules({ lapse: { afterConsecutiveAbsences: 2, apologiesCountAsAbsence: false } });
    const history = meetings(P, P, 'absent', 'absent', P, 'absent', P);
    expect(membershipStatus(history, terms, history[4]!.startsAt)).toEqual({
      status: 'participant',
      meetingsCounted: 3,
    });
    expect(membershipStatus(history, terms, later)).toEqual({
      status: 'member',
      meetingsCounted: 4,
      becameMemberOn: history[6]!.startsAt,
    });
    expect(membershipTimeline(history, terms, later)).toEqual([
      { kind: 'became_member', on: history[1]!.startsAt, meetingId: 'm2', meetingsAttended: 2 },
      { kind: 'lapsed', on: history[3]!.startsAt, meetingId: 'm4', consecutiveAbsences: 2 },
      { kind: 'returned', on: history[4]!.startsAt, meetingId: 'm5' },
      { kind: 'became_member', on: history[6]!.startsAt, meetingId: 'm7', meetingsAttended: 4 },
    ]);
  });

  it('does not depend on the order the history arrives in', () => {
    const history = meetings(P, 'absent', O, P);
    expect(membershipTimeline([...history].reverse(), rules(), later)).toEqual(
      membershipTimeline(history, rules(), later),
    );
  });
});

/**
 * An independent statement of the rule, written differently from the code:
 * the counted marks become a string (A attended, X absent, E excused), and
 * regular expressions find where membership starts and where it lapses.
 */
function oracle(
  history: MeetingAttendance[],
  terms: { membership: Membership },
  asOf: Date,
): { status: MembershipState; attended: number; memberSince?: Date } {
  const { memberAfterMoreThan: n, lapse, meetingsThatCount } = terms.membership;
  const counted = history
    .filter((m) => m.status === 'held' && +m.startsAt <= +asOf)
    .filter((m) => m.kind === 'group' || meetingsThatCount === 'own_and_working_groups')
    .filter((m) => m.attendance !== 'none')
    .sort((a, b) => +a.startsAt - +b.startsAt || a.id.localeCompare(b.id));
  const code = (a: AttendanceMark) =>
    a === P || a === O
      ? 'A'
      : a === 'absent' || (a === 'apologies' && lapse?.apologiesCountAsAbsence)
        ? 'X'
        : 'E';
  const marks = counted.map((m) => code(m.attendance)).join('');
  const attended = marks.replace(/[^A]/g, '').length;
  let from = 0;
  let status: MembershipState = 'participant';
  for (;;) {
    const qualifying = new RegExp(`^(?:[^A]*A){${n + 1}}`).exec(marks.slice(from));
    if (!qualifying) return { status, attended };
    const joinedAt = from + qualifying[0].length;
    const memberSince = counted[joinedAt - 1]!.startsAt;
    const run = lapse
      ? new RegExp(`X{${lapse.afterConsecutiveAbsences}}`).exec(marks.slice(joinedAt))
      : null;
    if (!run) return { status: 'member', attended, memberSince };
    const lapsedAt = joinedAt + run.index + run[0].length;
    const back = marks.indexOf('A', lapsedAt);
    if (back < 0) return { status: 'lapsed', attended };
    status = 'participant';
    from = back;
  }
}

const mark = fc.constantFrom<AttendanceMark>(P, O, 'apologies', 'absent', 'none');
const history = fc
  .array(
    fc.record({
      day: fc.integer({ min: 0, max: 400 }),
      kind: fc.constantFrom<'group' | 'working_group'>('group', 'group', 'working_group'),
      status: fc.constantFrom<MeetingAttendance['status']>(
        'held',
        'held',
        'held',
        'cancelled',
        'scheduled',
      ),
      attendance: mark,
    }),
    { maxLength: 40, size: 'max' },
  )
  .map((rows) =>
    rows.map((r, i): MeetingAttendance => ({
      id: `m${String(i).padStart(2, '0')}`,
      startsAt: new Date(start + r.day * DAY),
      groupId: r.kind === 'group' ? 'g' : 'wg',
      kind: r.kind,
      status: r.status,
      attendance: r.attendance,
    })),
  );
const terms = fc
  .record({
    memberAfterMoreThan: fc.integer({ min: 1, max: 4 }),
    meetingsThatCount: fc.constantFrom<Membership['meetingsThatCount']>(
      'own',
      'own_and_working_groups',
    ),
    lapse: fc.option(
      fc.record({
        afterConsecutiveAbsences: fc.integer({ min: 1, max: 4 }),
        apologiesCountAsAbsence: fc.boolean(),
      }),
      { nil: null },
    ),
  })
  .map((m) => rules(m));
const asOf = fc
  .oneof(fc.integer({ min: -10, max: 420 }), fc.constant(420))
  .map((d) => new Date(start + d * DAY));

describe('membership over generated attendance histories', () => {
  it('agrees with an independent statement of the rule', () => {
    fc.assert(
      fc.property(history, terms, asOf, (h, t, at) => {
        const expected = oracle(h, t, at);
        const actual = membershipStatus(h, t, at);
        expect(actual.status).toBe(expected.status);
        expect(actual.meetingsCounted).toBe(expected.attended);
        expect(actual.becameMemberOn).toEqual(expected.memberSince);
      }),
      { numRuns: 1000 },
    );
  });

  it('ignores meetings after the date asked about, and the order of the history', () => {
    fc.assert(
      fc.property(history, terms, asOf, (h, t, at) => {
        const before = h.filter((m) => +m.startsAt <= +at);
        expect(membershipStatus([...h].reverse(), t, at)).toEqual(membershipStatus(before, t, at));
      }),
      { numRuns: 1000 },
    );
  });

  it('never makes someone a member who has not attended more than the threshold', () => {
    fc.assert(
      fc.property(history, terms, asOf, (h, t, at) => {
        const status = membershipStatus(h, t, at);
        if (status.status === 'member')
          expect(status.meetingsCounted).toBeGreaterThan(t.membership.memberAfterMoreThan);
        const events = membershipTimeline(h, t, at);
        const last = events.at(-1);
        const implied = !last
          ? 'participant'
          : last.kind === 'became_member'
            ? 'member'
            : last.kind === 'lapsed'
              ? 'lapsed'
              : 'participant';
        expect(status.status).toBe(implied);
      }),
      { numRuns: 1000 },
    );
  });
});
