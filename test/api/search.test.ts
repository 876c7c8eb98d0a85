/**
 * Search over a group's records: ranked by how well each matches, the matched
 * words (and their other forms) pointed at in each snippet, stored vectors
 * kept current on every write, and only what the searcher may read.
 */
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitHeadline } from '../../src/server/modules/search/highlights.ts';
import { HIT_END, HIT_START } from '../../src/server/modules/search/search.repository.ts';
import { Snippet } from '../../src/web/features/notes/SearchPage.tsx';
import { createGroup, joinGroup, startTestApp, type CallReply, type TestApp } from '../harness.ts';
import { addMeeting, adoptTerms } from '../support/meetings.ts';
import { registerPerson, type Person } from '../support/people.ts';
import { expectSuccess } from '../support/errors.ts';

let t: TestApp;
let chair: Person;
let noteTaker: Person;
let member: Person;
let groupId: string;
let meetings: string[];

beforeAll(async () => {
  t = await startTestApp();
  chair = await registerPerson(t, 'Chair Person');
  groupId = await createGroup(chair.client);
  noteTaker = await registerPerson(t, 'Nina Notes');
  member = await registerPerson(t, 'Samantha Okafor');
  for (const p of [noteTaker, member]) await joinGroup(chair.client, p.client, groupId);
  await chair.client.callOk('setGroupRole', { groupId, userId: noteTaker.id, role: 'note_taker' });
  await adoptTerms(chair.client, groupId);
  meetings = [];
  for (const daysAgo of [60, 40, 20, 10])
    meetings.push(
      await addMeeting(chair.client, groupId, new Date(Date.now() - daysAgo * 86_400_000)),
    );
});
afterAll(async () => t.close());

type Result = CallReply<'search'>['results'][number];

async function search(who: Person, q: string): Promise<Result[]> {
  return expectSuccess(await who.client.call('search', { groupId, q }), 200).results;
}

async function writeNotes(meetingId: string, summary: string, items: string[] = []) {
  const agenda = items.length
    ? await Promise.all(
        items.map(async (_, i) =>
          expectSuccess(
            await chair.client.call('addAgendaItem', {
              groupId,
              meetingId,
              title: `Item ${i + 1}`,
              purpose: 'To discuss',
              remitKey: 'housing',
            }),
            201,
          ),
        ),
      )
    : [];
  await noteTaker.client.callOk('updateMeetingNotes', {
    groupId,
    meetingId,
    content: {
      summary,
      items: items.map((discussion, i) => ({ itemId: agenda[i]!.id, discussion })),
    },
  });
}

const marked = (r: Result) => r.highlights.map((h) => r.snippet.slice(h.start, h.start + h.length));
const notesOf = (results: Result[], meetingId: string) =>
  results.find((r) => r.kind === 'notes' && r.id === meetingId);

