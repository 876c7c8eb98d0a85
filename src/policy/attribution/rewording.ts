/**
 * The sentence reworded so that no one holds the view: the person becomes "a
 * member" ("Some members" for two or more), a speaker tag, "according to …"
 * or "… by Priya" comes out, and "he", "she", "his" and "her" become "they"
 * and "their". check.ts checks the rewording again; what still attributes a
 * view falls back to "A view was expressed."
 */
import { capitalise } from '../words.ts';
import type { Finding } from './analyse.ts';
import type { Sentence, Token } from './nlp.ts';

type Edit = { start: number; end: number; with: string };

const DASHES = /^[-–—]+$/;

/** A neutral version of the sentence ('' when nothing is left of it). */
export function rewrite(text: string, sentence: Sentence, findings: readonly Finding[]): string {
  const tokens = sentence.tokens;
  const edits: Edit[] = [];
  const covered = new Set<number>();
  const sorted = [...findings].sort((a, b) => a.mention.first - b.mention.first);
  for (let n = 0; n < sorted.length; n++) {
    const f = sorted[n]!;
    const m = f.mention;
    if (covered.has(m.first)) continue;
    let first = m.first;
    let last = m.last;
    // "Sian and Helen", "Dylan, Mo and Paddy": one group of people.
    let many = false;
    while (n + 1 < sorted.length) {
      const next = sorted[n + 1]!.mention;
      const between = tokens.slice(last + 1, next.first);
      if (
        between.length > 0 &&
        between.every((t) => t.text === ',' || t.lower === 'and' || t.text === '&')
      ) {
        last = next.last;
        many = true;
        n++;
      } else break;
    }
    for (let i = first; i <= last; i++) covered.add(i);
    const before = tokens[first - 1];
    const after = tokens[last + 1];
    // Speaker tags: the tag comes out.
    if (
      (before && (before.text === '[' || before.text === '(' || DASHES.test(before.text))) ||
      after?.text === ':' ||
      after?.text === ']'
    ) {
      if (before && (before.text === '[' || before.text === '(' || DASHES.test(before.text)))
        first--;
      let end = last;
      while (tokens[end + 1] && [']', ')', ':'].includes(tokens[end + 1]!.text)) end++;
      if (tokens[end + 1]?.text === '(') {
        let k = end + 1;
        while (k < tokens.length && tokens[k]!.text !== ')') k++;
        if (tokens[k + 1]?.text === ':') end = k + 1;
      }
      while (tokens[end + 1] && DASHES.test(tokens[end + 1]!.text)) end++;
      const atStart = first === 0;
      const rest = tokens[end + 1];
      const lead =
        atStart && rest && (rest.pos === 'VERB' || rest.pos === 'AUX') ? 'A member ' : '';
      edits.push({
        start: tokens[first]!.start,
        end: atStart && rest ? rest.start : tokens[end]!.end,
        with: lead,
      });
      continue;
    }
    // "according to X," and "by X", "from X": the frame comes out.
    if (before?.lower === 'to' && tokens[first - 2]?.lower === 'according') {
      const end = tokens[last + 1]?.text === ',' ? tokens[last + 1]!.end : tokens[last]!.end;
      edits.push({ start: tokens[first - 2]!.start, end, with: '' });
      continue;
    }
    if (before && (before.lower === 'by' || before.lower === 'from') && !m.possessive) {
      edits.push({
        start: tokens[first - 2] ? tokens[first - 2]!.end : before.start,
        end: tokens[last]!.end,
        with: '',
      });
      continue;
    }
    const atStart = first === 0 || (first === 1 && tokens[0]!.pos === 'PUNCT');
    let who = many ? 'some members' : m.kind === 'guest' ? 'a guest' : 'a member';
    if (m.possessive)
      who = m.kind === 'note_taker' ? "one member's" : many ? "some members'" : `${who}'s`;
    if (atStart) who = capitalise(who);
    let end = tokens[last]!.end;
    // ", the community paediatrician who joined for this item," goes with the name.
    if (after?.text === ',') {
      let k = last + 2;
      while (k < tokens.length && k - last <= 16 && tokens[k]!.text !== ',') k++;
      const opener = tokens[last + 2];
      if (
        tokens[k]?.text === ',' &&
        opener &&
        ['who', 'the', 'a', 'an', 'our', 'from', 'whose'].includes(opener.lower)
      )
        end = tokens[k]!.end;
    }
    if (after?.text === '(') {
      let k = last + 1;
      while (k < tokens.length && tokens[k]!.text !== ')') k++;
      if (k < tokens.length) end = tokens[k]!.end;
    }
    if (many && tokens.find((t) => t.start >= end && t.lower === 'both')) {
      const both = tokens.find((t) => t.start >= end && t.lower === 'both')!;
      edits.push({ start: both.start - 1, end: both.end, with: '' });
    }
    edits.push({ start: tokens[first]!.start, end, with: who });
    if (m.kind === 'note_taker' && !m.possessive) agreeWithThirdPerson(tokens, last, edits);
  }
  neutralPronouns(tokens, covered, edits);
  let out = text.slice(sentence.start, sentence.end);
  for (const e of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, e.start - sentence.start) + e.with + out.slice(e.end - sentence.start);
  }
  out = out
    .replace(
      /\b([Tt]hey) (was|is|has|does|wasn't|isn't|hasn't|doesn't)\b/g,
      (_, p: string, v: string) => `${p} ${THEY[v] ?? v}`,
    )
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/^[\s,;:–—-]+/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (!out) return '';
  return capitalise(out);
}

