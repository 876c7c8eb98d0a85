/**
 * What follows a speaker: the predicate that makes a view of it (a verb of
 * saying, thinking or feeling, or an adjective of attitude), the rules that
 * tell a view from a task, and what kind of complement the verb takes.
 */
import type { Token } from './sentences.ts';
import {
  ATTITUDES,
  AUX,
  BE,
  BLOCKERS,
  CLAUSE_VERBS,
  DETERMINERS,
  FINITE,
  isAdverb,
  NEEDS,
  NEGATIONS,
  OBJECT_VERBS,
  OFFER_ADJECTIVES,
  PASSIVE_BE,
  PHRASES,
  PREPOSITIONS,
  SUBJECTS,
  VERB_FORMS,
  words,
  type Category,
  type VerbForm,
} from './vocabulary.ts';

export type Predicate = {
  category: Category;
  lemma: string;
  negated: boolean;
  /** Token index of the verb (or adjective), and of the first token after it. */
  at: number;
  after: number;
};

/**
 * After a speaker, up to two adverbs and any auxiliaries ("has also",
 * "did not", "was very") before a verb of saying, thinking or feeling, or an
 * adjective of attitude after "was". "to", "will", "can" mean a task.
 */
export function scanPredicate(tokens: Token[], from: number, plural: boolean): Predicate | null {
  let copula = false;
  let sawCopula = false;
  let negated = false;
  let hasAux = false;
  let would = false;
  let fillers = 0;
  for (let j = from; j < tokens.length && j < from + 8; j++) {
    const t = tokens[j]!;
    if (!t.word) {
      const close = ',(—–'.includes(t.text) ? parentheticalEnd(tokens, j) : -1;
      if (close < 0) return null;
      j = close;
      continue;
    }
    const w = t.lower;
    const next = tokens[j + 1]?.lower;
    if (BLOCKERS.has(w)) return null;
    const attitude = (category: Category, after: number): Predicate => ({
      category,
      lemma: w,
      negated,
      at: j,
      after,
    });
    if (sawCopula) {
      if (w === 'of' && (next === 'the' || next === 'a')) {
        const noun = tokens[j + 2]?.lower;
        if (noun === 'view' || noun === 'opinion') return attitude('of_view', j + 3);
      }
      if (w === 'in' && (next === 'favour' || next === 'favor') && tokens[j + 2]?.lower === 'of') {
        return attitude('support', j + 3);
      }
      if (w === 'against') return attitude('opposition', j + 1);
      const category = ATTITUDES.get(w);
      if (category) {
        if (OFFER_ADJECTIVES.has(w) && next === 'to') return null;
        return attitude(category, j + 1);
      }
    }
    const phrase = PHRASES.find(
      (ph) => ph.verbs.has(w) && ph.tail.every((word, i) => tokens[j + 1 + i]?.lower === word),
    );
    if (phrase) {
      return {
        category: phrase.category,
        lemma: 'say',
        negated,
        at: j,
        after: j + 1 + phrase.tail.length,
      };
    }
    const verb = VERB_FORMS.get(w);
    if (verb) {
      if (copula && verb.form === 'past') return null;
      if (verb.form === 'base' && !hasAux && !plural) return null;
      if (verb.form === 'ing' && !sawCopula) return null;
      return verbPredicate(tokens, j, verb, negated, would);
    }
    if (BE.has(w)) {
      copula = PASSIVE_BE.has(w);
      sawCopula = true;
      if (NEGATIONS.has(w)) negated = true;
      continue;
    }
    if (AUX.has(w)) {
      hasAux = true;
      copula = false;
      if (w === 'would' || w === 'could' || w === 'might') would = true;
      if (NEGATIONS.has(w)) negated = true;
      continue;
    }
    if (NEGATIONS.has(w)) {
      negated = true;
      continue;
    }
    if (isAdverb(w) && ++fillers <= 2) continue;
    return null;
  }
  return null;
}

function verbPredicate(
  tokens: Token[],
  j: number,
  verb: VerbForm,
  negated: boolean,
  would: boolean,
): Predicate | null {
  const next = tokens[j + 1]?.lower;
  const base = { lemma: verb.lemma, negated, at: j };
  // "Sam felt unhappy", "Jo feels strongly uneasy"
  if (verb.lemma === 'feel') {
    const k = next && isAdverb(next) ? j + 2 : j + 1;
    const category = ATTITUDES.get(tokens[k]?.lower ?? '');
    if (category) return { ...base, category, lemma: tokens[k]!.lower, after: k + 1 };
  }
  if (['point', 'points', 'pointed', 'pointing'].includes(tokens[j]!.lower)) {
    return next === 'out' ? { ...base, category: 'view', lemma: 'say', after: j + 2 } : null;
  }
  if (verb.lemma === 'like' && would) return { ...base, category: 'wish', after: j + 1 };
  return { ...base, category: verb.category, after: j + 1 };
}

