/**
 * Observers see that the group exists, its meetings and what it releases;
 * never another person's name, email or id. Every field an observer reads is
 * listed in OBSERVER_FIELDS (src/server/access.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReadable, OBSERVER_FIELDS, type ObservedOperation } from '../../../src/server/access.ts';
import { startTestApp, type Answer, type TestApp } from '../../harness.ts';
import { populatedGroup, type Cast } from '../../support/groups.ts';
import { addMeeting, adoptTerms, mark } from '../../support/meetings.ts';
import { registerPerson, type Person } from '../../support/people.ts';

let t: TestApp;
let cast: Cast;
let groupId: string;
let workingGroupId: string;
let meetingId: string;
/** Everyone but the observer: nothing of theirs may reach the observer. */
let others: Person[];

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function ok(answer: Promise<Answer>, what: string): Promise<Answer> {
  const done = await answer;
  if (done.status >= 300) throw new Error(`${what} failed: ${done.status} ${done.text}`);
  return done;
}

beforeAll(async () => {
  t = await startTestApp();
  cast = {
    owner: await registerPerson(t, 'Olwen Chairperson'),
    chair: await registerPerson(t, 'Cedric Cochair'),
    participant: await registerPerson(t, 'Priya Participant'),
    observer: await registerPerson(t, 'Oscar Observer'),
    noteTaker: await registerPerson(t, 'Nadia Notetaker'),
    target: await registerPerson(t, 'Tomasz Target'),
  };
  others = [cast.owner, cast.chair, cast.participant, cast.noteTaker, cast.target];
  const group = await populatedGroup(cast);
  groupId = group.id;
  const chair = cast.owner.client;
  await adoptTerms(chair, groupId);

  // A meeting under way, with business put by named people.
  meetingId = await addMeeting(chair, groupId, new Date(Date.now() - 10 * 60_000), 120);
  const one = `/api/v1/groups/${groupId}/meetings/${meetingId}`;
  const item = await ok(
    cast.participant.client.post(`${one}/agenda`, {
      title: 'Repairs backlog',
      purpose: 'To hear the plan',
      remitKey: 'housing',
    }),
    'addAgendaItem',
  );
  await ok(
    cast.participant.client.put(`${one}/agenda/${item.body.id}/interest`, {
      interest: 'Rents a council flat',
    }),
    'declareInterest',
  );
  await ok(
    cast.noteTaker.client.put(`${one}/agenda/${item.body.id}/interest`, { interest: null }),
    'declareInterest',
  );
  await ok(
    cast.participant.client.request(
      'POST',
      `${one}/papers?title=Repairs%20report&fileName=repairs.pdf`,
      undefined,
      { raw: PDF, headers: { 'content-type': 'application/octet-stream' } },
    ),
    'uploadPaper',
  );
  await ok(cast.participant.client.put(`${one}/rsvp`, { response: 'attending' }), 'rsvp');
  await ok(
    cast.target.client.put(`${one}/rsvp`, { response: 'apologies', reason: 'Hospital visit' }),
    'rsvp',
  );
  await mark(chair, groupId, meetingId, cast.noteTaker.id, 'present_in_person');

  // A working group with commitments.
  const made = await ok(
    chair.post('/api/v1/groups', { name: 'Housing working group', parentId: groupId }),
    'createGroup',
  );
  workingGroupId = made.body.group.id;
  await ok(
    cast.participant.client.put(`/api/v1/groups/${workingGroupId}/commitment`, {
      hoursPerMonth: 4,
    }),
    'joinWorkingGroup',
  );
  await ok(
    cast.chair.client.put(`/api/v1/groups/${workingGroupId}/commitment`, { hoursPerMonth: null }),
    'joinWorkingGroup',
  );
});
afterAll(async () => t.close());

/** What the observer is answered by every operation they may call, by operation id. */
async function observerAnswers(): Promise<Record<string, Answer>> {
  const observer = cast.observer.client;
  const one = `/api/v1/groups/${groupId}/meetings/${meetingId}`;
  const link = await ok(cast.owner.client.get(`${one}/check-in-link`), 'getCheckInLink');
  const feed = await ok(observer.post('/api/v1/calendar-feeds', { groupId }), 'createCalendarFeed');
  const invitation = await ok(
    cast.owner.client.post(`/api/v1/groups/${groupId}/invitations`, {}),
    'createInvitation',
  );
  const answers: Record<string, Answer> = {
    rsvp: await observer.put(`${one}/rsvp`, { response: 'attending' }),
    checkIn: await observer.post(`${one}/check-in`, { code: link.body.code }),
    getGroup: await observer.get(`/api/v1/groups/${groupId}`),
    listMyGroups: await observer.get('/api/v1/groups'),
    listMeetings: await observer.get(`/api/v1/groups/${groupId}/meetings?when=all`),
    getMeeting: await observer.get(one),
    listWorkingGroupCommitments: await observer.get(`/api/v1/groups/${workingGroupId}/commitments`),
    streamGroupEvents: await observer.get(`/api/v1/groups/${groupId}/events?once=1`),
    listReleasedItems: await observer.get(`/api/v1/public/groups/${groupId}`),
    getPublicGroupPage: await observer.get(`/api/v1/public/groups/${groupId}/page`),
    getMe: await observer.get('/api/v1/me'),
    listCalendarFeeds: await observer.get('/api/v1/calendar-feeds'),
    createCalendarFeed: feed,
    getCalendarFeed: await t.client().get(new URL(feed.body.feed?.url ?? feed.body.url).pathname),
    getNotificationSettings: await observer.get('/api/v1/me/notifications'),
    updateNotificationSettings: await observer.put('/api/v1/me/notifications', {
      weekBefore: true,
      dayBefore: false,
    }),
    listApiTokens: await observer.get('/api/v1/me/tokens'),
    getCsrfToken: await observer.get('/api/v1/csrf'),
    getInvitation: await observer.get(`/api/v1/invitations/${invitation.body.token}`),
  };
  return answers;
}

