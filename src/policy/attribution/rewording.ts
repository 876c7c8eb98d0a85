/**
 * Rewording: the neutral opening for each kind of view ("A view was expressed
 * that ...", "Concerns were raised that ...", "One view was that ..."), and the
 * sentence put back together around it.
 */
import { capitalise } from '../words.ts';
import { classify, type Complement, type Predicate } from './grammar.ts';
import { findMentions, type Lexicon, type Mention } from './lexicon.ts';
import { tokenize, type Span, type Token } from './sentences.ts';
import {
  DETERMINERS,
  OPENERS,
  PLURAL_VIEW_NOUNS,
  SUBJECTS,
  words,
  type Category,
} from './vocabulary.ts';

export function joinLead(head: string, x: string): string {
  if (!x) return head;
  return /^[,:;]/.test(x) ? `${head}${x}` : `${head} ${x}`;
}

/** The neutral opening for a kind of view and what follows it. */
export function lead(category: Category, lemma: string, negated: boolean, c: Complement): string {
  const { type, x } = c;
  const j = joinLead;
  const clause = type === 'that' || type === 'clause';
  if (negated) {
    if (clause) return j('doubts were expressed about whether', x);
    if (type === 'wh') return j('doubts were expressed about', x);
    if (type === 'to') return j('there was reluctance to', x);
    if (type === 'empty') return 'reservations were expressed';
    if (type === 'quote') return j('reservations were expressed:', x);
    return j('reservations were expressed about', x);
  }
  if (type === 'quote') {
    const openings: Partial<Record<Category, string>> = {
      concern: 'concerns were raised:',
      question: 'a question was raised:',
      suggestion: 'it was suggested:',
    };
    const opening = openings[category];
    return j(opening ?? 'a view was expressed:', x);
  }
  switch (category) {
    case 'of_view':
      if (clause) return j('one view was that', x);
      return lead('view', lemma, negated, c);
    case 'concern':
      if (clause || type === 'reason') return j('concerns were raised that', x);
      if (type === 'empty') return 'concerns were raised';
      if (type === 'to') return j('concerns were raised about having to', x);
      return j('concerns were raised about', x);
    case 'objection':
      if (clause) return j('an objection was raised that', x);
      if (type === 'empty') return 'an objection was raised';
      return j('an objection was raised to', x);
    case 'suggestion':
      if (clause) return j('it was suggested that', x);
      if (type === 'to') return j('a suggestion was made to', x);
      if (type === 'about') return j('suggestions were made about', x);
      if (type === 'empty') return 'a suggestion was made';
      if (/^\p{L}+ing\b/u.test(x)) return `${x} was suggested`;
      return j('it was suggested that there should be', type === 'np' ? x : `${type} ${x}`);
    case 'question':
      if (type === 'wh') return j('a question was raised about', x);
      if (clause) return j('a question was raised about whether', x);
      if (type === 'for') return j('a request was made for', x);
      if (type === 'empty') return 'a question was raised';
      return j('a question was raised about', x);
    case 'doubt':
      if (clause) return j('doubts were expressed about whether', x);
      if (type === 'empty') return 'doubts were expressed';
      return j('doubts were expressed about', x);
    case 'wish':
    case 'preference':
    case 'hope':
    case 'request': {
      const noun = {
        wish: 'a wish',
        preference: 'a preference',
        hope: 'a hope',
        request: 'a request',
      }[category];
      const verb = category === 'request' ? 'was made' : 'was expressed';
      if (clause) return j(`${noun} ${verb} that`, x);
      if (type === 'to') return j(`${noun} ${verb} to`, x);
      if (type === 'about') return j('views were expressed about', x);
      if (type === 'empty') return `${noun} ${verb}`;
      return j(`${noun} ${verb} for`, x);
    }
    case 'support':
      if (type === 'with' || type === 'about') return j('satisfaction was expressed with', x);
      if (clause) return j('support was expressed for the view that', x);
      if (type === 'empty') return 'support was expressed';
      return j('support was expressed for', x);
    case 'praise':
      return type === 'empty' ? 'praise was expressed' : j('praise was expressed for', x);
    case 'opposition':
      if (clause) return j('opposition was expressed to the view that', x);
      if (type === 'empty') return 'opposition was expressed';
      return j('opposition was expressed to', x);
    case 'criticism':
      return type === 'empty' ? 'criticism was expressed' : j('criticism was expressed of', x);
    case 'agree':
      if (clause) return j('a view was expressed that', x);
      if (type === 'reason') return j('agreement was expressed, on the grounds that', x);
      if (type === 'empty') return 'agreement was expressed';
      if (type === 'about' || type === 'wh') return j('agreement was expressed about', x);
      return j('agreement was expressed with', x);
    case 'disagree':
      if (clause) return j('a view was expressed disagreeing that', x);
      if (type === 'reason') return j('disagreement was expressed, on the grounds that', x);
      if (type === 'empty') return 'disagreement was expressed';
      if (type === 'about' || type === 'wh') return j('disagreement was expressed about', x);
      return j('disagreement was expressed with', x);
    case 'raise':
      return raised(c);
    case 'express':
      return expressed(lemma, c);
    case 'view':
      if (clause || type === 'reason') return j('a view was expressed that', x);
      if (type === 'empty') return 'a view was expressed';
      if (type === 'to') return j('a wish was expressed to', x);
      if (type === 'about') return j('views were expressed about', x);
      return j('a view was expressed about', x);
  }
}