/**
 * An aside between the speaker and the verb: ", however,", ", the chair,",
 * "(carer)", ", who cares for her mother,", "— speaking as a tenant —".
 * Returns the index of the closing mark, or -1.
 */
export function parentheticalEnd(tokens: Token[], open: number): number {
  const opener = tokens[open]!.text;
  const closer = opener === '(' ? ')' : opener;
  const aside = ['who', 'as', 'speaking', 'writing'].includes(tokens[open + 1]?.lower ?? '');
  for (let k = open + 1; k < tokens.length && k <= open + (aside ? 8 : 5); k++) {
    const t = tokens[k]!;
    if (t.text === closer) return k > open + 1 ? k : -1;
    if (!t.word || BLOCKERS.has(t.lower) || (!aside && VERB_FORMS.has(t.lower))) return -1;
  }
  return -1;
}

const PROCEDURAL_OBJECTS =
  /^(?:the\s+)?(?:apologies|minutes|agenda|date|dates|time|attendance|action log|actions|quorum)\b/i;
const AGENDA_ITEM =
  /^(?:(?:the|an?|this)\s+)?(?:item|items|agenda item)\b|^\S+(?:\s+\S+){0,3}\s+under\s+any other business\b/i;
const GREETED = /^(?:everyone|all|members|new|the group|attendees|guests|visitors|\p{Lu})/u;
const ASKED_PROCEDURE =
  /^for\s+(?:volunteers|comments|questions|feedback|views|agreement|a show of hands|nominations|any other business|items)\b/i;

/** Rules that tell a view from a task, a courtesy or a piece of procedure. */
export function isView(s: string, tokens: Token[], p: Predicate): boolean {
  const rest = s.slice(tokens[p.after - 1]!.end).trim();
  const restTokens = tokens.slice(p.after);
  const first = restTokens[0]?.lower;
  const needs = NEEDS.get(p.lemma) ?? 'any';

  // "Sam agreed to book the room" commits to a task; "agreed to the plan" is a view.
  if (p.lemma === 'agree' && first === 'to') {
    return DETERMINERS.has(restTokens[1]?.lower ?? '') || restTokens[1]?.lower === 'this';
  }
  // "Jo said she would send it": a task, unless what she would do is prefer or like.
  if (p.category === 'view' && !p.negated && isPromise(restTokens)) return false;
  if (p.lemma === 'note' && PROCEDURAL_OBJECTS.test(rest)) return false;
  if (p.lemma === 'raise' && AGENDA_ITEM.test(rest)) return false;
  if (p.lemma === 'welcome' && GREETED.test(rest)) return false;
  if (p.lemma === 'ask') {
    if (ASKED_PROCEDURE.test(rest)) return false;
    const wh = restTokens.slice(0, 6).findIndex((t) => QUESTION_WORDS.has(t.lower));
    const to = restTokens.slice(0, 6).findIndex((t) => t.lower === 'to');
    if (to >= 0 && (wh < 0 || to < wh)) return false;
  }
  if (needs === 'about') return /^(?:\w+ly\s+)?(?:about|of|on)\b/i.test(rest);
  if (needs === 'shared') {
    return /^(?:that|her|his|their|my|our|a view|views|concerns?|experiences?|thoughts|feelings|stor(?:y|ies)|frustrations?|worries)\b/i.test(
      rest,
    );
  }
  if (needs === 'clause') {
    const type = classify(rest, p.lemma, false).type;
    return ['that', 'clause', 'quote', 'wh', 'reason'].includes(type);
  }
  return true;
}

const QUESTION_WORDS = words('whether if why how what when where who which');

function isPromise(rest: Token[]): boolean {
  let i = rest[0]?.lower === 'that' ? 1 : 0;
  const subject = rest[i]?.lower ?? '';
  let modal: string | undefined;
  const contracted = /^(she|he|they|i|we)'(d|ll)$/.exec(subject);
  if (contracted) {
    modal = contracted[2];
    i += 1;
  } else if (['she', 'he', 'they', 'i', 'we'].includes(subject)) {
    modal = rest[i + 1]?.lower;
    i += 2;
  } else {
    return false;
  }
  if (!modal || !['would', 'will', 'could', 'can', 'd', 'll'].includes(modal)) return false;
  const then = rest[i]?.lower ?? '';
  if (words('prefer like love want rather welcome support oppose').has(then)) return false;
  if (then === 'be') {
    const state = rest[i + 1]?.lower ?? '';
    return !ATTITUDES.has(state) || OFFER_ADJECTIVES.has(state);
  }
  return true;
}

