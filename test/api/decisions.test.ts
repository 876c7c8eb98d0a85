import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDueVotes } from '../../src/server/modules/decisions/votes.service.ts';
import { createGroup, joinGroup, startTestApp, type CallInput, type TestApp } from '../harness.ts';
import { registerPerson, type Person } from '../support/people.ts';
import { expectError, expectSuccess } from '../support/errors.ts';
import {
  addMeeting,
  adoptTerms,
  londonToday,
  mark,
  redraft,
  type TermsDocument,
} from '../support/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/**
 * A group of six: the chair and two others have been to both past meetings
 * (members); three have been to one or none (participants).
 */
async function groupOfSix(change: (doc: TermsDocument) => void = () => {}) {
  const chair = await registerPerson(t, 'Chair Person');
  const groupId = await createGroup(chair.client);
  const others: Person[] = [];
  for (const name of ['Ann Member', 'Ben Member', 'Cat Once', 'Dev Once', 'Eve Never']) {
    const p = await registerPerson(t, name);
    await joinGroup(chair.client, p.client, groupId);
    others.push(p);
  }
  await adoptTerms(chair.client, groupId, change);
  const m1 = await addMeeting(chair.client, groupId, new Date('2026-09-08T17:00:00Z'));
  const m2 = await addMeeting(chair.client, groupId, new Date('2026-10-13T17:00:00Z'));
  const [ann, ben, cat, dev, eve] = others as [Person, Person, Person, Person, Person];
  for (const p of [chair, ann, ben]) {
    await mark(chair.client, groupId, m1, p.id, 'present_in_person');
    await mark(chair.client, groupId, m2, p.id, 'present_in_person');
  }
  await mark(chair.client, groupId, m1, cat.id, 'present_in_person');
  await mark(chair.client, groupId, m2, dev.id, 'present_online');
  await mark(chair.client, groupId, m1, eve.id, 'absent');
  return { chair, groupId, ann, ben, cat, dev, eve };
}

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

async function proposalThroughConsensus(
  g: Awaited<ReturnType<typeof groupOfSix>>,
  answers: [Person, CallInput<'answerConsensusCheck'>['answer'], string?][],
) {
  const created = await g.ann.client.call('createProposal', {
    groupId: g.groupId,
    title: 'Move meetings to Thursdays',
    text: 'We meet on the second Thursday from March.',
    remitKey: 'housing',
    closesAt: inAWeek(),
  });
  expect(created.status, created.text).toBe(201);
  const id = expectSuccess(created, 201).id;
  const proposal = { groupId: g.groupId, proposalId: id };
  const opened = await g.chair.client.call('openConsensusCheck', proposal);
  expect(opened.status, opened.text).toBe(200);
  for (const [who, answer, reason] of answers) {
    const answered = await who.client.call('answerConsensusCheck', {
      ...proposal,
      answer,
      ...(reason ? { reason } : {}),
    });
    expect(answered.status, answered.text).toBe(200);
  }
  return { id, proposal };
}