const THEY: Record<string, string> = {
  was: 'were',
  is: 'are',
  has: 'have',
  does: 'do',
  "wasn't": "weren't",
  "isn't": "aren't",
  "hasn't": "haven't",
  "doesn't": "don't",
};

/** "I think" → "a member thinks", "I am" → "a member is". */
function agreeWithThirdPerson(tokens: Token[], last: number, edits: Edit[]) {
  let k = last + 1;
  while (tokens[k] && tokens[k]!.pos === 'ADV') k++;
  const verb = tokens[k];
  if (!verb) return;
  const forms: Record<string, string> = {
    am: 'is',
    "'m": ' is',
    have: 'has',
    "'ve": ' has',
    do: 'does',
  };
  if (forms[verb.lower]) edits.push({ start: verb.start, end: verb.end, with: forms[verb.lower]! });
  else if (verb.pos === 'VERB' && verb.lower === verb.lemma && /^[a-z]+$/.test(verb.lower)) {
    const s = /(?:s|sh|ch|x|z|o)$/.test(verb.lower)
      ? 'es'
      : /[^aeiou]y$/.test(verb.lower)
        ? ''
        : 's';
    const stem = s === '' ? `${verb.lower.slice(0, -1)}ies` : `${verb.lower}${s}`;
    edits.push({ start: verb.start, end: verb.end, with: stem });
  }
}

function neutralPronouns(tokens: Token[], covered: Set<number>, edits: Edit[]) {
  tokens.forEach((t, i) => {
    if (covered.has(i)) return;
    const next = tokens[i + 1];
    const cap = (s: string) => (t.capital ? capitalise(s) : s);
    let word: string | null = null;
    if (t.lower === 'he' || t.lower === 'she') word = 'they';
    else if (t.lower === 'his') word = 'their';
    else if (t.lower === 'him') word = 'them';
    else if (t.lower === 'himself' || t.lower === 'herself') word = 'themselves';
    else if (t.lower === 'her')
      word = next && ['NOUN', 'ADJ', 'PROPN', 'NUM'].includes(next.pos) ? 'their' : 'them';
    if (word) edits.push({ start: t.start, end: t.end, with: cap(word) });
  });
}