export type Complement = {
  type:
    | 'that'
    | 'clause'
    | 'quote'
    | 'wh'
    | 'to'
    | 'about'
    | 'with'
    | 'for'
    | 'of'
    | 'np'
    | 'reason'
    | 'empty';
  x: string;
};

const ADJUNCT_STARTS = words('several many last this next once twice again earlier recently');

/** What follows the verb: a clause, a question, a preposition, a noun phrase. */
export function classify(raw: string, lemma: string, assumeClause = true): Complement {
  let c = raw.trim();
  const reason =
    /^,?\s*(?:saying|arguing|adding|explaining|noting|pointing out)(?:\s+that)?\s+/i.exec(c);
  if (reason) return { type: 'reason', x: c.slice(reason[0].length) };
  const aside = /^,\s*[^,]{1,40},\s*(?=that\b)/.exec(c);
  if (aside) c = c.slice(aside[0].length);
  c = c.replace(/^,\s*/, '');
  for (;;) {
    const adverb = /^([\p{L}]+)\s+/u.exec(c);
    if (!adverb || !isAdverb(adverb[1]!.toLowerCase())) break;
    c = c.slice(adverb[0].length);
  }
  if (c === '') return { type: 'empty', x: '' };
  const lower = c.toLowerCase();
  const after = (n: number) => c.slice(n).replace(/^\s+/, '');
  if (/^that\b/.test(lower)) return { type: 'that', x: after(4) };
  // "argued at the last meeting that ...": the time or place goes, the view stays.
  const adjunct =
    /^(?:at|in|during|after|before|since|on|earlier|again|several|many|last|once|twice|recently)\b(?:\s+[\p{L}\p{N}'’-]+){0,4}?\s+that\s+/iu.exec(
      c,
    );
  if (adjunct) return { type: 'that', x: c.slice(adjunct[0].length) };
  if (/^[:"“‘']/.test(c)) return { type: 'quote', x: c.replace(/^:\s*/, '') };
  if (/^if\b/.test(lower)) return { type: 'wh', x: `whether${c.slice(2)}` };
  if (/^(?:whether|why|how|what|when|where|who|which)\b/.test(lower)) return { type: 'wh', x: c };
  if (/^to\b/.test(lower)) return { type: 'to', x: after(2) };
  const prep = /^(about|on|over|regarding|around|concerning)\b\s*/.exec(lower);
  if (prep) return { type: 'about', x: c.slice(prep[0].length) };
  const withAt = /^(with|at|by)\b\s*/.exec(lower);
  if (withAt) return { type: 'with', x: c.slice(withAt[0].length) };
  if (/^for\b/.test(lower)) return { type: 'for', x: after(3) };
  if (/^of\b/.test(lower)) return { type: 'of', x: after(2) };

  // "told the group that ...", "said at the meeting that ...", "asked the GP whether ..."
  const lead =
    /^((?:[\p{L}\p{N}'’-]+,?\s+){1,4}?)(that|whether|if|why|how|what|when|about)\s+/iu.exec(c);
  if (lead) {
    const firstWord = lead[1]!.split(/\s+/)[0]!.toLowerCase();
    const adjunct =
      PREPOSITIONS.has(firstWord) || isAdverb(firstWord) || ADJUNCT_STARTS.has(firstWord);
    if (OBJECT_VERBS.has(lemma) || adjunct) {
      return classify(c.slice(lead[1]!.length), lemma, assumeClause);
    }
  }
  // Only the main clause counts: "the meeting to start at 6pm | so that carers can come".
  const main = lower.split(
    /\s(?:so|because|when|if|while|although|who|which|that|until|unless|as|before|after)\s/,
  )[0]!;
  const ws = main.split(/\s+/);
  const looksLikeClause =
    SUBJECTS.has(ws[0] ?? '') ||
    ws.some((w, i) => FINITE.has(w) || (i > 0 && /[a-z]ed$/.test(w) && !/eed$/.test(w)));
  if (looksLikeClause || (assumeClause && CLAUSE_VERBS.has(lemma))) {
    return { type: 'clause', x: c };
  }
  return { type: 'np', x: c };
}
