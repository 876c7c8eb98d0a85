/**
 * One realistic installation, built through the API as its people would: an
 * administrator; a steering group with adopted Terms of Reference, a working
 * group, past, running and upcoming meetings with agendas and papers, notes in
 * each state with actions, proposals at each stage, a release to the public
 * page; and someone in every role, plus a stranger to the group.
 */
import type { Client, TestApp } from '../../test/harness.ts';
import { registerPerson, type Person } from '../../test/support/people.ts';
import { addMeeting, adoptTerms, mark, redraft } from '../../test/support/meetings.ts';
import { agreeAndRelease } from '../../test/support/releases.ts';
import { ok } from './browser.ts';

const DAY = 86_400_000;

export type Installation = {
  people: {
    admin: Person;
    chair: Person;
    member: Person;
    participant: Person;
    observer: Person;
    stranger: Person;
  };
  groupId: string;
  workingGroupId: string;
  meetings: { past: string; forComment: string; draft: string; running: string; upcoming: string };
  checkInCode: string;
  proposals: { consensus: string; vote: string };
  decisionId: string;
  invitationToken: string;
};

/** A whole PDF, small but well formed, as a paper. */
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function addPaper(chair: Client, groupId: string, meetingId: string, title: string) {
  await ok(
    chair.request(
      'POST',
      `/api/v1/groups/${groupId}/meetings/${meetingId}/papers?title=${encodeURIComponent(title)}&fileName=paper.pdf`,
      undefined,
      { raw: PDF, headers: { 'content-type': 'application/octet-stream' } },
    ),
    'paper',
  );
}

