import { expect } from 'vitest';
import { calendarDateIn } from '../../src/policy/index.ts';
import type { Database } from '../../src/server/db/client.ts';
import type { CallInput, CallReply, Client } from '../harness.ts';

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

/** A Terms of Reference document, as a draft holds it. */
export type TermsDocument = CallReply<'getTermsDraft'>['document'];

/** The choices a draft from the template is made with. */
type TemplateChoices = NonNullable<CallInput<'createTermsDraft'>['choices']>;

/**
 * Adopts Terms of Reference from the seed template (monthly, 2nd Tuesday,
 * 18:00 Europe/London), after `change` has edited the document. An adoption
 * dated in the past needs the `database`, to date the draft's start back too.
 */
export async function adoptTerms(
  chair: Client,
  groupId: string,
  change: (document: TermsDocument) => void = () => {},
  choices: Partial<TemplateChoices> = {},
  adoptedOn = londonToday(),
  database?: Database,
) {
  const existing = await chair.call('getTermsDraft', { groupId });
  if (existing.status === 404) {
    const draft = await chair.call('createTermsDraft', {
      groupId,
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
  const draft = await chair.callOk('getTermsDraft', { groupId });
  const document = structuredClone(draft.document);
  change(document);
  const saved = await chair.call('updateTermsDraft', { groupId, document });
  expect(saved.status, saved.text).toBe(200);
  if (database && adoptedOn < londonToday()) await draftStartedOn(database, groupId, adoptedOn);
  return chair.callOk('adoptTermsDraft', { groupId, adoptedOn });
}

/** Makes a draft from the version in force, so the next adoptTerms edits it. */
export async function redraft(chair: Client, groupId: string) {
  const draft = await chair.call('createTermsDraft', { groupId, from: 'in_force' });
  expect(draft.status, draft.text).toBe(201);
}

/** Adds an extra meeting of `minutes` from `startsAt`; its id. */
export async function addMeeting(
  chair: Client,
  groupId: string,
  startsAt: Date,
  minutes = 120,
  extra: Partial<CallInput<'createMeeting'>> = {},
) {
  const answer = await chair.call('createMeeting', {
    groupId,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString(),
    ...extra,
  });
  expect(answer.status, answer.text).toBe(201);
  if (!answer.ok) throw new Error(answer.text);
  return answer.body.id;
}

/** A register mark: present in person or online, apologies, or absent. */
export type Mark = CallInput<'recordAttendance'>['mark'];

/**
 * Records a register mark. After the meeting a correction needs a reason, so
 * one is always given (the register was kept on paper).
 */
export async function mark(
  chair: Client,
  groupId: string,
  meetingId: string,
  userId: string,
  value: Mark,
  reason = 'The register was kept on paper at the meeting',
) {
  const answer = await chair.call('recordAttendance', {
    groupId,
    meetingId,
    userId,
    mark: value,
    reason,
  });
  expect(answer.status, answer.text).toBe(200);
}