describe('consensus first', () => {
  it('answers are counted and their reasons shown without names; a block stops the chair declaring consensus', async () => {
    const g = await groupOfSix();
    const { proposal } = await proposalThroughConsensus(g, [
      [g.ann, 'agree'],
      [g.ben, 'concerns', 'Thursdays clash with the carers’ café'],
      [g.cat, 'block', 'Evening meetings shut out parents'],
    ]);
    const seen = await g.dev.client.callOk('getProposal', proposal);
    expect(seen.consensus).toMatchObject({
      open: true,
      answered: 3,
      counts: { agree: 1, concerns: 1, standAside: 0, block: 1 },
      reasons: {
        concerns: ['Thursdays clash with the carers’ café'],
        block: ['Evening meetings shut out parents'],
      },
      allows: { outcome: 'no_consensus' },
    });
    expect(JSON.stringify(seen)).not.toMatch(/Ann|Ben|Cat Once/);
    expectError(await g.cat.client.call('answerConsensusCheck', { ...proposal, answer: 'agree' }), {
      status: 409,
      code: 'conflict',
    });
    const declared = await g.chair.client.call('closeConsensusCheck', {
      ...proposal,
      outcome: 'consensus',
    });
    const refusal = expectError(declared, { status: 409, code: 'conflict', field: 'outcome' });
    expect(refusal.message).toMatch(/1 person blocks/);
    // The proposal can no longer be edited once the check is open.
    expectError(await g.ann.client.call('updateProposal', { ...proposal, title: 'Changed' }), {
      status: 409,
      code: 'conflict',
    });
  });

  it('consensus without blocks records a decision with every opinion', async () => {
    const g = await groupOfSix();
    const { proposal } = await proposalThroughConsensus(g, [
      [g.ann, 'agree', 'Better for working people'],
      [g.ben, 'stand_aside', 'I cannot come either way'],
      [g.cat, 'agree'],
    ]);
    const closed = await g.chair.client.call('closeConsensusCheck', {
      ...proposal,
      outcome: 'consensus',
    });
    expect(closed.status, closed.text).toBe(200);
    expect(expectSuccess(closed, 200).stage).toBe('decided');
    const decision = await g.ben.client.callOk('getDecision', {
      groupId: g.groupId,
      decisionId: expectSuccess(closed, 200).decisionId as string,
    });
    expect(decision).toMatchObject({
      number: 1,
      outcome: 'agreed',
      method: 'consensus',
      finalText: 'We meet on the second Thursday from March.',
    });
    expect(decision.opinions).toEqual(
      expect.arrayContaining([
        { stance: 'for', weight: 'majority', count: 2, reasons: ['Better for working people'] },
        {
          stance: 'stood_aside',
          weight: 'minority',
          count: 1,
          reasons: ['I cannot come either way'],
        },
      ]),
    );
  });
});