export async function seedInstallation(app: TestApp): Promise<Installation> {
  // The first account of an installation is its administrator.
  const admin = await registerPerson(app, 'Ada Administrator');
  const chair = await registerPerson(app, 'Alex Chair');
  const member = await registerPerson(app, 'Bea Member');
  const participant = await registerPerson(app, 'Eve Newcomer');
  const observer = await registerPerson(app, 'Olu Observer');
  const stranger = await registerPerson(app, 'Sid Stranger');
  const api = chair.client;

  const created = await ok(
    api.post('/api/v1/groups', {
      name: 'Carers’ short breaks group',
      purpose: 'Make short breaks for unpaid carers easier to find and to book.',
    }),
    'group',
  );
  const groupId = created.group.id as string;
  const base = `/api/v1/groups/${groupId}`;
  await adoptTerms(api, groupId, () => {}, {
    inScope: [
      { key: 'respite_at_home', title: 'Respite at home', description: 'Short breaks at home.' },
      { key: 'transport', title: 'Transport', description: 'Getting to a short break.' },
    ],
  });
  const working = await ok(
    api.post('/api/v1/groups', {
      name: 'Transport working group',
      purpose: 'Community transport to short breaks.',
      parentId: groupId,
    }),
    'working group',
  );
  const invitation = await ok(api.post(`${base}/invitations`, {}), 'invitation');
  for (const person of [member, participant, observer]) {
    await ok(person.client.post('/api/v1/join', { token: invitation.token }), 'join');
  }
  await ok(api.put(`${base}/people/${observer.id}/role`, { role: 'observer' }), 'observer');

  const meeting = async (title: string, startsAt: number, item: string) => {
    const id = await addMeeting(api, groupId, new Date(startsAt), 60, {
      title,
      place: 'The Carers’ Centre, 1 High Street',
    });
    await ok(
      api.post(`${base}/meetings/${id}/agenda`, {
        title: item,
        purpose: 'To agree the next steps.',
        remitKey: 'respite_at_home',
      }),
      'agenda',
    );
    return id;
  };
  const past = await meeting('Spring meeting', Date.now() - 21 * DAY, 'Weekend respite plan');
  const forComment = await meeting('Summer meeting', Date.now() - 14 * DAY, 'Progress report');
  const draft = await meeting('Autumn meeting', Date.now() - 7 * DAY, 'Booking by phone');
  for (const id of [past, forComment, draft]) {
    for (const person of [chair, member])
      await mark(api, groupId, id, person.id, 'present_in_person');
  }
  await mark(api, groupId, draft, participant.id, 'present_in_person');
  await addPaper(api, groupId, past, 'Weekend respite costings');
  const running = await meeting('Winter meeting', Date.now() - 5 * 60_000, 'Transport survey');
  const upcoming = await meeting('New year meeting', Date.now() + 10 * DAY, 'Plans for the year');
  await addPaper(api, groupId, upcoming, 'Draft plan for the year');
  const { code: checkInCode } = await ok(
    api.get(`${base}/meetings/${running}/check-in-link`),
    'check-in link',
  );
  await ok(
    member.client.post(`${base}/meetings/${running}/check-in`, {
      code: checkInCode,
      mode: 'in_person',
    }),
    'check in',
  );

  // Notes: approved (spring), out for comment (summer), a draft (autumn).
  const notes = (id: string) => `${base}/meetings/${id}/notes`;
  const write = (id: string, summary: string) =>
    ok(api.put(notes(id), { content: { summary, items: [] } }), 'notes');
  await write(past, 'The group agreed the weekend respite plan.');
  await ok(api.post(`${notes(past)}/circulate`), 'circulate');
  await ok(api.post(`${notes(past)}/approve`, { meetingId: forComment }), 'approve');
  await write(forComment, 'The group heard how the plan is going.');
  await ok(api.post(`${notes(forComment)}/circulate`), 'circulate');
  await ok(
    member.client.post(`${notes(forComment)}/comments`, {
      body: 'The date of the review is missing.',
    }),
    'comment',
  );
  await write(draft, 'The group looked at booking short breaks by phone.');
  await ok(
    api.post(`${base}/actions`, {
      title: 'Send the costings to the group',
      ownerId: member.id,
      dueOn: new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10),
      meetingId: past,
    }),
    'action',
  );

  // Proposals: one decided (releasing the approved notes), one in a consensus check, one at a vote.
  const { decisionId } = await agreeAndRelease(api, groupId, { itemType: 'notes', itemId: past });
  const proposals = `${base}/proposals`;
  const propose = async (title: string) => {
    const made = await ok(
      api.post(proposals, {
        title,
        text: 'We try it for three months and then look again.',
        remitKey: 'respite_at_home',
        closesAt: new Date(Date.now() + 7 * DAY).toISOString(),
      }),
      'proposal',
    );
    await ok(api.post(`${proposals}/${made.id}/consensus`), 'consensus');
    return made.id as string;
  };
  const consensus = await propose('Book short breaks by phone');
  await ok(
    member.client.post(`${proposals}/${consensus}/consensus/answers`, { answer: 'agree' }),
    'answer',
  );
  const vote = await propose('Weekend meetings twice a year');
  await ok(
    member.client.post(`${proposals}/${vote}/consensus/answers`, {
      answer: 'block',
      reason: 'Weekends are when carers get their only break.',
    }),
    'block',
  );
  await ok(api.post(`${proposals}/${vote}/vote`, {}), 'vote');

  await ok(
    member.client.post(`${base}/learning`, {
      whatHappened: 'The lift at the venue was out of order and nobody was told beforehand.',
      whatWeLearned: 'Check the venue’s access the day before.',
      whatWeWillChange: 'A volunteer rings the venue the day before each meeting.',
      tags: ['access'],
    }),
    'learning',
  );
  await ok(
    participant.client.post(`${base}/suggestions`, { text: 'Papers in large print, please.' }),
    'suggestion',
  );
  // A review has started: the chair's draft of the next version.
  await redraft(api, groupId);

  return {
    people: { admin, chair, member, participant, observer, stranger },
    groupId,
    workingGroupId: working.group.id as string,
    meetings: { past, forComment, draft, running, upcoming },
    checkInCode,
    proposals: { consensus, vote },
    decisionId,
    invitationToken: invitation.token as string,
  };
}
