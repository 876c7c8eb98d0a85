import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAttribution, splitNoteSentences } from '../../src/policy/index.ts';
import { attributionSentences, groupPeople, groupRoles } from './fixtures/attribution-sentences.ts';

const options = { people: groupPeople, roles: groupRoles };
const check = (text: string) => checkAttribution(text, options);

describe('the Chatham House attribution check on notes', () => {
  it('finds attributed views in the labelled set with high recall and precision', () => {
    const attributed = attributionSentences.filter((s) => s.attributed);
    const neutral = attributionSentences.filter((s) => !s.attributed);
    expect(attributed.length).toBeGreaterThanOrEqual(80);
    expect(neutral.length).toBeGreaterThanOrEqual(80);

    const flagged = attributionSentences.filter((s) => check(s.text).length > 0);
    const truePositives = flagged.filter((s) => s.attributed);
    const recall = truePositives.length / attributed.length;
    const precision = truePositives.length / flagged.length;
    const missed = attributed.filter((s) => !flagged.includes(s)).map((s) => s.text);
    const wrong = flagged.filter((s) => !s.attributed).map((s) => s.text);
    console.log(
      `attribution check: recall ${recall.toFixed(2)} (${truePositives.length}/${attributed.length}), ` +
        `precision ${precision.toFixed(2)} (${truePositives.length}/${flagged.length}) ` +
        `on ${attributionSentences.length} sentences`,
    );
    if (missed.length) console.log(`missed:\n  ${missed.join('\n  ')}`);
    if (wrong.length) console.log(`flagged but neutral:\n  ${wrong.join('\n  ')}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.85);
  });

  it('names the right person or role when it flags an attributed sentence', () => {
    for (const s of attributionSentences.filter((s) => s.attributed && s.who)) {
      const [flag] = check(s.text);
      if (flag) expect(flag.who, s.text).toContain(s.who);
    }
  });

  it('rewords a view held by a named person as a view that was expressed', () => {
    const flags = check('Sam felt the plan was rushed.');
    expect(flags).toEqual([
      {
        start: 0,
        end: 8,
        text: 'Sam felt',
        who: 'Sam',
        kind: 'name_speech',
        suggestion: 'A view was expressed that the plan was rushed.',
        sentence: { start: 0, end: 29 },
      },
    ]);
  });

  it('leaves action owners, attendance and documents alone', () => {
    expect(check('Action: Sam to send the report')).toEqual([]);
    expect(check('Sam agreed to book the room.')).toEqual([]);
    expect(check('Present: Sam, Priya\nApologies: Jo')).toEqual([]);
    expect(check("The council's policy states that a second quote is needed.")).toEqual([]);
  });

  it('tells the names Will, Mark, Hope and Bill from the words', () => {
    expect(check('We will mark the date. There is hope the bill will pass.')).toEqual([]);
    expect(check('Will the council agree? Hope was expressed that it would.')).toEqual([]);
    expect(check('Mark felt it would. Bill was unhappy.').map((f) => f.who)).toEqual([
      'Mark',
      'Bill',
    ]);
  });

  it('counts only the group’s people, but always counts roles', () => {
    expect(check('Sam Jones from the ICB said the contract would be re-tendered.')).toEqual([]);
    expect(check('Tom felt the plan was rushed.')).toEqual([]);
    expect(checkAttribution('the chair felt the plan was rushed.', { people: [] })).toMatchObject([
      { who: 'the chair', kind: 'role_speech' },
    ]);
  });

  it('rewords each kind of attribution', () => {
    const suggestion = (text: string) => check(text)[0]?.suggestion;
    expect(suggestion("Sam's view was that the plan was rushed.")).toBe(
      'One view was that the plan was rushed.',
    );
    expect(suggestion('According to Sam, the plan was rushed.')).toBe(
      'One view was that the plan was rushed.',
    );
    expect(suggestion('The chair was worried that carers would miss out.')).toBe(
      'Concerns were raised that carers would miss out.',
    );
    expect(suggestion('Jo proposed that the group meet in the evening.')).toBe(
      'It was suggested that the group meet in the evening.',
    );
    expect(suggestion('Priya questioned whether the survey was needed?')).toBe(
      'A question was raised about whether the survey was needed?',
    );
    expect(suggestion('Later in the meeting, Will said the lifts were broken.')).toBe(
      'Later in the meeting, a view was expressed that the lifts were broken.',
    );
  });

  it('gives offsets into the whole text, one flag per attribution', () => {
    const text = 'Item 3: discharge.\n- Members discussed delays. Rose said: "Nobody told us."';
    const flags = check(text);
    expect(flags.map((f) => [f.text, text.slice(f.sentence.start, f.sentence.end)])).toEqual([
      ['Rose said', 'Rose said: "Nobody told us."'],
    ]);
  });

  it('splits notes into sentences by line, bullet and full stop, but not after "Dr." or "e.g."', () => {
    const text = '- Dr. Lee spoke, e.g. about beds. Sam agreed.\n* Next item';
    expect(splitNoteSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Dr. Lee spoke, e.g. about beds.',
      'Sam agreed.',
      'Next item',
    ]);
  });

  it('every suggestion passes its own check', () => {
    for (const s of attributionSentences) {
      for (const flag of check(s.text)) {
        expect(check(flag.suggestion), `${s.text} -> ${flag.suggestion}`).toEqual([]);
      }
    }
  });

  it('never throws, and every span lies within the text and is the text there', () => {
    const noteLike = fc.array(
      fc.constantFrom(
        'Sam',
        "Sam's",
        'the chair',
        'Will',
        'felt',
        'said',
        'that',
        'according to',
        'was',
        'concerned',
        'view',
        ',',
        '.',
        '\n- ',
        ': ',
        '’s',
        '"',
        'to',
        'and',
      ),
      { maxLength: 30 },
    );
    const arbitrary = fc.oneof(
      fc.string({ unit: 'grapheme-composite' }),
      fc.string(),
      noteLike.map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(arbitrary, (text) => {
        for (const flag of check(text)) {
          expect(flag.start).toBeGreaterThanOrEqual(0);
          expect(flag.end).toBeLessThanOrEqual(text.length);
          expect(flag.start).toBeLessThan(flag.end);
          expect(flag.text).toBe(text.slice(flag.start, flag.end));
          expect(flag.sentence.start).toBeLessThanOrEqual(flag.start);
          expect(flag.sentence.end).toBeGreaterThanOrEqual(flag.end);
          expect(check(flag.suggestion)).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
