import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topUpSchedules } from '../../src/server/modules/meetings/scheduling.service.ts';
import { sendMeetingReminders } from '../../src/server/modules/meetings/reminders.service.ts';
import {
  createGroup,
  joinGroup,
  startTestApp,
  type CallInput,
  type CallReply,
  type Client,
  type TestApp,
} from '../harness.ts';
import { expectError, expectSuccess } from '../support/errors.ts';
import {
  addMeeting,
  adoptTerms,
  draftStartedOn,
  mark,
  redraft,
  type Mark,
} from '../support/meetings.ts';
import { registerPerson, rowCounts } from '../support/people.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** A meeting as the API answers it, and as its group's list shows it. */
type Meeting = CallReply<'getMeeting'>;
type Listed = CallReply<'listMeetings'>['meetings'][number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function groupWith(count: number, options: { terms?: boolean } = { terms: true }) {
  const chair = await registerPerson(t, 'Chair Person');
  const groupId = await createGroup(chair.client);
  const people = [];
  for (let i = 0; i < count; i++) {
    const p = await registerPerson(t, `Person ${String.fromCharCode(65 + i)}`);
    await joinGroup(chair.client, p.client, groupId);
    people.push(p);
  }
  if (options.terms) await adoptTerms(chair.client, groupId);
  return { chair, groupId, people };
}

const meetingsOf = async (
  client: Client,
  groupId: string,
  when: CallInput<'listMeetings'>['when'] = 'upcoming',
) => (await client.callOk('listMeetings', { groupId, when })).meetings;

describe('the schedule', () => {
  it('a chair schedules the next 12 months from the monthly cadence, at 18:00 London time, and scheduling again adds nothing', async () => {
    const { chair, groupId, people } = await groupWith(1);
    const first = await chair.client.call('scheduleMeetings', { groupId });
    expect(first.status, first.text).toBe(200);
    expect(expectSuccess(first, 200).created).toBeGreaterThanOrEqual(12);
    expect(expectSuccess(first, 200).created).toBeLessThanOrEqual(13);
    for (const m of expectSuccess(first, 200).meetings) {
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        weekday: 'long',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(m.startsAt));
      expect(local).toBe('Tuesday 18:00');
      expect(new Date(m.startsAt).getUTCDate()).toBeGreaterThanOrEqual(8);
      expect(new Date(m.startsAt).getUTCDate()).toBeLessThanOrEqual(14);
    }
    const again = await chair.client.call('scheduleMeetings', { groupId });
    expect(expectSuccess(again, 200)).toMatchObject({ created: 0, removed: 0, cancelled: 0 });
    expect(expectSuccess(again, 200).kept).toBe(expectSuccess(first, 200).created);
    // A participant sees the schedule but cannot run it.
    expect((await meetingsOf(people[0]!.client, groupId)).length).toBe(
      expectSuccess(first, 200).created,
    );
    expectError(await people[0]!.client.call('scheduleMeetings', { groupId }), {
      status: 403,
      code: 'forbidden',
    });
  });

  it('as the months pass the schedule is kept a year ahead without a chair asking again', async () => {
    const { chair, groupId } = await groupWith(0);
    const one = await chair.client.callOk('scheduleMeetings', { groupId, months: 1 });
    expect(one.created).toBeLessThanOrEqual(2);
    await topUpSchedules(t.app.deps);
    const all = await meetingsOf(chair.client, groupId);
    expect(all.length).toBeGreaterThanOrEqual(12);
    const last = Date.parse(all[all.length - 1]!.startsAt);
    expect(last).toBeGreaterThan(Date.now() + 330 * DAY);
    expect(await topUpSchedules(t.app.deps)).toBe(0);
  });

  it('a group without Terms of Reference is told the cadence comes from them', async () => {
    const { chair, groupId } = await groupWith(0, { terms: false });
    const answer = await chair.client.call('scheduleMeetings', { groupId });
    expectError(answer, { status: 422, code: 'validation_failed', field: 'cadence' });
  });

  it('when adopted Terms of Reference change the cadence, the schedule follows and moved and cancelled meetings stay as they were', async () => {
    const { chair, groupId } = await groupWith(0);
    await chair.client.call('scheduleMeetings', { groupId });
    const [first, second, third] = (await meetingsOf(chair.client, groupId)) as [
      Listed,
      Listed,
      Listed,
    ];
    const movedTo = new Date(new Date(first.startsAt).getTime() + DAY);
    const moved = await chair.client.call('updateMeeting', {
      groupId,
      meetingId: first.id,
      startsAt: movedTo.toISOString(),
      reason: 'The room is booked',
    });
    expect(moved.status, moved.text).toBe(200);
    expect(expectSuccess(moved, 200)).toMatchObject({
      moved: true,
      movedReason: 'The room is booked',
    });
    const cancelled = await chair.client.call('cancelMeeting', {
      groupId,
      meetingId: second.id,
      reason: 'Bank holiday week',
    });
    expect(expectSuccess(cancelled, 200)).toMatchObject({
      status: 'cancelled',
      cancelledReason: 'Bank holiday week',
    });
    await chair.client.call('addAgendaItem', {
      groupId,
      meetingId: third.id,
      title: 'Repairs backlog',
      purpose: 'To agree what to ask for',
      remitKey: 'housing',
    });

    // Now the group meets on the 3rd Thursday.
    await redraft(chair.client, groupId);
    await adoptTerms(chair.client, groupId, (doc) => {
      expect(doc.cadence.unit).toBe('month');
      if (doc.cadence.unit === 'month')
        doc.cadence.on = { kind: 'nth_weekday', nth: 3, weekday: 'thursday' };
    });
    const all = await meetingsOf(chair.client, groupId, 'all');
    const byId = new Map(all.map((m) => [m.id, m]));
    expect(byId.get(first.id)).toMatchObject({ status: 'scheduled', moved: true });
    expect(new Date(byId.get(first.id)!.startsAt).getTime()).toBe(movedTo.getTime());
    expect(byId.get(second.id)).toMatchObject({
      status: 'cancelled',
      cancelledReason: 'Bank holiday week',
    });
    // The untouched meeting with an agenda is cancelled, not deleted, with the reason.
    expect(byId.get(third.id)).toMatchObject({ status: 'cancelled' });
    expect(byId.get(third.id)?.cancelledReason).toMatch(/meeting pattern/);
    const thursdays = all.filter(
      (m) =>
        m.status === 'scheduled' &&
        !m.moved &&
        new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long' }).format(
          new Date(m.startsAt),
        ) === 'Thursday',
    );
    expect(thursdays.length).toBeGreaterThanOrEqual(11);
    expect(
      all.filter((m) => m.status === 'scheduled' && !m.moved && m.source === 'cadence').length,
    ).toBe(thursdays.length);
  });

  it('a meeting that ends before it starts is refused, naming the end, and nothing is saved', async () => {
    const { chair, groupId } = await groupWith(0);
    const before = await rowCounts(t, ['meetings']);
    const answer = await chair.client.call('createMeeting', {
      groupId,
      startsAt: '2027-01-12T18:00:00Z',
      endsAt: '2027-01-12T17:00:00Z',
    });
    expectError(answer, { status: 422, code: 'validation_failed', field: 'endsAt' });
    expect(await rowCounts(t, ['meetings'])).toEqual(before);
    const noReason = await chair.client.call('updateMeeting', {
      groupId,
      meetingId: await addMeeting(chair.client, groupId, new Date(Date.now() + 10 * DAY)),
      startsAt: new Date(Date.now() + 11 * DAY).toISOString(),
    });
    expectError(noReason, { status: 422, code: 'validation_failed', field: 'reason' });
  });
});

