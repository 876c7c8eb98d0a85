import { describe, expect, it } from 'vitest';
import {
  carersPartnershipBoard as carers,
  gpPatientParticipationGroup as ppg,
  researchPrioritySteeringGroup as research,
  seedDefault,
} from '../../src/policy/fixtures/index.ts';
import {
  consensusOutcome,
  eligibleVoters,
  instantAt,
  mayCallFormalTest,
  meetingsBetween,
  membershipStatus,
  quorumStatus,
  reviewStatus,
  surveyWaves,
  voteOutcome,
  voterEligibility,
  type AttendanceMark,
  type MeetingAttendance,
  type Person,
} from '../../src/policy/index.ts';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 0, 8, 18);
const end = new Date(t0 + 1000 * DAY);

/** Meetings a fortnight apart; a mark prefixed 'wg:' is a working-group meeting. */
function history(...marks: (AttendanceMark | `wg:${AttendanceMark}`)[]): MeetingAttendance[] {
  return marks.map((mark, i) => {
    const workingGroup = mark.startsWith('wg:');
    return {
      id: `m${i + 1}`,
      startsAt: new Date(t0 + i * 14 * DAY),
      groupId: workingGroup ? 'wg' : 'g',
      kind: workingGroup ? 'working_group' : 'group',
      status: 'held',
      attendance: mark.replace('wg:', '') as AttendanceMark,
    };
  });
}

const P = 'present_in_person';
const O = 'present_online';

function people(
  spec: [
    status: Person['status'],
    presence: Person['presence'],
    roles?: string[],
    categories?: string[],
  ][],
): Person[] {
  return spec.map(([status, presence, roles = [], categories = []], i) => ({
    id: `p${i + 1}`,
    status,
    presence,
    roles,
    categories,
  }));
}

describe('GP practice patient participation group', () => {
  it('a patient becomes a member at their second meeting', () => {
    expect(membershipStatus(history(P), ppg, end).status).toBe('participant');
    expect(membershipStatus(history(P, 'absent', P), ppg, end).status).toBe('member');
  });

  it('a member who misses three meetings in a row without apologies is deemed to have resigned', () => {
    expect(membershipStatus(history(P, P, 'absent', 'absent', 'absent'), ppg, end)).toMatchObject({
      status: 'lapsed',
    });
    expect(
      membershipStatus(history(P, P, 'absent', 'apologies', 'absent', 'absent'), ppg, end).status,
    ).toBe('member');
  });

  it('is quorate with four voting members in the room; online members and practice staff do not count', () => {
    const room = people([
      ['member', 'in_person'],
      ['member', 'in_person'],
      ['member', 'in_person'],
      ['member', 'online'],
      ['member', 'in_person', ['practice_staff']],
      ['participant', 'in_person'],
    ]);
    expect(quorumStatus(room, ppg)).toMatchObject({ required: 4, present: 3, met: false });
    room[3]!.presence = 'in_person';
    expect(quorumStatus(room, ppg).met).toBe(true);
  });

  it('members present vote, including online; practice staff and participants do not', () => {
    const room = people([
      ['member', 'in_person', ['chair']],
      ['member', 'online'],
      ['member', 'not_present'],
      ['member', 'in_person', ['practice_staff']],
      ['participant', 'in_person'],
    ]);
    expect(eligibleVoters(room, ppg)).toEqual(['p1', 'p2']);
  });

  it('a tied vote goes to the chair’s casting vote', () => {
    const tally = { yes: 4, no: 4, abstain: 1, eligible: 9 };
    expect(voteOutcome(tally, ppg).outcome).toBe('tied');
    expect(voteOutcome(tally, ppg, 'no')).toMatchObject({
      outcome: 'not_carried',
      decidedByCastingVote: true,
    });
    expect(voteOutcome({ yes: 4, no: 3, abstain: 2, eligible: 9 }, ppg).outcome).toBe('carried');
  });
});

