import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, joinGroup, startTestApp, type TestApp } from '../harness.ts';
import { expectError, expectSuccess } from '../support/errors.ts';
import { adoptTerms } from '../support/meetings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** Parses a feed as a calendar client would; every time in it is UTC. */
function parse(feed: string) {
  const calendar = new ICAL.Component(ICAL.parse(feed));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents('vevent').map((v) => ({
    event: new ICAL.Event(v),
    status: v.getFirstPropertyValue('status'),
    sequence: Number(v.getFirstPropertyValue('sequence')),
    tzid: v.getFirstProperty('dtstart')?.getParameter('tzid'),
  }));
}

function londonWall(instant: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}

describe('calendar feeds', () => {
  it('a monthly 18:00 Europe/London meeting stays at 18:00 local across the March and October clock changes, and the feed parses in ical.js', async () => {
    const chair = t.client();
    await chair.register('Feed Chair');
    const participant = t.client();
    await participant.register('Feed Participant');
    const groupId = await createGroup(chair);
    await joinGroup(chair, participant, groupId);
    await adoptTerms(chair, groupId);
    await chair.callOk('scheduleMeetings', { groupId });
    const { meetings } = await chair.callOk('listMeetings', { groupId });

    // One moved, one cancelled.
    const [first, second] = meetings;
    if (!first || !second) throw new Error('the schedule made fewer than two meetings');
    const moved = await chair.call('updateMeeting', {
      groupId,
      meetingId: first.id,
      startsAt: new Date(Date.parse(first.startsAt) + 3_600_000).toISOString(),
      reason: 'Later start for the school run',
    });
    expect(moved.status, moved.text).toBe(200);
    await chair.callOk('cancelMeeting', { groupId, meetingId: second.id, reason: 'Room flooded' });

    const feed = expectSuccess(await participant.call('createCalendarFeed', { groupId }), 201);
    // The feed's own address, as a calendar application is given it (answered once, on creation).
    if (!feed.url) throw new Error(`a new feed answers its address: ${JSON.stringify(feed)}`);
    const url = new URL(feed.url);
    const anonymous = t.client();
    const answer = await anonymous.get<string>(url.pathname);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(answer.text).not.toContain('BEGIN:VTIMEZONE');
    expect(answer.text).toContain('METHOD:PUBLISH');

    const events = parse(answer.text);
    expect(events.length).toBe(meetings.length);
    const months = new Set<number>();
    for (const { event, status, sequence, tzid } of events) {
      const instant = event.startDate.toJSDate();
      const meeting = meetings.find((m) => event.uid.startsWith(m.id));
      if (!meeting) throw new Error(`no meeting for ${event.uid}`);
      expect(tzid).toBeUndefined();
      expect(event.startDate.zone.tzid).toBe('UTC');
      if (meeting.id === first.id) {
        expect(sequence).toBe(1);
        expect(londonWall(instant)).toBe('19:00');
        continue;
      }
      if (meeting.id === second.id) {
        expect(status).toBe('CANCELLED');
        expect(sequence).toBe(1);
      } else {
        expect(status).toBe('CONFIRMED');
        expect(sequence).toBe(0);
      }
      // The parsed instant is the meeting's instant, which a London phone shows as 18:00.
      expect(instant.getTime()).toBe(Date.parse(meeting.startsAt));
      expect(londonWall(instant)).toBe('18:00');
      months.add(instant.getUTCMonth());
      // GMT in winter, BST in summer: 18:00 or 17:00 UTC.
      expect([17, 18]).toContain(instant.getUTCHours());
    }
    // The year of meetings spans both clock changes.
    expect(months.has(2) && months.has(3) && months.has(9) && months.has(10)).toBe(true);
    const summer = events.find((e) => e.event.startDate.toJSDate().getUTCMonth() === 6)!;
    expect(summer.event.startDate.toJSDate().getUTCHours()).toBe(17);
    const winter = events.find((e) => e.event.startDate.toJSDate().getUTCMonth() === 0)!;
    expect(winter.event.startDate.toJSDate().getUTCHours()).toBe(18);
  });

  it('a person’s feed covers all their groups; a revoked feed, or a wrong token, is not found', async () => {
    const person = t.client();
    await person.register('Two Groups');
    const a = await createGroup(person, 'Group A');
    const b = await createGroup(person, 'Group B');
    await adoptTerms(person, a);
    await person.callOk('createMeeting', {
      groupId: a,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 90_000_000).toISOString(),
    });
    await person.callOk('createMeeting', {
      groupId: b,
      startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString(),
      title: 'Group B planning',
    });
    const feed = expectSuccess(await person.call('createCalendarFeed'), 201);
    if (!feed.url) throw new Error(`a new feed answers its address: ${JSON.stringify(feed)}`);
    const path = new URL(feed.url).pathname;
    const events = parse((await t.client().get<string>(path)).text);
    expect(events.map((e) => e.event.summary).sort()).toEqual([
      'Group A',
      'Group B planning (Group B)',
    ]);

    const listed = (await person.callOk('listCalendarFeeds')).feeds;
    expect(listed).toEqual([expect.objectContaining({ id: feed.id, group: null })]);
    expect(JSON.stringify(listed)).not.toContain(path.split('/')[4]);
    const someoneElse = t.client();
    await someoneElse.register('Someone Else');
    expectError(await someoneElse.call('revokeCalendarFeed', { feedId: feed.id }), {
      status: 404,
      code: 'not_found',
    });
    expect((await person.call('revokeCalendarFeed', { feedId: feed.id })).status).toBe(200);
    expectError(await t.client().get(path), { status: 404, code: 'not_found' });
    expectError(await t.client().call('getCalendarFeed', { token: 'x'.repeat(43) }), {
      status: 404,
      code: 'not_found',
    });
  });
});
