/**
 * Findings in one sentence: each mention of a speaker is tried against the
 * shapes that attribute a view to them, and each finding carries the
 * rewording that takes the attribution out.
 */
import { capitalise } from '../words.ts';
import { isView, scanPredicate } from './grammar.ts';
import { findMentions, firstWordIndex, type Lexicon, type Mention } from './lexicon.ts';
import {
  lead,
  lowerFirstSafe,
  rewriteSpeech,
  splitPunct,
  withoutFrame,
  withoutPossessive,
} from './rewording.ts';
import { tokenize, type Token } from './sentences.ts';
import type { AttributionKind } from './types.ts';
import {
  AUX,
  BE,
  FINITE,
  FRAME_NOUNS,
  PREPOSITIONS,
  SUBJECTS,
  VERB_FORMS,
  VIEW_NOUNS,
  type VerbForm,
} from './vocabulary.ts';

/**
 * Lines that list attendance, owners and dates name people without giving
 * their views: "Present: ...", "Apologies: ...", "Action: Sam to ...".
 */
const LABEL_LINE =
  /^\s*(?:\*\*|__)?\s*(?:present|apologies|attendees|attendance|in attendance|also present|also attending|absent|guests?|invited|actions?|action points?|agreed actions?|owners?|leads?|responsible|due|by whom|chair(?:ed by)?|vice[-‐‑ ]?chair|co[-‐‑ ]?chair|note[-‐‑ ]?taker|minute[-‐‑ ]?taker|notes taken by|minutes taken by|facilitator|date of next meeting|next meeting)(?:\s*\([^)]{0,60}\))?\s*(?:\*\*|__)?\s*[:–—-]/i;

export type Finding = {
  start: number;
  end: number;
  who: string;
  kind: AttributionKind;
  /** The sentence with this attribution reworded. */
  rewrite: () => string;
};