/** Each leaf of a JSON answer that carries something, by its path (`agenda[].title`). */
function filledPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => filledPaths(item, `${path}[]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, field]) =>
      filledPaths(field, path ? `${path}.${key}` : key),
    );
  }
  return value === null ? [] : [path];
}

describe('observers', () => {
  it('every operation an observer may call answers them without anyone else’s name, email or id', async () => {
    const answers = await observerAnswers();
    for (const [operation, answer] of Object.entries(answers)) {
      expect(answer.status, `${operation}: ${answer.text}`).toBeLessThan(300);
      for (const person of others) {
        for (const secret of [person.name, person.email, person.id]) {
          expect(answer.text, `${operation} shows ${secret}`).not.toContain(secret);
        }
      }
    }
    // A draft agenda is the group's own; once published, observers see its business.
    expect(answers.getMeeting!.body.agenda).toEqual([]);
    await ok(
      cast.owner.client.patch(`/api/v1/groups/${groupId}/meetings/${meetingId}`, {
        agendaPublished: true,
      }),
      'updateMeeting',
    );
    const published = await cast.observer.client.get(
      `/api/v1/groups/${groupId}/meetings/${meetingId}`,
    );
    for (const person of others) expect(published.text).not.toContain(person.name);
    const meeting = published.body;
    expect(meeting.agenda.map((i: { title: string }) => i.title)).toEqual(['Repairs backlog']);
    expect(meeting.agenda[0].declarations).toEqual([]);
    expect(meeting.attendees).toEqual([]);
    expect(meeting.papers).toEqual([]);
    expect(meeting.counts.attending).toBeGreaterThanOrEqual(1);
    expect(answers.listWorkingGroupCommitments!.body.commitments).toEqual([]);

    // The same answers still carry the names for the people who take part.
    const asParticipant = await cast.participant.client.get(
      `/api/v1/groups/${groupId}/meetings/${meetingId}`,
    );
    expect(asParticipant.text).toContain('Priya Participant');
    const commitments = await cast.participant.client.get(
      `/api/v1/groups/${workingGroupId}/commitments`,
    );
    expect(commitments.text).toContain('Cedric Cochair');
  });

  it('every field an observer receives is listed for its operation in access.ts', async () => {
    const answers = await observerAnswers();
    for (const operation of Object.keys(OBSERVER_FIELDS) as ObservedOperation[]) {
      const answer = answers[operation];
      expect(answer, `no call made for ${operation}`).toBeDefined();
      const unlisted = filledPaths(answer!.body).filter(
        (path) => !isReadable(OBSERVER_FIELDS[operation], path),
      );
      expect(unlisted, `${operation}: ${answer!.text}`).toEqual([]);
    }
  });

  it('every field the list names exists in that operation’s answer in the OpenAPI document', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body;
    const schemas = doc.components?.schemas ?? {};
    const resolve = (schema: any): any =>
      schema?.$ref ? schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
    const paths = (raw: any, at: string): string[] => {
      const schema = resolve(raw);
      if (!schema) return [];
      const parts = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
      if (parts.length > 0) return parts.flatMap((part: any) => paths(part, at));
      if (schema.type === 'array') return paths(schema.items, `${at}[]`);
      if (schema.properties) {
        return [
          at,
          ...Object.entries(schema.properties).flatMap(([key, field]) =>
            paths(field, at ? `${at}.${key}` : key),
          ),
        ];
      }
      return [at];
    };
    const operations = new Map<string, any>();
    for (const item of Object.values<any>(doc.paths)) {
      for (const operation of Object.values<any>(item)) {
        if (operation?.operationId) operations.set(operation.operationId, operation);
      }
    }
    for (const [operationId, fields] of Object.entries(OBSERVER_FIELDS)) {
      const operation = operations.get(operationId);
      expect(operation, operationId).toBeDefined();
      const answer = Object.entries<any>(operation.responses).find(([code]) =>
        code.startsWith('2'),
      )?.[1];
      const known = new Set(paths(answer?.content?.['application/json']?.schema, ''));
      expect(
        fields.filter((field) => !known.has(field)),
        operationId,
      ).toEqual([]);
    }
  });
});