describe("carers' partnership board", () => {
  it('counts working-group meetings: a carer becomes a member at their third meeting of either', () => {
    expect(membershipStatus(history(P, 'wg:present_online'), carers, end).status).toBe(
      'participant',
    );
    const three = history(P, 'wg:present_online', 'wg:present_in_person');
    expect(membershipStatus(three, carers, end)).toMatchObject({
      status: 'member',
      becameMemberOn: three[2]!.startsAt,
    });
  });

  it('apologies count as absence: four in a row and membership lapses', () => {
    const h = history(P, P, P, 'apologies', 'absent', 'apologies', 'apologies');
    expect(membershipStatus(h, carers, end).status).toBe('lapsed');
  });

  it('either co-chair may call a formal vote; officers may not', () => {
    expect(mayCallFormalTest(['chair'], carers)).toBe(true);
    expect(mayCallFormalTest(['officer_in_attendance'], carers)).toBe(false);
  });

  it('is quorate with a third of members, online included, two of them carers', () => {
    const board = people([
      ['member', 'in_person', [], ['lived_experience']],
      ['member', 'online', [], ['lived_experience']],
      ['member', 'online'],
      ['member', 'in_person'],
      ...Array.from(
        { length: 8 },
        () => ['member', 'not_present'] as [Person['status'], Person['presence']],
      ),
      ['member', 'in_person', ['officer_in_attendance']],
      ['lapsed', 'not_present'],
    ]);
    expect(quorumStatus(board, carers)).toMatchObject({ required: 4, present: 4, met: true });
    board[1]!.presence = 'not_present';
    board[4]!.presence = 'in_person';
    expect(quorumStatus(board, carers)).toMatchObject({ present: 4, met: false });
  });

  it('all members vote whether or not they are there; officers and lapsed members do not', () => {
    const board = people([
      ['member', 'not_present'],
      ['member', 'online'],
      ['member', 'in_person', ['officer_in_attendance']],
      ['lapsed', 'in_person'],
    ]);
    expect(eligibleVoters(board, carers)).toEqual(['p1', 'p2']);
  });

  it('abstentions count as votes cast, and a tie stands as a tie without a casting vote', () => {
    expect(voteOutcome({ yes: 5, no: 3, abstain: 2, eligible: 12 }, carers)).toMatchObject({
      outcome: 'tied',
      tied: true,
      castingVoteDue: false,
      base: 10,
    });
    expect(voteOutcome({ yes: 6, no: 3, abstain: 2, eligible: 12 }, carers).outcome).toBe(
      'carried',
    );
  });
});

describe('research priority setting steering group', () => {
  const workshop = people([
    ['member', 'in_person', ['chair']],
    ['member', 'in_person', [], ['lived_experience']],
    ['member', 'in_person', [], ['lived_experience']],
    ['member', 'online', [], ['lived_experience']],
    ['member', 'in_person', [], ['clinician']],
    ['member', 'online', [], ['clinician']],
    ['member', 'in_person', ['information_specialist'], ['clinician']],
    ['member', 'in_person'],
  ]);

  it('the neutral chair calls the formal test but does not vote', () => {
    expect(mayCallFormalTest(['chair'], research)).toBe(true);
    expect(voterEligibility(workshop[0]!, research)).toEqual({
      eligible: false,
      reason: 'people in the role chair take part but do not vote',
      why: { key: 'nonVotingRole', role: 'chair' },
    });
    expect(eligibleVoters(workshop, research)).toEqual(['p2', 'p3', 'p4', 'p5', 'p6', 'p8']);
  });

  it('is quorate with six voting members including three with lived experience and two clinicians', () => {
    expect(quorumStatus(workshop, research)).toMatchObject({ required: 6, present: 6, met: true });
    const fewerClinicians = workshop.map((p) =>
      p.id === 'p6' ? { ...p, presence: 'not_present' as const } : p,
    );
    expect(quorumStatus(fewerClinicians, research).met).toBe(false);
  });

  it('works by consensus: one block stops it', () => {
    expect(consensusOutcome({ agree: 5, concerns: 0, standAside: 0, block: 1 }).outcome).toBe(
      'no_consensus',
    );
  });

  it('a formal vote needs two thirds of the members present', () => {
    expect(voteOutcome({ yes: 4, no: 1, abstain: 1, eligible: 6 }, research).outcome).toBe(
      'carried',
    );
    expect(voteOutcome({ yes: 3, no: 1, abstain: 2, eligible: 6 }, research).outcome).toBe(
      'not_carried',
    );
  });

  it('holds no meeting after the project ends', () => {
    const { cadence, ending } = research;
    const until = instantAt(cadence.timeZone, ending.endsOn!, '23:59');
    const meetings = meetingsBetween(cadence, new Date('2026-01-01T00:00:00Z'), until);
    expect(meetings[0]?.localDate).toBe('2026-02-05');
    expect(meetings.at(-1)?.localDate).toBe('2027-06-24');
    expect(meetings).toHaveLength(19);
  });

  it('is reviewed every six months, with two weeks’ notice', () => {
    expect(reviewStatus('2026-02-02', research, '2026-07-18').state).toBe('ok');
    expect(reviewStatus('2026-02-02', research, '2026-07-19')).toMatchObject({
      dueOn: '2026-08-02',
      state: 'due_soon',
    });
  });
});

describe('the seed default', () => {
  it('a member has been to more than one meeting, and there is no quorum', () => {
    expect(membershipStatus(history(P, O), seedDefault, end).status).toBe('member');
    expect(quorumStatus(people([['member', 'online']]), seedDefault).met).toBe(true);
  });

  it('a tie stands as a tie, not carried, since the seed gives no casting vote', () => {
    expect(voteOutcome({ yes: 2, no: 2, abstain: 0, eligible: 4 }, seedDefault)).toMatchObject({
      outcome: 'tied',
      castingVoteDue: false,
    });
  });

  it('surveys 3 months in, then 6 and 12 months on', () => {
    expect(surveyWaves(seedDefault).map((w) => w.opensOn)).toEqual([
      '2026-04-12',
      '2026-07-12',
      '2027-01-12',
    ]);
  });
});
