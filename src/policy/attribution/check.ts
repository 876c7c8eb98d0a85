/**
 * The check over a whole text: each paragraph is read with wink, each
 * sentence's mentions of people are found, and each mention tied to a view is
 * a flag, with the sentence reworded so that no one holds the view.
 */
import {
  categoryAt,
  findMentions,
  hasDueDate,
  hasViewSignal,
  linkOf,
  neutralLine,
  type Finding,
  type Mention,
} from './analyse.ts';
import { readNotes, type Sentence } from './nlp.ts';
import { compilePeople, type People } from './people.ts';
import { rewrite } from './rewording.ts';
import type { AttributionFlag, AttributionOptions } from './types.ts';

/** Find every sentence that attributes a view, or may, with a neutral rewording of each. */
export function checkAttribution(text: string, options: AttributionOptions): AttributionFlag[] {
  const people = compilePeople(options);
  const found: {
    sentence: Sentence;
    findings: Finding[];
    before: Mention[][];
    candidate: string;
  }[] = [];
  for (const paragraph of readNotes(text)) {
    const before: Mention[][] = [];
    for (const sentence of paragraph) {
      const context = [...before];
      const { findings, mentions } = analyseSentence(sentence, text, people, context);
      before.push(mentions);
      if (findings.length > 0) {
        // Everyone named in the sentence goes from the rewording, not only the view's holder.
        const named = mentions
          .filter((m) => m.kind === 'name' || m.kind === 'guest' || m.kind === 'role')
          .filter((m) => !findings.some((f) => f.mention.first === m.first))
          .map((m) => ({ start: 0, end: 0, who: m.who, kind: m.kind, level: m.level, mention: m }));
        const candidate = rewrite(text, sentence, [...findings, ...named]);
        found.push({ sentence, findings, before: context, candidate });
      }
    }
  }
  // Each rewording is checked again, all in one reading: one that still
  // attributes a view falls back to "A view was expressed."
  const candidates = found.map((f) => f.candidate.replace(/\s+/g, ' '));
  const joined = candidates.join('\n\n');
  const reread = readNotes(joined);
  const unsafe = new Set<number>();
  let at = 0;
  for (let n = 0; n < found.length; n++) {
    const from = at;
    const to = at + candidates[n]!.length;
    at = to + 2;
    const paragraph = reread.find((p) => p[0]!.start >= from && p[0]!.start < to + 1);
    if (!candidates[n] || !paragraph) {
      unsafe.add(n);
      continue;
    }
    const before = [...found[n]!.before];
    for (const sentence of paragraph) {
      if (
        analyseSentence(sentence, joined, people, before).findings.some(
          (f) => f.level === 'attributes',
        )
      )
        unsafe.add(n);
    }
  }
  const flags: AttributionFlag[] = [];
  found.forEach(({ sentence, findings }, n) => {
    const suggestion = unsafe.has(n) ? FALLBACK : candidates[n]!;
    for (const f of findings) {
      flags.push({
        start: f.start,
        end: f.end,
        text: text.slice(f.start, f.end),
        who: f.who,
        kind: f.kind,
        level: f.level,
        suggestion,
        sentence: { start: sentence.start, end: sentence.end },
      });
    }
  });
  return flags;
}

const FALLBACK = 'A view was expressed.';

/** The flags of one sentence, and the people it mentions (for the pronouns of the next). */
export function analyseSentence(
  sentence: Sentence,
  text: string,
  people: People,
  before: readonly Mention[][],
): { findings: Finding[]; mentions: Mention[] } {
  const tokens = sentence.tokens;
  const mentions = findMentions(sentence, text, people, before);
  if (neutralLine(text, sentence)) return { findings: [], mentions };
  const findings: Finding[] = [];
  const finding = (m: Mention, level = m.level, kind = m.kind): Finding => ({
    start: tokens[m.first]!.start,
    end: tokens[m.last]!.end,
    who: m.who,
    kind,
    level,
    mention: m,
  });
  let actions = 0;
  for (const m of mentions) {
    const link = linkOf(tokens, m, text);
    if (link === 'view') findings.push(finding(m));
    else if (link === 'action') actions++;
  }
  if (findings.length > 0) return { findings, mentions };
  const signal = hasViewSignal(tokens);
  const category = categoryAt(tokens);
  if (category && (signal || tokens.some((t) => t.pos === 'VERB'))) {
    const first = tokens[category.first]!;
    const last = tokens[category.last]!;
    const m: Mention = {
      first: category.first,
      last: category.last,
      kind: 'few_people',
      level: 'may',
      who: text.slice(first.start, last.end),
      people: [],
      possessive: false,
    };
    return { findings: [finding(m)], mentions };
  }
  // A person named beside a view they may not hold.
  if (signal && actions === 0 && !hasDueDate(tokens)) {
    const named = mentions.find((m) => m.kind === 'name');
    if (named) return { findings: [finding(named, 'may', 'near_view')], mentions };
  }
  return { findings, mentions };
}