describe('search', () => {
  it('puts the better match first: the notes that say it more often', async () => {
    await writeNotes(
      meetings[0]!,
      'Quinceberry prices: the quinceberry order, quinceberry storage and who pays for quinceberry.',
    );
    await writeNotes(meetings[1]!, 'Travel, lunch, and one mention of quinceberry at the end.');
    const results = await search(noteTaker, 'quinceberry');
    expect(results.map((r) => r.id)).toEqual([meetings[0], meetings[1]]);
    expect(results[0]!.path).toBe(`/groups/${groupId}/meetings/${meetings[0]}/notes`);
  });

  it('points at the matched words in the snippet, other forms of them included, in the notes’ items too', async () => {
    await writeNotes(meetings[2]!, 'A short summary about the venue.', [
      'We discussed how the tangerine meetings ran, and whether one meeting a month is enough.',
    ]);
    const [hit] = (await search(noteTaker, 'tangerine meetings')).filter((r) => r.kind === 'notes');
    expect(hit).toBeDefined();
    expect(hit!.id).toBe(meetings[2]);
    expect(marked(hit!)).toEqual(['tangerine', 'meetings', 'meeting']);
    // The snippet is plain text: the markers never reach the reader.
    expect(hit!.snippet).not.toContain(HIT_START);
    expect(hit!.snippet).not.toContain(HIT_END);
  });

  it('finds what notes say now: after an edit, the new word and not the old', async () => {
    await writeNotes(meetings[3]!, 'The marmalade stall was agreed.');
    expect(notesOf(await search(noteTaker, 'marmalade'), meetings[3]!)).toBeDefined();
    await writeNotes(meetings[3]!, 'The lemonade stall was agreed.');
    expect(notesOf(await search(noteTaker, 'marmalade'), meetings[3]!)).toBeUndefined();
    expect(marked(notesOf(await search(noteTaker, 'lemonade'), meetings[3]!)!)).toEqual([
      'lemonade',
    ]);
  });

  it('keeps every kind current on write: a suggestion’s outcome is found once recorded', async () => {
    const s = expectSuccess(
      await member.client.call('addSuggestion', { groupId, text: 'Hold a picnic in summer' }),
      201,
    );
    expect((await search(member, 'gooseberry')).map((r) => r.id)).not.toContain(s.id);
    await chair.client.callOk('recordSuggestionOutcome', {
      groupId,
      suggestionId: s.id,
      meetingId: meetings[1]!,
      outcome: 'Agreed: a gooseberry picnic in July',
    });
    const [found] = await search(member, 'gooseberries');
    expect(found).toMatchObject({ kind: 'suggestion', id: s.id });
    expect(marked(found!)).toEqual(['gooseberry']);
  });

  it('hides draft notes from members and finds them for those who write notes', async () => {
    const meetingId = await addMeeting(
      chair.client,
      groupId,
      new Date(Date.now() - 5 * 86_400_000),
    );
    await writeNotes(meetingId, 'The damson budget, still a draft.');
    expect(notesOf(await search(noteTaker, 'damson'), meetingId)).toBeDefined();
    expect(notesOf(await search(chair, 'damson'), meetingId)).toBeDefined();
    expect(notesOf(await search(member, 'damson'), meetingId)).toBeUndefined();
    await noteTaker.client.callOk('circulateNotes', { groupId, meetingId });
    expect(notesOf(await search(member, 'damson'), meetingId)).toBeDefined();
  });

  it('highlights are always within the snippet and on word boundaries (property)', async () => {
    const letters = 'abcdefghijklmnopqrstuvwxyzŵŷâêéïô';
    const word = fc
      .array(fc.constantFrom(...letters), { minLength: 3, maxLength: 10 })
      .map((cs) => cs.join(''));
    const separator = fc.constantFrom(
      ' ',
      ', ',
      '. ',
      ' - ',
      '-',
      '\n\n',
      ' (',
      ') ',
      '/',
      '_',
      ' **',
      "'s ",
    );
    const text = fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 60 });
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(text, fc.nat(), async (pairs, pick) => {
        const summary = pairs.map(([w, s]) => w + s).join('');
        const query = pairs[pick % pairs.length]![0];
        await writeNotes(meetings[3]!, summary);
        const hit = notesOf(await search(noteTaker, query), meetings[3]!);
        // A stop word ("the") matches nothing; any other word is found.
        if (!hit) return;
        checked += 1;
        const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
        let end = 0;
        for (const h of hit.highlights) {
          expect(h.start).toBeGreaterThanOrEqual(end);
          expect(h.length).toBeGreaterThan(0);
          end = h.start + h.length;
          expect(end).toBeLessThanOrEqual(hit.snippet.length);
          expect(isWordChar(hit.snippet[h.start - 1])).toBe(false);
          expect(isWordChar(hit.snippet[end])).toBe(false);
        }
      }),
      { numRuns: 25 },
    );
    expect(checked).toBeGreaterThan(0);
  });
});

describe('a headline becomes plain text and ranges', () => {
  it('ranges point at the marked words, with white space made single', () => {
    const s = `  The ${HIT_START}budget${HIT_END}\n\nfor ${HIT_START}meetings${HIT_END}. `;
    expect(splitHeadline(s)).toEqual({
      snippet: 'The budget for meetings.',
      highlights: [
        { start: 4, length: 6 },
        { start: 15, length: 8 },
      ],
    });
  });

  it('whatever the database sends, every range is inside the snippet, in order, and no marker is left (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom(HIT_START, HIT_END, ' ', '\n', 'ŵ', '😀'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const { snippet, highlights } = splitHeadline(pieces.join(''));
        expect(snippet).not.toContain(HIT_START);
        expect(snippet).not.toContain(HIT_END);
        let end = 0;
        for (const h of highlights) {
          expect(h.start).toBeGreaterThanOrEqual(end);
          expect(h.length).toBeGreaterThan(0);
          end = h.start + h.length;
          expect(end).toBeLessThanOrEqual(snippet.length);
        }
      }),
    );
  });

  it('the web page wraps the matched words in <mark> and shows the text as text', () => {
    const html = renderToStaticMarkup(
      createElement(Snippet, {
        text: '<b>budget</b> for meetings',
        highlights: [
          { start: 3, length: 6 },
          { start: 18, length: 8 },
        ],
      }),
    );
    expect(html).toBe(
      '<p class="notes-snippet">&lt;b&gt;<mark>budget</mark>&lt;/b&gt; for <mark>meetings</mark></p>',
    );
  });
});
