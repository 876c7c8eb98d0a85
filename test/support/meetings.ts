import { expect } from 'vitest';
import { calendarDateIn } from '../../src/policy/index.ts';
import type { Database } from '../../src/server/db/client.ts';
import type { Client } from '../harness.ts';

/** Today where the template's groups meet (Europe/London). */
export function londonToday(): string {
  return calendarDateIn('Europe/London', new Date());
}

/**
 * Says the group's draft was started on `date`, as if written back then: a
 * draft cannot be adopted on a day before it was started.
 */
export async function draftStartedOn(database: Database, groupId: string, date: string) {
  await database.query(
    `update terms_versions set created_at = ($1::date)::timestamp at time zone 'Europe/London'
      where group_id = $2 and status = 'draft'`,
    [date, groupId],
  );
}

/**
 * Adopts Terms of Reference from the seed template (monthly, 2nd Tuesday,
 * 18:00 Europe/London), after `change` has edited the document. An adoption
 * dated in the past needs the `database`, to date the draft's start back too.
 */
export async function adoptTerms(
  chair: Client,
  groupId: string,
  change: (document: any) => void = () => {},
  choices: object = {},
  adoptedOn = londonToday(),
  database?: Database,
) {
  const existing = await chair.get(`/api/v1/groups/${groupId}/terms/draft`);
  if (existing.status === 404) {
    const draft = await chair.post(`/api/v1/groups/${groupId}/terms/draft`, {
      from: 'template',
      choices: {
        frequency: 'monthly',
        nth: 2,
        weekday: 'tuesday',
        inScope: [
          { key: 'housing', title: 'Housing', description: 'Repairs and allocations' },
          { key: 'transport', title: 'Transport', description: 'Community transport' },
        ],
        outOfScope: [
          {
            key: 'complaints',
            title: 'Individual complaints',
            takeInstead: 'the council’s complaints team, on 0300 000 0000',
          },
        ],
        ...choices,
      },
    });
    expect(draft.status, draft.text).toBe(201);
  }
  const draft = await chair.get(`/api/v1/groups/${groupId}/terms/draft`);
  const document = structuredClone(draft.body.document);
  change(document);
  const saved = await chair.put(`/api/v1/groups/${groupId}/terms/draft`, { document });
  expect(saved.status, saved.text).toBe(200);
  if (database && adoptedOn < londonToday()) await draftStartedOn(database, groupId, adoptedOn);
  const adopted = await chair.post(`/api/v1/groups/${groupId}/terms/draft/adopt`, {
    adoptedOn,
  });
  expect(adopted.status, adopted.text).toBe(200);
  return adopted.body;
}

/** Makes a draft from the version in force, so the next adoptTerms edits it. */
export async function redraft(chair: Client, groupId: string) {
  const draft = await chair.post(`/api/v1/groups/${groupId}/terms/draft`, { from: 'in_force' });
  expect(draft.status, draft.text).toBe(201);
}

export async function addMeeting(
  chair: Client,
  groupId: string,
  startsAt: Date,
  minutes = 120,
  extra: object = {},
) {
  const answer = await chair.post(`/api/v1/groups/${groupId}/meetings`, {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString(),
    ...extra,
  });
  expect(answer.status, answer.text).toBe(201);
  return answer.body.id as string;
}

/**
 * Records a register mark. After the meeting a correction needs a reason, so
 * one is always given (the register was kept on paper).
 */
export async function mark(
  chair: Client,
  groupId: string,
  meetingId: string,
  userId: string,
  value: string,
  reason = 'The register was kept on paper at the meeting',
) {
  const answer = await chair.put(
    `/api/v1/groups/${groupId}/meetings/${meetingId}/attendance/${userId}`,
    { mark: value, reason },
  );
  expect(answer.status, answer.text).toBe(200);
}