export function analyseSentence(s: string, lexicon: Lexicon): Finding[] {
  if (LABEL_LINE.test(s)) return [];
  const tokens = tokenize(s);
  const mentions = findMentions(s, tokens, lexicon);
  const byFirstToken = new Map(mentions.map((m) => [m.first, m]));
  const consumed = new Set<Mention>();
  const findings: Finding[] = [];

  for (const mention of mentions) {
    if (consumed.has(mention)) continue;
    const finding =
      framed(s, tokens, mention, lexicon) ??
      possessiveView(s, tokens, mention) ??
      transcript(s, tokens, mention) ??
      inverted(s, tokens, mention, lexicon) ??
      speech(s, tokens, mention, byFirstToken, consumed, lexicon);
    if (finding && !findings.some((f) => f.start < finding.end && finding.start < f.end)) {
      findings.push(finding);
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

const who = (s: string, m: Mention) => s.slice(m.start, m.end);
const speechKind = (m: Mention): AttributionKind => (m.role ? 'role_speech' : 'name_speech');

/**
 * "According to Sam, ...", "as the chair put it", "in Priya's view",
 * "from Bill's point of view": the frame comes out and the rest of the
 * sentence becomes "One view was that ...".
 */
function framed(s: string, tokens: Token[], m: Mention, lexicon: Lexicon): Finding | null {
  const before = tokens[m.first - 1];
  const twoBefore = tokens[m.first - 2];
  let start: number | null = null;
  let end = m.end;
  let kind: AttributionKind = 'according_to';

  if (!m.possessive && before?.lower === 'to' && twoBefore?.lower === 'according') {
    start = twoBefore.start;
  } else if (!m.possessive && before?.lower === 'as') {
    let j = m.next;
    if (AUX.has(tokens[j]?.lower ?? '')) j++;
    const verb = tokens[j];
    if (verb?.lower === 'put' && tokens[j + 1]?.lower === 'it') {
      start = before.start;
      end = tokens[j + 1]!.end;
    } else if (verb && VERB_FORMS.has(verb.lower)) {
      const out = tokens[j + 1]?.lower === 'out' ? j + 1 : j;
      const after = tokens[out + 1];
      if (!after || !after.word) {
        start = before.start;
        end = tokens[out]!.end;
      }
    }
  } else if (m.possessive && before && ['in', 'from', 'to'].includes(before.lower)) {
    const noun = tokens[m.next];
    if (noun?.lower === 'point' && tokens[m.next + 1]?.lower === 'of') {
      const view = tokens[m.next + 2];
      if (view?.lower === 'view') {
        start = before.start;
        end = view.end;
      }
    } else if (noun && FRAME_NOUNS.has(noun.lower)) {
      start = before.start;
      end = noun.end;
    }
    kind = 'possessive';
  }
  if (start === null) return null;
  const spanStart = start;
  const spanEnd = end;
  return {
    start: spanStart,
    end: spanEnd,
    who: who(s, m),
    kind,
    rewrite: () => withoutFrame(s, spanStart, spanEnd, lexicon),
  };
}

/** "Sam's view was that ...", "the group discussed the chair's proposal". */
function possessiveView(s: string, tokens: Token[], m: Mention): Finding | null {
  if (!m.possessive) return null;
  let j = m.next;
  for (let skipped = 0; skipped <= 2; skipped++) {
    const t = tokens[j];
    if (!t?.word || !/^\p{Ll}/u.test(t.text)) return null;
    if (VIEW_NOUNS.has(t.lower)) {
      const then = tokens[j + 1]?.lower;
      if (/^positions?$/.test(t.lower) && (then === 'as' || then === 'at' || then === 'on')) {
        return null;
      }
      const noun = t;
      return {
        start: m.start,
        end: noun.end,
        who: who(s, m),
        kind: 'possessive',
        rewrite: () => withoutPossessive(s, m, noun),
      };
    }
    if (BE.has(t.lower) || AUX.has(t.lower) || PREPOSITIONS.has(t.lower)) return null;
    j++;
  }
  return null;
}

/** "Sam: I think the plan is rushed." in notes written like a transcript. */
function transcript(s: string, tokens: Token[], m: Mention): Finding | null {
  if (m.role || m.possessive || m.first !== firstWordIndex(tokens)) return null;
  const colon = tokens[m.next];
  if (colon?.text !== ':') return null;
  const rest = tokens.slice(m.next + 1).filter((t) => t.word);
  if (rest.length < 4 || rest[0]?.lower === 'to') return null;
  const said = s.slice(colon.end).trim();
  const speechLike =
    /^["“‘']/.test(said) ||
    SUBJECTS.has(rest[0]?.lower ?? '') ||
    rest.some((t) => FINITE.has(t.lower));
  if (!speechLike) return null;
  return {
    start: m.start,
    end: colon.end,
    who: who(s, m),
    kind: 'name_speech',
    rewrite: () => {
      const { body, punct } = splitPunct(s.slice(colon.end));
      return `A view was expressed: ${body.trim()}${punct}`;
    },
  };
}

/** '"It is a step backwards," Sam said.' and '..., said the chair.' */
function inverted(s: string, tokens: Token[], m: Mention, lexicon: Lexicon): Finding | null {
  if (m.possessive) return null;
  const endsAfter = (i: number) => tokens.slice(i).every((t) => !t.word);
  const clauseBefore = (i: number) => {
    const t = tokens[i];
    return t !== undefined && !t.word && /[,"”'’—–-]/.test(t.text) && i > 0;
  };
  let spanStart = m.start;
  let spanEnd = m.end;
  let verb: VerbForm | undefined;
  let before: number;

  const following = VERB_FORMS.get(tokens[m.next]?.lower ?? '');
  const preceding = VERB_FORMS.get(tokens[m.first - 1]?.lower ?? '');
  if (following && following.form !== 'ing' && endsAfter(m.next + 1)) {
    verb = following;
    spanEnd = tokens[m.next]!.end;
    before = m.first - 1;
  } else if (preceding && preceding.form !== 'ing' && endsAfter(m.next)) {
    verb = preceding;
    spanStart = tokens[m.first - 1]!.start;
    before = m.first - 2;
  } else {
    return null;
  }
  if (!clauseBefore(before)) return null;
  const { category, lemma } = verb;
  return {
    start: spanStart,
    end: spanEnd,
    who: who(s, m),
    kind: speechKind(m),
    rewrite: () => {
      const said = s
        .slice(0, spanStart)
        .replace(/[\s,;:"“”'‘’—–-]+$/u, '')
        .replace(/^["“‘']+/u, '');
      const { punct } = splitPunct(s.slice(spanEnd));
      const x = lowerFirstSafe(said, lexicon);
      return capitalise(lead(category, lemma, false, { type: 'that', x })) + (punct || '.');
    },
  };
}

/** "Sam felt ...", "the chair and Jo strongly believe ...", "Rose was not convinced ...". */
function speech(
  s: string,
  tokens: Token[],
  m: Mention,
  byFirstToken: Map<number, Mention>,
  consumed: Set<Mention>,
  lexicon: Lexicon,
): Finding | null {
  if (m.possessive) return null;
  let last = m;
  let plural = m.role && /s$/i.test(who(s, m));
  const isAnd = (t: Token | undefined) => t?.lower === 'and' || t?.text === '&';
  for (;;) {
    let k = last.next;
    const comma = tokens[k]?.text === ',';
    if (comma) k++;
    const and = isAnd(tokens[k]);
    if (and) k++;
    const other = k > last.next ? byFirstToken.get(k) : undefined;
    if (!other || other.possessive) break;
    // "Bill, Rose and Hope felt" is a list; "The chair, Sam, felt" is not.
    const then = tokens[other.next];
    const listGoesOn =
      isAnd(then) ||
      (then?.text === ',' && (isAnd(tokens[other.next + 1]) || byFirstToken.has(other.next + 1)));
    if (comma && !and && !listGoesOn) break;
    consumed.add(other);
    last = other;
    plural = true;
  }
  const predicate = scanPredicate(tokens, last.next, plural);
  if (!predicate || !isView(s, tokens, predicate)) return null;
  const span = { start: m.start, end: tokens[predicate.after - 1]!.end };
  return {
    ...span,
    who: s.slice(m.start, last.end),
    kind: speechKind(m),
    rewrite: () => rewriteSpeech(s, span, predicate, lexicon),
  };
}