describe('the formal test', () => {
  it('in a group where 3 of 6 have been to more than one meeting, only those 3 may vote; the tally is exact and the blocking reason is kept beside the view it split evenly with', async () => {
    const g = await groupOfSix();
    const { proposal } = await proposalThroughConsensus(g, [
      [g.ann, 'agree'],
      [g.cat, 'block', 'Evening meetings shut out parents'],
    ]);
    expectError(await g.ann.client.call('callFormalVote', proposal), {
      status: 403,
      code: 'forbidden',
    });
    const called = await g.chair.client.call('callFormalVote', proposal);
    expect(called.status, called.text).toBe(200);
    expect(expectSuccess(called, 200).vote).toMatchObject({ open: true, eligible: 3, voted: 0 });

    for (const [who, choice] of [
      [g.chair, 'yes'],
      [g.ann, 'yes'],
      [g.ben, 'no'],
    ] as const) {
      const cast = await who.client.call('castBallot', { ...proposal, choice });
      expect(cast.status, cast.text).toBe(200);
      expect(expectSuccess(cast, 200)).toMatchObject({ choice, changed: false });
    }
    for (const who of [g.cat, g.dev, g.eve]) {
      const refused = await who.client.call('castBallot', { ...proposal, choice: 'no' });
      const refusal = expectError(refused, { status: 403, code: 'forbidden' });
      expect(refusal.message).toMatch(/more than one meeting/);
      expect(refusal.reason).toBe('decisions.mayNotVote.membersOnly');
    }
    expectError(await g.ann.client.call('castBallot', { ...proposal, choice: 'no' }), {
      status: 409,
      code: 'conflict',
    });
    const open = (await g.dev.client.callOk('getProposal', proposal)).vote;
    expect(open).toMatchObject({ voted: 3, tally: null });
    expect(open?.myEligibility).toEqual({
      eligible: false,
      reason: 'membersOnly',
      role: null,
      meetings: 1,
    });

    const closed = await g.chair.client.call('closeVote', proposal);
    expect(closed.status, closed.text).toBe(200);
    expect(expectSuccess(closed, 200).vote).toMatchObject({
      open: false,
      outcome: 'carried',
      tally: { yes: 2, no: 1, abstain: 0, eligible: 3, voted: 3 },
      named: null,
    });
    const again = await g.chair.client.call('closeVote', proposal);
    expect(again.status).toBe(200);
    expect(expectSuccess(again, 200).decisionId).toBe(expectSuccess(closed, 200).decisionId);
    expectError(await g.ben.client.call('castBallot', { ...proposal, choice: 'yes' }), {
      status: 409,
      code: 'conflict',
    });

    const decision = await g.chair.client.callOk('getDecision', {
      groupId: g.groupId,
      decisionId: expectSuccess(closed, 200).decisionId as string,
    });
    expect(decision).toMatchObject({
      outcome: 'agreed',
      method: 'vote',
      tally: { yes: 2, no: 1, abstain: 0, eligible: 3 },
      consensus: { counts: { agree: 1, block: 1 }, outcome: 'no_consensus' },
    });
    // One agreed and one blocked: as many people, so neither is called the majority.
    expect(decision.opinions).toContainEqual({
      stance: 'against',
      weight: 'even',
      count: 1,
      reasons: ['Evening meetings shut out parents'],
    });
    const [rows] = await t.database.query<{ n: number | string }>(
      'select count(*) as n from decisions where group_id = $1',
      [g.groupId],
    );
    expect(Number(rows?.n)).toBe(1);
  });

  it('a quorum that names a category ("at least 1 carer") counts the people a chair has put in it', async () => {
    const g = await groupOfSix((doc) => {
      doc.decisions.quorum = {
        kind: 'count',
        count: 2,
        categoryMinimums: [{ category: 'carers', min: 1 }],
      };
    });
    const { groupId } = g;
    const listed = await g.chair.client.call('listQuorumCategories', { groupId });
    expect(listed.status, listed.text).toBe(200);
    expect(expectSuccess(listed, 200).categories).toEqual([{ category: 'carers', min: 1 }]);
    expect(expectSuccess(listed, 200).people.every((p) => p.categories.length === 0)).toBe(true);
    // Who is in which category can be sensitive: chairs only.
    expectError(await g.ann.client.call('listQuorumCategories', { groupId }), {
      status: 403,
      code: 'forbidden',
    });

    const voteOn = async (voters: Person[]) => {
      const { proposal } = await proposalThroughConsensus(g, [[g.cat, 'block']]);
      expect((await g.chair.client.call('callFormalVote', proposal)).status).toBe(200);
      for (const who of voters)
        expect((await who.client.call('castBallot', { ...proposal, choice: 'yes' })).status).toBe(
          200,
        );
      return (await g.chair.client.callOk('closeVote', proposal)).vote;
    };
    const categoriesOf = (who: Person) => ({ groupId, userId: who.id });
    const wrong = await g.chair.client.call('setPersonCategories', {
      ...categoriesOf(g.ben),
      categories: ['parents'],
    });
    const refusal = expectError(wrong, { status: 422, field: 'categories.0' });
    expect(refusal.fields?.['categories.0']).toMatch(/carers/);
    expectError(
      await g.ann.client.call('setPersonCategories', {
        ...categoriesOf(g.ann),
        categories: ['carers'],
      }),
      {
        status: 403,
        code: 'forbidden',
      },
    );
    const set = await g.chair.client.call('setPersonCategories', {
      ...categoriesOf(g.ben),
      categories: ['carers', 'carers'],
    });
    expect(expectSuccess(set, 200)).toEqual({ userId: g.ben.id, categories: ['carers'] });

    // Two ballots, but no carer among them: not quorate, and the record says why.
    const first = await voteOn([g.chair, g.ann]);
    expect(first?.outcome).toBe('no_quorum');
    expect(first?.quorumAtClosing?.explanation).toMatch(/carers: 0 of the 1 needed/);

    const second = await voteOn([g.ann, g.ben]);
    expect(second?.outcome).toBe('carried');
    expect(second?.quorumAtClosing?.explanation).toMatch(/carers: 1 of the 1 needed/);
  });

  it('the voter list is fixed when the vote opens: someone who becomes a member later is not added', async () => {
    const g = await groupOfSix();
    const { proposal } = await proposalThroughConsensus(g, [[g.cat, 'block']]);
    await g.chair.client.call('callFormalVote', proposal);
    // Cat's second meeting, after the vote opened.
    const m3 = await addMeeting(g.chair.client, g.groupId, new Date(Date.now() - 60 * 60_000));
    await mark(g.chair.client, g.groupId, m3, g.cat.id, 'present_in_person');
    const statuses = await g.chair.client.callOk('listMembershipStatuses', { groupId: g.groupId });
    expect(statuses.people.find((p) => p.userId === g.cat.id)?.status).toBe('member');
    const refused = await g.cat.client.call('castBallot', { ...proposal, choice: 'yes' });
    const refusal = expectError(refused, { status: 403, code: 'forbidden' });
    expect(refusal.message).toMatch(/fixed when it opened/);
  });

  it('a vote past its closing time is closed by the background job and its decision recorded', async () => {
    const g = await groupOfSix();
    const { proposal, id } = await proposalThroughConsensus(g, [[g.cat, 'block']]);
    await g.chair.client.call('callFormalVote', proposal);
    await g.ann.client.call('castBallot', { ...proposal, choice: 'yes' });
    await g.ben.client.call('castBallot', { ...proposal, choice: 'yes' });
    await t.database.query(
      `update votes set closes_at = now() - interval '1 minute' where proposal_id = $1`,
      [id],
    );
    expect(await closeDueVotes(t.app.deps)).toBe(1);
    expect(await closeDueVotes(t.app.deps)).toBe(0);
    const closed = await g.ann.client.callOk('getProposal', proposal);
    expect(closed.vote).toMatchObject({ open: false, outcome: 'carried' });
    expect(closed.decisionId).not.toBeNull();
  });

  it('a tie waits for the chair’s casting vote where the ToR gives one', async () => {
    const g = await groupOfSix((doc) => {
      doc.decisions.castingVote = 'chair';
      doc.decisions.threshold = { proportion: 'majority', of: 'votes_cast' };
    });
    const { proposal } = await proposalThroughConsensus(g, [[g.cat, 'block']]);
    await g.chair.client.call('callFormalVote', proposal);
    await g.ann.client.call('castBallot', { ...proposal, choice: 'yes' });
    await g.ben.client.call('castBallot', { ...proposal, choice: 'no' });
    const tied = await g.chair.client.call('closeVote', proposal);
    expect(expectSuccess(tied, 200).vote?.outcome).toBe('tied');
    expect(expectSuccess(tied, 200).decisionId).toBeNull();
    const decided = await g.chair.client.call('closeVote', { ...proposal, castingVote: 'no' });
    expect(expectSuccess(decided, 200).vote?.outcome).toBe('not_carried');
    const decision = await g.chair.client.callOk('getDecision', {
      groupId: g.groupId,
      decisionId: expectSuccess(decided, 200).decisionId as string,
    });
    expect(decision.outcome).toBe('not_agreed');
    expect(decision.summary).toMatch(/casting vote against/);
  });

  it('named votes show who voted how once closed; secret ones never do', async () => {
    const g = await groupOfSix((doc) => {
      doc.decisions.ballot = { secret: false, mayChangeBeforeClose: true };
    });
    const { proposal } = await proposalThroughConsensus(g, [[g.cat, 'block']]);
    await g.chair.client.call('callFormalVote', proposal);
    const first = await g.ann.client.call('castBallot', { ...proposal, choice: 'no' });
    expect(expectSuccess(first, 200).receipt).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const changed = await g.ann.client.call('castBallot', {
      ...proposal,
      choice: 'yes',
      receipt: expectSuccess(first, 200).receipt as string,
    });
    expect(expectSuccess(changed, 200)).toMatchObject({ choice: 'yes', changed: true });
    await g.ben.client.call('castBallot', { ...proposal, choice: 'yes' });
    const closed = await g.chair.client.call('closeVote', proposal);
    expect(expectSuccess(closed, 200).vote?.tally).toMatchObject({ yes: 2, no: 0 });
    expect(expectSuccess(closed, 200).vote?.named).toEqual([
      { name: 'Ann Member', choice: 'yes' },
      { name: 'Ben Member', choice: 'yes' },
    ]);
  });
});