function raised(c: Complement): string {
  const { type, x } = c;
  if (type === 'that' || type === 'clause') {
    const head = /^(?:concerns?|worries)\s+(?:that\s+)?/i.exec(x);
    if (head) return joinLead('concerns were raised that', x.slice(head[0].length));
  }
  if (type === 'empty') return 'a point was raised';
  if (type === 'wh' || type === 'about') return joinLead('a point was raised about', x);
  const concern = /^(?:(?:some|strong|serious|real|several)\s+)?(?:concerns?|worries)\b\s*/i.exec(
    x,
  );
  if (concern) {
    const rest = x.slice(concern[0].length);
    return /^(?:that|about|over|with|at|regarding)\b/i.test(rest)
      ? joinLead('concerns were raised', rest.replace(/^(?:over|with|at|regarding)\b/i, 'about'))
      : joinLead('concerns were raised about', rest);
  }
  const question = /^(?:an?\s+|the\s+)?questions?\s*/i.exec(x);
  if (question) return joinLead('a question was raised', x.slice(question[0].length));
  if (/^(?:the|an?)\s+(?:issue|question|matter|subject|point|problem|topic)\b/i.test(x)) {
    return `${x} was raised`;
  }
  return joinLead('a point was raised about', x);
}

const COUNTABLE = words(
  'view concern point suggestion question opinion proposal idea objection worry comment perspective preference argument belief experience story',
);

/** "Sam expressed concern about X" -> "Concern was expressed about X". */
function expressed(lemma: string, c: Complement): string {
  const participle =
    { share: 'shared', express: 'expressed', voice: 'voiced', describe: 'described' }[lemma] ??
    'expressed';
  const { type, x } = c;
  if (type === 'that' || type === 'clause') {
    const np =
      /^(?:(?:her|his|their|my|our|the|a)\s+)?(views?|concerns?|hopes?|fears?|belief)\s+that\s+/i.exec(
        x,
      );
    if (np) {
      const noun = np[1]!.toLowerCase();
      const plural = noun.endsWith('s');
      return joinLead(
        `${plural ? noun : `a ${noun}`} ${plural ? 'were' : 'was'} ${participle} that`,
        x.slice(np[0].length),
      );
    }
    if (type === 'that') return joinLead(`a view was ${participle} that`, x);
  }
  if (type === 'empty') return `a view was ${participle}`;
  if (type !== 'np' && type !== 'clause')
    return joinLead(`views were ${participle}`, `${type} ${x}`);
  const split = /^(.*?)(?=\s+(?:about|with|over|at|for|on|regarding|that|to|in|of)\b|$)/i.exec(x);
  let head = (split?.[1] ?? x).trim();
  const tail = x.slice(split?.[1]?.length ?? x.length);
  const owner = /^(?:her|his|their|my|our|your|its)\s+/i.exec(head);
  if (owner) {
    head = head.slice(owner[0].length);
    const noun = head.split(/\s+/).at(-1)?.toLowerCase() ?? '';
    if (COUNTABLE.has(noun)) head = `${/^[aeiou]/i.test(head) ? 'an' : 'a'} ${head}`;
  }
  const last = head.split(/\s+/).at(-1)?.toLowerCase() ?? '';
  const plural = /[^su]s$/.test(last);
  return `${head} ${plural ? 'were' : 'was'} ${participle}${tail}`;
}

