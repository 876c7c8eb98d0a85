/**
 * The leak test. A unique canary string is put into every item the group has
 * not released (Terms of Reference, notes and their comments, decisions and
 * the reasons voiced, proposals, learning, papers, suggestions, actions).
 * Then, as anonymous, a signed-in stranger, an observer of the group and the
 * chair of another group, every operation of the OpenAPI document is called,
 * every email they were sent and every calendar feed they can make is read:
 * no canary may appear anywhere. The test fails if it calls fewer operations
 * than the document lists.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendMeetingReminders } from '../../src/server/modules/meetings/reminders.service.ts';
import {
  createGroup,
  joinGroup,
  startTestApp,
  type Answer,
  type Client,
  type TestApp,
} from '../harness.ts';
import { addMeeting, adoptTerms } from '../support/meetings.ts';
import { agreeAndRelease } from '../support/releases.ts';

let t: TestApp;
const CANARY = `zqx${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const canary = (what: string) => `${CANARY}${what}`;
const canaries: string[] = [];
const mark = (what: string) => {
  const c = canary(what);
  canaries.push(c);
  return c;
};

type Who = 'anonymous' | 'stranger' | 'observer' | 'otherChair';
type Outsider = { who: Who; client: Client; email: string | null };
let outsiders: Outsider[] = [];
let params: Record<string, string> = {};

async function ok(answer: Promise<Answer>, what: string) {
  const done = await answer;
  if (done.status >= 300) throw new Error(`${what}: ${done.status} ${done.text}`);
  return done.body;
}

beforeAll(async () => {
  t = await startTestApp();
  const chair = t.client();
  await chair.register('Leak Chair');
  const sam = t.client();
  const samMe = await sam.register('Sam Member');
  const observer = t.client();
  const observerMe = await observer.register('Olu Observer');
  const stranger = t.client();
  const strangerMe = await stranger.register('Stranger Danger');
  const otherChair = t.client();
  const otherChairMe = await otherChair.register('Other Chair');
  await createGroup(otherChair, 'Another group');

  const groupId = await createGroup(chair, 'Confidential group');
  await joinGroup(chair, sam, groupId);
  await joinGroup(chair, observer, groupId);
  await ok(
    chair.put(`/api/v1/groups/${groupId}/people/${observerMe.id}/role`, { role: 'observer' }),
    'role',
  );

  // Terms of Reference with a canary in force. Its purpose statement is what
  // the group's public page shows from the start, so the canary is elsewhere.
  await adoptTerms(chair, groupId, (doc) => {
    doc.purpose = 'Our purpose, for everyone to read on our public page';
    doc.membership.note = `Our membership note ${mark('terms')}`;
    doc.confidentiality.chairMayRecordAgreement = true;
  });

  const past = await addMeeting(chair, groupId, new Date(Date.now() - 20 * 86_400_000));
  const later = await addMeeting(chair, groupId, new Date(Date.now() - 5 * 86_400_000));
  const soon = await addMeeting(chair, groupId, new Date(Date.now() + 3 * 86_400_000));
  const item = await ok(
    chair.post(`/api/v1/groups/${groupId}/meetings/${past}/agenda`, {
      title: 'Budget',
      purpose: 'To agree it',
      remitKey: 'housing',
    }),
    'agenda',
  );
  const pdf = new TextEncoder().encode(`%PDF-1.4\n% ${mark('paperfile')}\n%%EOF\n`);
  const paper = await ok(
    chair.request(
      'POST',
      `/api/v1/groups/${groupId}/meetings/${soon}/papers?title=${mark('paper')}&fileName=budget.pdf`,
      undefined,
      { raw: pdf, headers: { 'content-type': 'application/octet-stream' } },
    ),
    'paper',
  );

  // Notes: approved (not released), then a correction in draft; a comment.
  const notes = `/api/v1/groups/${groupId}/meetings/${past}/notes`;
  await ok(
    chair.put(notes, { content: { summary: `We discussed ${mark('notes')}.`, items: [] } }),
    'notes',
  );
  await ok(chair.post(`${notes}/circulate`), 'circulate');
  await ok(sam.post(`${notes}/comments`, { body: `A comment ${mark('comment')}` }), 'comment');
  await ok(
    chair.post(`${notes}/approve`, { meetingId: later, acknowledgeUnresolved: true }),
    'approve',
  );
  await ok(
    chair.put(notes, {
      content: { summary: `Corrected ${mark('notesdraft')}.`, items: [] },
      correctionReason: 'A slip',
    }),
    'correction',
  );

  // A decision with reasons, and a proposal still open.
  const proposals = `/api/v1/groups/${groupId}/proposals`;
  const decided = await ok(
    chair.post(proposals, {
      title: 'Decided proposal',
      text: `Agreed text ${mark('decision')}`,
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
    'proposal',
  );
  await ok(chair.post(`${proposals}/${decided.id}/consensus`), 'open');
  await ok(
    sam.post(`${proposals}/${decided.id}/consensus/answers`, {
      answer: 'concerns',
      reason: `A reason ${mark('reason')}`,
    }),
    'answer',
  );
  const closed = await ok(
    chair.post(`${proposals}/${decided.id}/consensus/close`, { outcome: 'consensus' }),
    'close',
  );
  const pending = await ok(
    chair.post(proposals, {
      title: 'Pending proposal',
      text: `Open text ${mark('proposal')}`,
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
    'pending',
  );

  await ok(
    sam.post(`/api/v1/groups/${groupId}/learning`, {
      whatHappened: `Happened ${mark('learning')}`,
      whatWeLearned: 'Learned',
      whatWeWillChange: 'Change',
      tags: [],
    }),
    'learning',
  );
  // One released item (no canary), so the public page exists.
  const shareable = await ok(
    sam.post(`/api/v1/groups/${groupId}/learning`, {
      whatHappened: 'A shareable lesson',
      whatWeLearned: 'Share it',
      whatWeWillChange: 'Nothing',
      tags: [],
    }),
    'shareable',
  );
  const release = await agreeAndRelease(chair, groupId, {
    itemType: 'learning',
    itemId: shareable.id,
  });
  const suggestion = await ok(
    sam.post(`/api/v1/groups/${groupId}/suggestions`, { text: `Suggest ${mark('suggestion')}` }),
    'suggestion',
  );
  const action = await ok(
    chair.post(`/api/v1/groups/${groupId}/actions`, {
      title: `Do ${mark('action')}`,
      ownerId: samMe.id,
      dueOn: '2027-01-10',
    }),
    'action',
  );
  const invitation = await ok(
    chair.post(`/api/v1/groups/${groupId}/invitations`, {}),
    'invitation',
  );
  await createGroup(chair, 'Working group', groupId);

  // Reminders go out (the one for the meeting in three days lists the paper to members only).
  await sendMeetingReminders(t.app.deps);

  params = {
    groupId,
    meetingId: past,
    itemId: item.id,
    paperId: paper.id,
    userId: samMe.id,
    proposalId: pending.id,
    decisionId: closed.decisionId,
    actionId: action.id,
    releaseId: release.releaseId,
    suggestionId: suggestion.id,
    invitationId: invitation.invitation.id,
    number: '1',
    feedId: randomUUID(),
    // Outsiders never get the real invitation: joining would make them insiders.
    token: 'a'.repeat(43),
  };
  outsiders = [
    { who: 'anonymous', client: t.client(), email: null },
    { who: 'stranger', client: stranger, email: strangerMe.email },
    { who: 'observer', client: observer, email: observerMe.email },
    { who: 'otherChair', client: otherChair, email: otherChairMe.email },
  ];
}, 180_000);
afterAll(async () => t.close());

const QUERIES: Record<string, string> = {
  diffTermsVersions: 'from=1&to=1',
  exportDecisions: 'format=csv',
  search: `q=${CANARY}notes`,
  uploadPaper: 'title=x&fileName=x.pdf',
  streamGroupEvents: 'once=1',
};

function leaks(text: string): string[] {
  return canaries.filter((c) => text.includes(c));
}

describe('nothing unreleased leaves the group', () => {
  it('every operation, email and calendar feed, asked by anonymous, a stranger, an observer and another group’s chair: 0 canaries', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    type Op = { id: string; method: string; path: string };
    const ops: Op[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, object>))
      for (const [method, op] of Object.entries(item))
        if (['get', 'put', 'post', 'patch', 'delete'].includes(method))
          ops.push({ id: op.operationId, method: method.toUpperCase(), path });
    // Signing out last, so each outsider keeps their session through the sweep.
    ops.sort((a, b) => Number(a.id === 'signOut') - Number(b.id === 'signOut'));

    const found: string[] = [];
    const visited = new Map<Who, Set<string>>();
    for (const outsider of outsiders) {
      const seen = new Set<string>();
      visited.set(outsider.who, seen);
      for (const op of ops) {
        const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
          encodeURIComponent(params[name] ?? randomUUID()),
        );
        const url = QUERIES[op.id] ? `${path}?${QUERIES[op.id]}` : path;
        const answer = await outsider.client.request(
          op.method,
          url,
          op.method === 'GET' || op.method === 'DELETE' ? undefined : {},
        );
        seen.add(op.id);
        for (const c of leaks(answer.text)) found.push(`${outsider.who} ${op.id}: ${c}`);
      }
      if (outsider.email) {
        // Their own calendar feeds: all their meetings, and the group's where they may ask.
        for (const body of [{}, { groupId: params.groupId }]) {
          const feed = await outsider.client.post('/api/v1/calendar-feeds', body);
          if (feed.status !== 201) continue;
          const ics = await t.client().get(new URL(feed.body.url).pathname);
          for (const c of leaks(ics.text)) found.push(`${outsider.who} calendar feed: ${c}`);
        }
      }
    }
    const mail = await t.database.query<{ to_address: string; subject: string; body_text: string }>(
      'select to_address, subject, body_text from outbox',
    );
    const addresses = new Set(outsiders.map((o) => o.email).filter(Boolean));
    const theirs = mail.filter((m) => addresses.has(m.to_address));
    for (const m of theirs)
      for (const c of leaks(`${m.subject}\n${m.body_text}`))
        found.push(`email to ${m.to_address}: ${c}`);

    // The canaries are really there for insiders to find: the test would catch a leak.
    const insiderMail = mail.filter((m) => !addresses.has(m.to_address));
    expect(insiderMail.some((m) => leaks(m.body_text).length > 0)).toBe(true);

    console.log(
      `leak test: ${ops.length} operations × ${outsiders.length} outsiders, ${theirs.length} emails to outsiders, ${canaries.length} canaries; ${found.length} found`,
    );
    expect(found).toEqual([]);
    for (const seen of visited.values()) expect(seen.size).toBe(ops.length);
    expect(ops.length).toBe(new Set(ops.map((o) => o.id)).size);
  }, 300_000);
});