describe('agenda and remit', () => {
  it('an item under an out-of-scope area goes to "outside this meeting" with the ToR’s note, and a chair can move it back with a reason', async () => {
    const { chair, groupId, people } = await groupWith(1);
    const meetingId = await addMeeting(chair.client, groupId, new Date(Date.now() + 20 * DAY));
    const meeting = { groupId, meetingId };
    const inScope = await people[0]!.client.call('addAgendaItem', {
      ...meeting,
      title: 'Bus routes',
      purpose: 'To hear the plan',
      remitKey: 'transport',
    });
    expect(inScope.status, inScope.text).toBe(201);
    const inScopeItem = expectSuccess(inScope, 201);
    expect(inScopeItem).toMatchObject({ placement: 'agenda', remitTitle: 'Transport' });
    const outside = await people[0]!.client.call('addAgendaItem', {
      ...meeting,
      title: 'My neighbour’s complaint',
      purpose: 'To get it sorted',
      remitKey: 'complaints',
    });
    const outsideItem = expectSuccess(outside, 201);
    expect(outsideItem).toMatchObject({
      placement: 'outside',
      takeInstead: 'the council’s complaints team, on 0300 000 0000',
    });
    const unknown = await people[0]!.client.call('addAgendaItem', {
      ...meeting,
      title: 'Something',
      purpose: 'Else',
      remitKey: 'weather',
    });
    expectError(unknown, { status: 422, code: 'validation_failed', field: 'remitKey' });

    let page = await chair.client.callOk('getMeeting', meeting);
    expect(page.agenda.map((i) => i.title)).toEqual(['Bus routes']);
    expect(page.outside.map((i) => i.title)).toEqual(['My neighbour’s complaint']);

    // A chair judges the in-scope item out of remit after all, then moves the other back.
    const judged = await chair.client.call('moveAgendaItemOutsideMeeting', {
      ...meeting,
      itemId: inScopeItem.id,
      reason: 'This is for the transport board',
      takeInstead: 'the transport board',
    });
    expect(expectSuccess(judged, 200)).toMatchObject({
      placement: 'outside',
      takeInstead: 'the transport board',
    });
    const noReason = await chair.client.call('updateAgendaItem', {
      ...meeting,
      itemId: outsideItem.id,
      placement: 'agenda',
    });
    expectError(noReason, { status: 422, code: 'validation_failed', field: 'reason' });
    const back = await chair.client.call('updateAgendaItem', {
      ...meeting,
      itemId: outsideItem.id,
      placement: 'agenda',
      reason: 'It shows a pattern across the estate',
    });
    const backItem = expectSuccess(back, 200);
    expect(backItem).toMatchObject({
      placement: 'agenda',
      placementReason: 'It shows a pattern across the estate',
    });
    page = await chair.client.callOk('getMeeting', meeting);
    expect(page.agenda.map((i) => i.title)).toEqual(['My neighbour’s complaint']);
    const [audit] = await t.database.query<{ n: number | string }>(
      `select count(*) as n from audit_log where action = 'agenda.item_moved_back' and subject_id = $1`,
      [outsideItem.id],
    );
    expect(Number(audit?.n)).toBe(1);
    // A participant cannot move items.
    expectError(
      await people[0]!.client.call('moveAgendaItemOutsideMeeting', {
        ...meeting,
        itemId: backItem.id,
        reason: 'No',
      }),
      { status: 403, code: 'forbidden' },
    );
  });

  it('papers are typed by their content, at most 20 MB, and marked late after the ToR’s due date', async () => {
    const { chair, groupId } = await groupWith(0);
    const soon = await addMeeting(chair.client, groupId, new Date(Date.now() + 2 * DAY));
    const later = await addMeeting(chair.client, groupId, new Date(Date.now() + 30 * DAY));
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const upload = (meetingId: string, bytes: Buffer, fileName: string) =>
      chair.client.call('uploadPaper', {
        groupId,
        meetingId,
        title: 'Budget',
        fileName,
        body: bytes,
      });
    const onTime = await upload(later, pdf, 'budget.pdf');
    expect(onTime.status, onTime.text).toBe(201);
    expect(expectSuccess(onTime, 201)).toMatchObject({ mediaType: 'application/pdf', late: false });
    // Papers are due 7 days before (the template's default): 2 days before is late.
    const late = await upload(soon, pdf, 'budget.pdf');
    expect(expectSuccess(late, 201).late).toBe(true);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    expectError(await upload(later, html, 'looks-like.pdf'), {
      status: 415,
      code: 'unsupported_media_type',
      field: 'file',
    });
    const tooBig = Buffer.alloc(20 * 1024 * 1024 + 10);
    tooBig.set(pdf);
    const big = await upload(later, tooBig, 'big.pdf');
    expect(big.status).toBe(413);
    const download = await chair.client.call('downloadPaper', {
      groupId,
      meetingId: later,
      paperId: expectSuccess(onTime, 201).id,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.text).toContain('%PDF-1.4');
  });
});

describe('attendance', () => {
  it('apologies with a reason are seen by chairs only', async () => {
    const { chair, groupId, people } = await groupWith(2);
    const meetingId = await addMeeting(chair.client, groupId, new Date(Date.now() + 5 * DAY));
    const meeting = { groupId, meetingId };
    const sent = await people[0]!.client.call('rsvp', {
      ...meeting,
      response: 'apologies',
      reason: 'Hospital appointment',
    });
    expect(sent.status, sent.text).toBe(200);
    await people[1]!.client.call('rsvp', { ...meeting, response: 'attending' });
    const asChair = await chair.client.callOk('getMeeting', meeting);
    const asPeer = await people[1]!.client.callOk('getMeeting', meeting);
    const find = (page: Meeting) => page.attendees.find((a) => a.userId === people[0]!.id);
    expect(find(asChair)).toMatchObject({
      intent: 'apologies',
      apologyReason: 'Hospital appointment',
    });
    expect(find(asPeer)).toMatchObject({ intent: 'apologies', apologyReason: null });
    expect(asPeer.counts).toMatchObject({ attending: 1, apologies: 1 });
    expect(JSON.stringify(asPeer)).not.toContain('Hospital');
    // An observer sees the counts but not who is coming.
    await chair.client.call('setGroupRole', { groupId, userId: people[1]!.id, role: 'observer' });
    const asObserver = await people[1]!.client.callOk('getMeeting', meeting);
    expect(asObserver.attendees).toEqual([]);
    expect(asObserver.counts).toMatchObject({ attending: 1, apologies: 1 });
  });

  it('self check-in works only in the meeting window, and checking in twice is harmless', async () => {
    const { chair, groupId, people } = await groupWith(1);
    const now = await addMeeting(chair.client, groupId, new Date(Date.now() - 10 * 60_000));
    const future = await addMeeting(chair.client, groupId, new Date(Date.now() + 3 * DAY));
    const linked = await chair.client.call('getCheckInLink', { groupId, meetingId: now });
    expect(linked.status, linked.text).toBe(200);
    const link = expectSuccess(linked, 200);
    expect(link.link).toContain(`/meetings/${now}/check-in?code=${link.code}`);
    expect(link.qr.length).toBeGreaterThan(20);
    expectError(await people[0]!.client.call('getCheckInLink', { groupId, meetingId: now }), {
      status: 403,
      code: 'forbidden',
    });
    const meeting = { groupId, meetingId: now };
    const first = await people[0]!.client.call('checkIn', {
      ...meeting,
      code: link.code,
      mode: 'online',
    });
    expect(first.status, first.text).toBe(200);
    expect(expectSuccess(first, 200).mark).toBe('present_online');
    const before = await rowCounts(t, ['attendance', 'audit_log']);
    const second = await people[0]!.client.call('checkIn', {
      ...meeting,
      code: link.code,
      mode: 'in_person',
    });
    expect(expectSuccess(second, 200)).toEqual(expectSuccess(first, 200));
    expect(await rowCounts(t, ['attendance', 'audit_log'])).toEqual(before);

    const futureLink = await chair.client.callOk('getCheckInLink', { groupId, meetingId: future });
    const early = await people[0]!.client.call('checkIn', {
      groupId,
      meetingId: future,
      code: futureLink.code,
    });
    const refusal = expectError(early, { status: 409, code: 'conflict' });
    expect(refusal.message).toMatch(/Check-in opens at/);
    const wrongCode = await people[0]!.client.call('checkIn', {
      groupId,
      meetingId: future,
      code: link.code,
    });
    expectError(wrongCode, { status: 403, code: 'forbidden' });

    const live = await chair.client.callOk('getMeeting', meeting);
    expect(live.meeting.phase).toBe('live');
    expect(live.counts.present).toBe(1);
    expect(live.quorum).not.toBeNull();
  });

  it('chairs and note-takers correct the register, every change audited; someone outside the group is refused', async () => {
    const { chair, groupId, people } = await groupWith(1);
    const stranger = await registerPerson(t, 'Stranger');
    const past = await addMeeting(chair.client, groupId, new Date(Date.now() - 3 * DAY));
    const attendanceOf = (userId: string) => ({ groupId, meetingId: past, userId });
    await mark(chair.client, groupId, past, people[0]!.id, 'absent');
    await mark(chair.client, groupId, past, people[0]!.id, 'present_in_person');
    const audit = await t.database.query<{ detail: any }>(
      `select detail from audit_log where action = 'attendance.corrected' and subject_id = $1 order by at`,
      [past],
    );
    const reason = 'The register was kept on paper at the meeting';
    expect(
      audit.map((a) => (typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail)),
    ).toEqual([
      { userId: people[0]!.id, from: null, to: 'absent', reason },
      { userId: people[0]!.id, from: 'absent', to: 'present_in_person', reason },
    ]);
    const before = await rowCounts(t, ['attendance']);
    const outsider = await chair.client.call('recordAttendance', {
      ...attendanceOf(stranger.id),
      mark: 'present_in_person',
      reason,
    });
    expectError(outsider, { status: 422, code: 'validation_failed', field: 'userId' });
    expect(await rowCounts(t, ['attendance'])).toEqual(before);
    expectError(
      await people[0]!.client.call('recordAttendance', {
        ...attendanceOf(people[0]!.id),
        mark: 'present_in_person',
      }),
      { status: 403, code: 'forbidden' },
    );
  });

  it('a CSV import with bad rows lists every one with its line and saves nothing; a good one saves all', async () => {
    const { chair, groupId, people } = await groupWith(2);
    await addMeeting(chair.client, groupId, new Date('2026-09-08T17:00:00Z'));
    await addMeeting(chair.client, groupId, new Date('2026-10-13T17:00:00Z'));
    const [a, b] = people;
    const bad = [
      'date,email,attendance',
      `2026-09-08,${a!.email},present`,
      `2026-09-09,${a!.email},present`,
      `2026-10-13,nobody@example.org,online`,
      `2026-10-13,${b!.email},maybe`,
    ].join('\n');
    const before = await rowCounts(t, ['attendance']);
    const reason = 'The paper registers of the autumn meetings';
    const refused = await chair.client.call('importAttendance', {
      groupId,
      csv: bad,
      reason,
    });
    const refusal = expectError(refused, { status: 422, code: 'validation_failed' });
    expect(Object.keys(refusal.fields ?? {})).toEqual(['line 3', 'line 4', 'line 5']);
    expect(refusal.fields?.['line 3']).toMatch(/no meeting on 2026-09-09/);
    expect(refusal.fields?.['line 4']).toMatch(/not in this group/);
    expect(refusal.fields?.['line 5']).toMatch(/"maybe"/);
    expect(await rowCounts(t, ['attendance'])).toEqual(before);

    const good = [
      'email,date,attendance',
      `${a!.email},2026-09-08,present`,
      `${a!.email},2026-10-13,online`,
      `${b!.email},2026-10-13,apologies`,
    ].join('\r\n');
    const imported = await chair.client.call('importAttendance', {
      groupId,
      csv: good,
      reason,
    });
    expect(imported.status, imported.text).toBe(200);
    expect(expectSuccess(imported, 200)).toEqual({
      imported: 3,
      meetings: 2,
      membershipChanged: 1,
    });
    const list = await chair.client.callOk('listMembershipStatuses', { groupId });
    expect(list.people.find((p) => p.userId === a!.id)).toMatchObject({
      status: 'member',
      meetingsCounted: 2,
    });
  });
  it('a mark imported over someone’s answer keeps the answer and its reason', async () => {
    const { chair, groupId, people } = await groupWith(2);
    const meetingId = await addMeeting(chair.client, groupId, new Date('2026-09-08T17:00:00Z'));
    const [a, b] = people;
    await t.database.query(
      `insert into attendance (meeting_id, user_id, intent, apology_reason) values ($1, $2, 'apologies', 'Away that week')`,
      [meetingId, b!.id],
    );
    const csv = [
      'date,email,attendance',
      `2026-09-08,${a!.email},online`,
      `2026-09-08,${b!.email},absent`,
    ].join('\n');
    expectSuccess(
      await chair.client.call('importAttendance', { groupId, csv, reason: 'The paper register' }),
      200,
    );
    const rows = await t.database.query<{
      user_id: string;
      mark: string;
      intent: string | null;
      apology_reason: string | null;
    }>(
      `select user_id, mark, intent, apology_reason from attendance where meeting_id = $1 order by mark`,
      [meetingId],
    );
    expect(rows).toEqual([
      { user_id: b!.id, mark: 'absent', intent: 'apologies', apology_reason: 'Away that week' },
      { user_id: a!.id, mark: 'present_online', intent: null, apology_reason: null },
    ]);
  });
});

describe('membership derived from attendance', () => {
  it('with the seed rule, five people and three meetings: each person’s status at each date is what the rule says', async () => {
    const { chair, groupId, people } = await groupWith(4);
    const [b, c, d, e] = people;
    const meetings = [
      await addMeeting(chair.client, groupId, new Date('2026-09-08T17:00:00Z')),
      await addMeeting(chair.client, groupId, new Date('2026-10-13T17:00:00Z')),
      await addMeeting(chair.client, groupId, new Date('2026-11-10T18:00:00Z')),
    ];
    const me = await chair.client.callOk('getMe');
    const register: Record<string, Mark[]> = {
      [me.id]: ['present_in_person', 'present_in_person', 'present_in_person'],
      [b!.id]: ['present_in_person', 'apologies', 'present_online'],
      [c!.id]: ['absent', 'present_online', 'absent'],
      [d!.id]: ['absent', 'absent', 'present_in_person'],
      [e!.id]: ['present_online', 'present_in_person', 'absent'],
    };
    for (const [userId, marks] of Object.entries(register)) {
      for (const [i, value] of marks.entries())
        await mark(chair.client, groupId, meetings[i]!, userId, value);
    }
    const expected: Record<string, Record<string, string>> = {
      '2026-09-01': {
        [me.id]: 'participant',
        [b!.id]: 'participant',
        [c!.id]: 'participant',
        [d!.id]: 'participant',
        [e!.id]: 'participant',
      },
      '2026-09-08': {
        [me.id]: 'participant',
        [b!.id]: 'participant',
        [c!.id]: 'participant',
        [d!.id]: 'participant',
        [e!.id]: 'participant',
      },
      '2026-10-13': {
        [me.id]: 'member',
        [b!.id]: 'participant',
        [c!.id]: 'participant',
        [d!.id]: 'participant',
        [e!.id]: 'member',
      },
      '2026-11-10': {
        [me.id]: 'member',
        [b!.id]: 'member',
        [c!.id]: 'participant',
        [d!.id]: 'participant',
        [e!.id]: 'member',
      },
    };
    for (const [asOf, statuses] of Object.entries(expected)) {
      const list = await b!.client.call('listMembershipStatuses', { groupId, asOf });
      expect(list.status, list.text).toBe(200);
      const got = Object.fromEntries(
        expectSuccess(list, 200).people.map((p) => [p.userId, p.status]),
      );
      expect(got, `as of ${asOf}`).toEqual(statuses);
    }
    const person = await chair.client.call('getPersonMembership', { groupId, userId: b!.id });
    expect(person.status, person.text).toBe(200);
    const membership = expectSuccess(person, 200);
    expect(membership.person).toMatchObject({ status: 'member', meetingsCounted: 2 });
    expect(membership.timeline.map((e) => e.text)).toContain(
      'Became a member on 10 November 2026 after their 2nd meeting.',
    );
    expect(membership.rule.summary).toMatch(/more than one meeting/);
  });

  it('a lapse rule (3 absences in a row) lapses a member, and apologies break the run when the ToR says they do not count', async () => {
    const { chair, groupId, people } = await groupWith(2);
    await redraft(chair.client, groupId);
    await adoptTerms(chair.client, groupId, (doc) => {
      doc.membership.lapse = { afterConsecutiveAbsences: 3, apologiesCountAsAbsence: false };
    });
    const [lapser, excused] = people;
    const start = Date.parse('2026-05-12T17:00:00Z');
    const ids = [];
    for (let i = 0; i < 6; i++)
      ids.push(await addMeeting(chair.client, groupId, new Date(start + i * 28 * DAY)));
    const plan: [string, Mark[]][] = [
      [
        lapser!.id,
        ['present_in_person', 'present_in_person', 'absent', 'absent', 'absent', 'absent'],
      ],
      [
        excused!.id,
        ['present_in_person', 'present_in_person', 'absent', 'apologies', 'absent', 'absent'],
      ],
    ];
    for (const [userId, marks] of plan)
      for (const [i, value] of marks.entries())
        await mark(chair.client, groupId, ids[i]!, userId, value);
    const list = await chair.client.callOk('listMembershipStatuses', { groupId });
    const status = (id: string) => list.people.find((p) => p.userId === id);
    expect(status(lapser!.id)).toMatchObject({ status: 'lapsed' });
    expect(status(excused!.id)).toMatchObject({ status: 'member' });
    const { timeline } = await chair.client.callOk('getPersonMembership', {
      groupId,
      userId: lapser!.id,
    });
    expect(timeline.map((e) => e.kind)).toEqual(['became_member', 'lapsed', 'joined']);
    expect(timeline.find((e) => e.kind === 'lapsed')?.text).toMatch(
      /3 absences in a row|three absences in a row/,
    );
  });

  it('working-group meetings count towards membership only when the ToR says so', async () => {
    const { chair, groupId, people } = await groupWith(1);
    const [p] = people;
    await redraft(chair.client, groupId);
    await adoptTerms(chair.client, groupId, (doc) => {
      doc.workingGroups = [
        {
          key: 'housing_wg',
          title: 'Housing working group',
          focus: 'Repairs',
          remitKeys: ['housing'],
          cadence: { ...doc.cadence },
        },
      ];
    });
    const wg = await chair.client.call('createGroup', {
      name: 'Housing working group',
      parentId: groupId,
      termsKey: 'housing_wg',
    });
    expect(wg.status, wg.text).toBe(201);
    const wgId = expectSuccess(wg, 201).group.id;
    const committed = await p!.client.call('joinWorkingGroup', { groupId: wgId, hoursPerMonth: 4 });
    expect(committed.status, committed.text).toBe(200);
    const own = await addMeeting(chair.client, groupId, new Date('2026-10-13T17:00:00Z'));
    const wgMeeting = await addMeeting(chair.client, wgId, new Date('2026-10-27T18:00:00Z'));
    await mark(chair.client, groupId, own, p!.id, 'present_in_person');
    await mark(chair.client, wgId, wgMeeting, p!.id, 'present_in_person');
    const statusOf = async () =>
      (await chair.client.callOk('listMembershipStatuses', { groupId })).people.find(
        (x) => x.userId === p!.id,
      );
    expect(await statusOf()).toMatchObject({ status: 'participant', meetingsCounted: 1 });
    await redraft(chair.client, groupId);
    await adoptTerms(chair.client, groupId, (doc) => {
      doc.membership.meetingsThatCount = 'own_and_working_groups';
    });
    expect(await statusOf()).toMatchObject({ status: 'member', meetingsCounted: 2 });

    const list = await p!.client.callOk('listWorkingGroupCommitments', { groupId: wgId });
    expect(list.commitments).toEqual([
      expect.objectContaining({ userId: p!.id, hoursPerMonth: 4 }),
    ]);
    expect(list.workingGroup.remit).toEqual([{ key: 'housing', title: 'Housing' }]);
    const left = await p!.client.call('leaveWorkingGroup', { groupId: wgId });
    expect(left.status, left.text).toBe(200);
    expect(
      (await chair.client.callOk('listWorkingGroupCommitments', { groupId: wgId })).commitments,
    ).toEqual([]);
  });
  it('as of a past date, status follows the Terms of Reference in force that day, and the seed rule before the first', async () => {
    const { chair, groupId, people } = await groupWith(1, { terms: false });
    const [p] = people;
    const ids = [
      await addMeeting(chair.client, groupId, new Date('2026-06-09T17:00:00Z')),
      await addMeeting(chair.client, groupId, new Date('2026-07-14T17:00:00Z')),
      await addMeeting(chair.client, groupId, new Date('2026-08-11T17:00:00Z')),
    ];
    for (const id of ids) await mark(chair.client, groupId, id, p!.id, 'present_in_person');
    // Version 1 (1 August): more than two meetings. Version 2 (1 September): more than three.
    await adoptTerms(
      chair.client,
      groupId,
      (doc) => {
        doc.membership.memberAfterMoreThan = 2;
      },
      {},
      '2026-08-01',
      t.database,
    );
    await redraft(chair.client, groupId);
    await adoptTerms(
      chair.client,
      groupId,
      (doc) => {
        doc.membership.memberAfterMoreThan = 3;
      },
      {},
      '2026-09-01',
      t.database,
    );
    const asOf = async (date: string) => {
      const list = await chair.client.call('listMembershipStatuses', { groupId, asOf: date });
      expect(list.status, list.text).toBe(200);
      const { people, rule } = expectSuccess(list, 200);
      const mine = people.find((x) => x.userId === p!.id);
      const { source, memberAfterMoreThan } = rule;
      return { status: mine?.status, source, memberAfterMoreThan };
    };
    // Before any version, the seed's rule: two meetings make a member.
    expect(await asOf('2026-07-31')).toEqual({
      status: 'member',
      source: 'seed',
      memberAfterMoreThan: 1,
    });
    // Under version 1, two meetings are not enough, and three are.
    expect(await asOf('2026-08-05')).toEqual({
      status: 'participant',
      source: 'terms',
      memberAfterMoreThan: 2,
    });
    expect(await asOf('2026-08-31')).toEqual({
      status: 'member',
      source: 'terms',
      memberAfterMoreThan: 2,
    });
    // Under version 2, three meetings are not more than three.
    expect(await asOf('2026-09-30')).toEqual({
      status: 'participant',
      source: 'terms',
      memberAfterMoreThan: 3,
    });
    const person = await chair.client.call('getPersonMembership', {
      groupId,
      userId: p!.id,
      asOf: '2026-08-31',
    });
    expect(person.status, person.text).toBe(200);
    expect(expectSuccess(person, 200).person.status).toBe('member');
    expect(expectSuccess(person, 200).rule.memberAfterMoreThan).toBe(2);

    // A version cannot be dated before the one it replaces, even from a draft started earlier.
    await redraft(chair.client, groupId);
    await draftStartedOn(t.database, groupId, '2026-08-10');
    const early = await chair.client.call('adoptTermsDraft', {
      groupId,
      adoptedOn: '2026-08-15',
    });
    const error = expectError(early, { status: 422, field: 'adoptedOn' });
    expect(error.fields?.adoptedOn).toMatch(/on or after 1 September 2026/);
  });
});

describe('behaviour reminders in a meeting', () => {
  it('a reminder of a clause can name the meeting it was raised in, and a meeting of another group is refused', async () => {
    const { chair, groupId, people } = await groupWith(1);
    const other = await groupWith(0);
    const here = await addMeeting(chair.client, groupId, new Date(Date.now() - 10 * 60_000));
    const there = await addMeeting(other.chair.client, other.groupId, new Date());
    const raised = await people[0]!.client.call('raiseBehaviourReminder', {
      groupId,
      clause: 2,
      meetingId: here,
    });
    expect(raised.status, raised.text).toBe(201);
    const [row] = await t.database.query<{ meeting_id: string }>(
      'select meeting_id from behaviour_reminders where group_id = $1',
      [groupId],
    );
    expect(row?.meeting_id).toBe(here);
    const wrong = await people[0]!.client.call('raiseBehaviourReminder', {
      groupId,
      clause: 2,
      meetingId: there,
    });
    expectError(wrong, { status: 422, code: 'validation_failed', field: 'meetingId' });
    // And a meeting of another group is not found through this one.
    expectError(await chair.client.call('getMeeting', { groupId, meetingId: there }), {
      status: 404,
      code: 'not_found',
    });
  });
});

describe('reminders', () => {
  it('a week and a day before, reminders go to people who have not sent apologies and want them, once', async () => {
    const { chair, groupId, people } = await groupWith(3);
    const [keen, sorry, quiet] = people;
    const meetingId = await addMeeting(chair.client, groupId, new Date(Date.now() + 3 * DAY), 120, {
      title: 'Reminder test meeting',
    });
    await sorry!.client.call('rsvp', {
      groupId,
      meetingId,
      response: 'apologies',
    });
    const settings = await quiet!.client.call('updateNotificationSettings', {
      weekBefore: false,
      dayBefore: true,
    });
    expect(settings.status, settings.text).toBe(200);
    await sendMeetingReminders(t.app.deps);
    await sendMeetingReminders(t.app.deps);
    const mails = await t.database.query<{ to_address: string; body_text: string }>(
      `select to_address, body_text from outbox where subject like 'Next week: Reminder test meeting%'`,
    );
    const me = await chair.client.callOk('getMe');
    expect(mails.map((m) => m.to_address).sort()).toEqual([me.email, keen!.email].sort());
    expect(mails[0]!.body_text).toContain(`/meetings/${meetingId}`);
  });
});
