/**
 * Parts of an answer that not everyone allowed the operation sees (SHOWN in
 * src/server/access.ts): each part asked of every role in the group, the
 * expectation read from the table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolesOf, shows, type GroupRole, type ShownPart } from '../../src/server/access.ts';
import { startTestApp, type TestApp } from '../harness.ts';
import { populatedGroup, type Cast } from '../support/groups.ts';
import { addMeeting, adoptTerms } from '../support/meetings.ts';
import { registerPerson, type Person } from '../support/people.ts';

let t: TestApp;
let cast: Cast;
let groupId: string;
let meetingId: string;

/** Everyone in the group by the role they hold. */
let byRole: [GroupRole, Person][];

const REASON = 'Hospital appointment';
const ITEM = 'Repairs backlog';

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
  groupId = (await populatedGroup(cast)).id;
  await adoptTerms(cast.owner.client, groupId);
  byRole = [
    ['chair', cast.chair],
    ['participant', cast.participant],
    ['observer', cast.observer],
    ['note_taker', cast.noteTaker],
  ];
  // Next week's meeting: an agenda not yet published, and apologies with a reason.
  meetingId = await addMeeting(cast.owner.client, groupId, new Date(Date.now() + 7 * 86_400_000));
  await cast.owner.client.callOk('addAgendaItem', {
    groupId,
    meetingId,
    title: ITEM,
    purpose: 'To hear the plan',
    remitKey: 'housing',
  });
  await cast.target.client.callOk('rsvp', {
    groupId,
    meetingId,
    response: 'apologies',
    reason: REASON,
  });
});
afterAll(async () => {
  await t.close();
});

const seesPart = (role: GroupRole, part: ShownPart) =>
  shows(rolesOf({ userId: 'x', isAdmin: false }, role), part);

async function meetingAs(person: Person) {
  return person.client.callOk('getMeeting', { groupId, meetingId });
}

describe('parts of an answer that only some roles see', () => {
  it('the table hides each part from someone in the group, and shows it to someone', () => {
    for (const part of ['attendance.apologyReasons', 'agenda.unpublished'] as const) {
      const seen = byRole.map(([role]) => seesPart(role, part));
      expect(seen, part).toContain(true);
      expect(seen, part).toContain(false);
    }
  });

  it('why someone sent apologies: shown to the roles the table names, and to no one else', async () => {
    for (const [role, person] of byRole) {
      const page = await meetingAs(person);
      const text = JSON.stringify(page);
      if (seesPart(role, 'attendance.apologyReasons')) {
        const absent = page.attendees.find((a) => a.userId === cast.target.id);
        expect(absent, role).toMatchObject({ intent: 'apologies', apologyReason: REASON });
      } else {
        expect(text, role).not.toContain(REASON);
      }
    }
  });

  it('an agenda not yet published: shown to the roles the table names; to everyone in the group once published', async () => {
    for (const [role, person] of byRole) {
      const titles = (await meetingAs(person)).agenda.map((item) => item.title);
      expect(titles, role).toEqual(seesPart(role, 'agenda.unpublished') ? [ITEM] : []);
    }
    await cast.owner.client.callOk('updateMeeting', { groupId, meetingId, agendaPublished: true });
    for (const [role, person] of byRole) {
      const titles = (await meetingAs(person)).agenda.map((item) => item.title);
      expect(titles, role).toEqual([ITEM]);
    }
  });
});
