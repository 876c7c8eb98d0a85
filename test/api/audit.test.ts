/**
 * The audit log keeps, for each change, the shape of details its action
 * declares (src/server/modules/audit/audit-events.ts): ids, the names of the
 * fields that changed, counts and reasons; never a request body as it came,
 * nor the text people typed for the group.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../src/server/modules/audit/audit.repository.ts';
import { createGroup, joinGroup, startTestApp, type Client, type TestApp } from '../harness.ts';
import { addMeeting, adoptTerms } from '../support/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

type Someone = { client: Client; id: string };

async function person(name: string): Promise<Someone> {
  const client = t.client();
  const me = await client.register(name);
  return { client, id: me.id };
}

type AuditRow = { action: string; subject_type: string; subject_id: string; detail: unknown };

async function auditOf(groupId: string, action: string): Promise<AuditRow[]> {
  const rows = await t.database.query<AuditRow>(
    'select action, subject_type, subject_id, detail from audit_log where group_id = $1 and action = $2 order by at',
    [groupId, action],
  );
  return rows.map((r) => ({
    ...r,
    detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail,
  }));
}

/** Words typed into the requests below, which no audit row may repeat. */
const TYPED = 'Xylophone-Quartz';

async function must(answer: Promise<{ status: number; text: string; body: any }>) {
  const done = await answer;
  expect(done.status, done.text).toBeLessThan(300);
  return done.body;
}

describe('audit events', () => {
  it('an edit is audited by the names of the fields it changed, never by what was typed into them', async () => {
    const chair = await person('Chair Person');
    const pat = await person('Pat Participant');
    const groupId = await createGroup(chair.client);
    await joinGroup(chair.client, pat.client, groupId);
    await adoptTerms(chair.client, groupId);
    const api = `/api/v1/groups/${groupId}`;
    const meetingId = await addMeeting(
      chair.client,
      groupId,
      new Date(Date.now() + 7 * 86_400_000),
    );

    const proposal = await must(
      pat.client.post(`${api}/proposals`, {
        title: 'Meet on Thursdays',
        text: 'From March.',
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    );
    await must(
      pat.client.patch(`${api}/proposals/${proposal.id}`, {
        title: `Meet on ${TYPED}`,
        text: `Because ${TYPED} said so.`,
      }),
    );
    const action = await must(
      chair.client.post(`${api}/actions`, {
        title: 'Book the room',
        ownerId: pat.id,
        dueOn: '2027-01-10',
      }),
    );
    await must(
      pat.client.patch(`${api}/actions/${action.id}`, { title: `Ring ${TYPED}`, status: 'done' }),
    );
    await must(
      chair.client.patch(`${api}/meetings/${meetingId}`, {
        title: `Meeting with ${TYPED}`,
        place: `${TYPED} Hall`,
      }),
    );
    const item = await must(
      chair.client.post(`${api}/meetings/${meetingId}/agenda`, {
        title: 'Budget',
        purpose: 'To agree',
        remitKey: 'housing',
      }),
    );
    await must(
      chair.client.patch(`${api}/meetings/${meetingId}/agenda/${item.id}`, {
        purpose: `To hear ${TYPED}`,
      }),
    );
    await must(chair.client.patch(api, { purpose: `Whatever ${TYPED} wants` }));

    expect(await auditOf(groupId, 'proposal.updated')).toEqual([
      {
        action: 'proposal.updated',
        subject_type: 'proposal',
        subject_id: proposal.id,
        detail: { changed: ['title', 'text'] },
      },
    ]);
    expect((await auditOf(groupId, 'action.updated')).map((r) => r.detail)).toEqual([
      { changed: ['title', 'status'], status: 'done' },
    ]);
    expect((await auditOf(groupId, 'meeting.updated')).map((r) => r.detail)).toEqual([
      { changed: ['title', 'place'] },
    ]);
    expect((await auditOf(groupId, 'agenda.item_updated')).map((r) => r.detail)).toEqual([
      { meetingId, changed: ['purpose'] },
    ]);
    expect((await auditOf(groupId, 'group.updated')).map((r) => r.detail)).toEqual([
      { changed: ['purpose'] },
    ]);

    const everything = await t.database.query<{ detail: unknown }>(
      'select detail from audit_log where group_id = $1',
      [groupId],
    );
    expect(everything.length).toBeGreaterThan(5);
    expect(JSON.stringify(everything)).not.toContain(TYPED);
  });

  it('a passage kept as written is audited by who kept it and why, when marked and when circulated, not by its words', async () => {
    const chair = await person('Chair Person');
    const sam = await person('Samantha Okafor');
    const groupId = await createGroup(chair.client);
    await joinGroup(chair.client, sam.client, groupId);
    await adoptTerms(chair.client, groupId);
    const meetingId = await addMeeting(chair.client, groupId, new Date(Date.now() - 86_400_000));
    const url = `/api/v1/groups/${groupId}/meetings/${meetingId}/notes`;
    const content = { summary: 'Samantha said the room was booked for March.', items: [] };
    await must(chair.client.put(url, { content }));
    const check = await must(chair.client.post(`${url}/check`, {}));
    expect(check.outstanding).toBe(1);
    await must(
      chair.client.put(url, {
        content,
        notViews: [{ text: check.flags[0].sentence, reason: 'A fact reported, not a view' }],
      }),
    );

    const [updated] = await auditOf(groupId, 'notes.updated');
    expect(updated?.detail).toEqual({
      meetingId,
      version: 1,
      markedNotAView: [{ reason: 'A fact reported, not a view', markedBy: chair.id }],
    });
    await must(chair.client.post(`${url}/circulate`, {}));
    const [circulated] = await auditOf(groupId, 'notes.circulated');
    expect(circulated?.detail).toEqual({
      meetingId,
      version: 1,
      keptWithReason: [{ reason: 'A fact reported, not a view', markedBy: chair.id }],
    });
    const notes = await t.database.query<{ detail: unknown }>(
      "select detail from audit_log where group_id = $1 and action like 'notes.%'",
      [groupId],
    );
    expect(JSON.stringify(notes)).not.toMatch(/Samantha|booked for March/);
  });

  it('only a known action, with its subject type and the shape of its details, can be written', () => {
    // Never run: tsc checks that writeAudit refuses what audit-events.ts does not declare.
    const unwritten = (db: Parameters<typeof writeAudit>[0]) => [
      // @ts-expect-error an action no one declared
      writeAudit(db, { actorId: null, action: 'proposal.renamed', subjectType: 'proposal' }),
      writeAudit(db, {
        actorId: null,
        action: 'proposal.updated',
        subjectType: 'proposal',
        // @ts-expect-error a request body instead of the names of the changed fields
        detail: { title: 'New title', text: 'New text' },
      }),
      // @ts-expect-error the wrong subject for the action
      writeAudit(db, { actorId: null, action: 'api_token.revoked', subjectType: 'group' }),
    ];
    expect(typeof unwritten).toBe('function');
  });
});