describe('the decision record', () => {
  it('the consensus-answer and ballot tables have no person column and no precise timestamp', async () => {
    const columns = await t.database.query<{
      table_name: string;
      column_name: string;
      data_type: string;
    }>(
      `select table_name, column_name, data_type from information_schema.columns
       where table_schema = 'public' and table_name in ('consensus_answers', 'ballots')`,
    );
    expect(new Set(columns.map((c) => c.table_name))).toEqual(
      new Set(['consensus_answers', 'ballots']),
    );
    for (const c of columns) {
      expect(c.data_type, `${c.table_name}.${c.column_name}`).not.toMatch(/time|date|interval/);
      expect(c.column_name, `${c.table_name}.${c.column_name}`).not.toMatch(
        /user|person|people|voter|member|author|by$|_by_|name|email|at$/,
      );
    }
    const references = await t.database.query<{ table_name: string; target: string }>(
      `select c.conrelid::regclass::text as table_name, c.confrelid::regclass::text as target
       from pg_constraint c where c.contype = 'f'
       and c.conrelid::regclass::text in ('consensus_answers', 'ballots')`,
    );
    expect(references.map((r) => r.target).sort()).toEqual(['consensus_checks', 'votes']);
  });

  it('a record never changes; a correction is a new record linked to it; the register exports as CSV and JSON', async () => {
    const g = await groupOfSix();
    const { proposal } = await proposalThroughConsensus(g, [[g.ann, 'agree', '=cmd|calc']]);
    const closed = await g.chair.client.call('closeConsensusCheck', {
      ...proposal,
      outcome: 'consensus',
    });
    const id = expectSuccess(closed, 200).decisionId as string;
    await expect(
      t.database.query(`update decisions set final_text = 'tampered' where id = $1`, [id]),
    ).rejects.toThrow(/cannot be changed/);
    await expect(t.database.query('delete from decisions where id = $1', [id])).rejects.toThrow(
      /cannot be changed/,
    );
    expectError(
      await g.ann.client.call('correctDecision', {
        groupId: g.groupId,
        decisionId: id,
        finalText: 'x',
        reason: 'y',
      }),
      { status: 403, code: 'forbidden' },
    );
    const corrected = await g.chair.client.call('correctDecision', {
      groupId: g.groupId,
      decisionId: id,
      finalText: 'We meet on the third Thursday from March.',
      reason: 'The minutes misheard it',
    });
    expect(corrected.status, corrected.text).toBe(201);
    expect(expectSuccess(corrected, 201)).toMatchObject({
      number: 2,
      corrects: id,
      method: 'correction',
    });
    const original = await g.chair.client.callOk('getDecision', {
      groupId: g.groupId,
      decisionId: id,
    });
    expect(original).toMatchObject({
      finalText: 'We meet on the second Thursday from March.',
      correctedBy: expectSuccess(corrected, 201).id,
    });

    const csv = await g.ben.client.call('exportDecisions', { groupId: g.groupId, format: 'csv' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^number,decided_on,title,outcome,method/);
    expect(lines).toHaveLength(3);
    // A reason that looks like a spreadsheet formula stays text: no cell starts with "=".
    expect(csv.text).toContain('=cmd|calc');
    expect(csv.text).not.toMatch(/(^|,|\r\n)"?[=+@-]/);
    const json = await g.ben.client.call('exportDecisions', { groupId: g.groupId, format: 'json' });
    expect(JSON.parse(json.text).decisions).toHaveLength(2);
    expectError(await g.eve.client.get(`/api/v1/groups/${g.groupId}/decisions/export?format=xml`), {
      status: 422,
      code: 'validation_failed',
      field: 'querystring.format',
    });
  });

  it('Terms of Reference can be adopted through a decision, and the version links to it', async () => {
    const g = await groupOfSix();
    const { proposal } = await proposalThroughConsensus(g, [[g.ann, 'agree']]);
    const closed = await g.chair.client.call('closeConsensusCheck', {
      ...proposal,
      outcome: 'consensus',
    });
    await redraft(g.chair.client, g.groupId);
    const adopted = await g.chair.client.call('adoptTermsDraft', {
      groupId: g.groupId,
      adoptedOn: londonToday(),
      decisionId: expectSuccess(closed, 200).decisionId as string,
    });
    expect(adopted.status, adopted.text).toBe(200);
    expect(expectSuccess(adopted, 200).decisionId).toBe(expectSuccess(closed, 200).decisionId);
    expect(expectSuccess(adopted, 200).adoptionNote).toMatch(
      /^Adopted by decision 1 \(consensus\)/,
    );
  });
});