export function rewriteSpeech(s: string, span: Span, p: Predicate, lexicon: Lexicon): string {
  const { body, punct } = splitPunct(s);
  const complement = classify(s.slice(span.end, Math.max(span.end, body.length)), p.lemma);
  const x = withoutLeadingSpeakers(complement.x, lexicon);
  const text = lead(p.category, p.lemma, p.negated, { ...complement, x });
  const prefix = s.slice(0, span.start).replace(/\bboth\s+$/i, '');
  return assemble(prefix, text, punct);
}

/** "agreed with Priya about X" -> "agreement was expressed with this view about X". */
function withoutLeadingSpeakers(x: string, lexicon: Lexicon): string {
  const tokens = tokenize(x);
  const mentions = findMentions(x, tokens, lexicon);
  let end = 0;
  let i = 0;
  for (const m of mentions) {
    if (m.possessive) break;
    const between = x.slice(end, m.start).trim();
    if (i === 0 ? between !== '' : !/^(?:,|and|&|, and)$/.test(between)) break;
    end = m.end;
    i++;
  }
  return i === 0 ? x : `this view${x.slice(end)}`;
}

/** "Sam's view was that X" -> "One view was that X"; "discussed Sam's idea" -> "discussed an idea". */
export function withoutPossessive(s: string, m: Mention, noun: Token): string {
  const before = s.slice(0, m.start);
  const after = s.slice(m.possessiveEnd).replace(/^\s+/, '');
  const atStart = before.trim() === '' || /,\s*$/.test(before);
  const plural = PLURAL_VIEW_NOUNS.has(noun.lower);
  const article = /^[aeiou]/i.test(after) ? 'an' : 'a';
  const determiner = plural ? (atStart ? 'some' : '') : atStart ? 'one' : article;
  const joined = `${before}${determiner ? `${determiner} ` : ''}${after}`;
  return before.trim() === '' ? capitalise(joined) : joined;
}

/** Take "according to Sam" (and its comma) out; the rest is "One view was that ...". */
export function withoutFrame(s: string, start: number, end: number, lexicon: Lexicon): string {
  let before = s.slice(0, start);
  let after = s.slice(end);
  if (/,\s*$/.test(before) && /^\s*,/.test(after)) {
    before = before.replace(/,\s*$/, '');
    after = after.replace(/^\s*,/, '');
  } else if (/^\s*,/.test(after) && before.trim() === '') {
    after = after.replace(/^\s*,/, '');
  } else if (/,\s*$/.test(before)) {
    before = before.replace(/,\s*$/, '');
  }
  const { body, punct } = splitPunct(`${before.trimEnd()} ${after.trimStart()}`.trim());
  const rest = body.trim().replace(/\s{2,}/g, ' ');
  if (!rest) return `One view was expressed${punct}`;
  return `One view was that ${lowerFirstSafe(rest.replace(/^that\s+/i, ''), lexicon)}${punct}`;
}

export function splitPunct(s: string): { body: string; punct: string } {
  const m = /[.!?…]+["'”’)\]]*\s*$|["”’]\s*$/u.exec(s);
  const punct = m?.[0].trim() ?? '';
  return { body: m ? s.slice(0, m.index) : s.trimEnd(), punct };
}

function assemble(prefix: string, text: string, punct: string): string {
  if (prefix.trim() === '') return `${capitalise(text)}${punct}`;
  return `${prefix}${text}${punct}`;
}

/** Lower the first letter unless it starts a name, an acronym, "I" or a proper noun. */
export function lowerFirstSafe(x: string, lexicon: Lexicon): string {
  const m = /^([\p{L}][\p{L}'’-]*)(\s+\p{Lu})?/u.exec(x);
  if (!m) return x;
  const word = m[1]!;
  const lower = word.toLowerCase();
  const common = OPENERS.has(lower) || DETERMINERS.has(lower) || SUBJECTS.has(lower);
  if (word === 'I' || /^I['’]/.test(word) || (m[2] && !common)) return x;
  if (word.length > 1 && word.slice(1) !== word.slice(1).toLowerCase()) return x;
  if (lexicon.nameWords.has(word) || MONTHS_AND_DAYS.test(word)) return x;
  return x.charAt(0).toLowerCase() + x.slice(1);
}

const MONTHS_AND_DAYS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
