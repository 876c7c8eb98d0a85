/**
 * Who: the group's people, by every form of their names, and the roles that
 * identify one of them, compiled once per check and found in a sentence.
 */
import type { Token } from './sentences.ts';
import type { AttributionOptions } from './types.ts';
import { CONJUNCTIONS, DETERMINERS, OPENERS, TITLES } from './vocabulary.ts';

/** Roles that identify a person in any group; a leading "the" is optional. */
export const DEFAULT_ATTRIBUTION_ROLES: readonly string[] = [
  'chair',
  'vice-chair',
  'co-chair',
  'deputy chair',
  'council officer',
  'note-taker',
  'minute-taker',
  'facilitator',
  'GP',
  'practice manager',
  'carer representative',
];

export type Lexicon = {
  names: RegExp;
  roles: RegExp;
  /** Every word of every name form, to keep their capitals in suggestions. */
  nameWords: Set<string>;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileLexicon(options: AttributionOptions): Lexicon {
  const forms = new Set<string>();
  for (const person of options.people) {
    const full = person.name.trim().replace(/\s+/g, ' ');
    const parts = full.split(' ').filter((p) => p.length > 1);
    const surname = parts.length > 1 ? parts.at(-1) : undefined;
    if (full) forms.add(full);
    for (const part of parts) forms.add(part);
    for (const short of person.knownAs ?? []) {
      const known = short.trim().replace(/\s+/g, ' ');
      if (!known) continue;
      forms.add(known);
      if (surname && !known.includes(' ')) forms.add(`${known} ${surname}`);
    }
  }
  const nameList = [...forms].filter((f) => /\p{L}/u.test(f)).sort((a, b) => b.length - a.length);
  const nameWords = new Set(nameList.flatMap((f) => f.split(' ')));
  const edge = '(?![\\p{L}\\p{N}_]|[-‐‑][\\p{L}])';
  const names = nameList.length
    ? new RegExp(
        `(?<![\\p{L}\\p{N}_'’‐‑-])(?:${nameList.map(escapeRegExp).join('|')})${edge}`,
        'gu',
      )
    : /$^/gu;

  const roleList = [...DEFAULT_ATTRIBUTION_ROLES, ...(options.roles ?? [])]
    .map((r) => r.trim().replace(/^the\s+/i, ''))
    .filter((r) => /\p{L}/u.test(r))
    .sort((a, b) => b.length - a.length)
    .map((r) =>
      r
        .split(/[\s\-‐‑]+/)
        .map(escapeRegExp)
        .join('[\\s\\-‐‑]?'),
    );
  const roles = new RegExp(
    `(?<![\\p{L}\\p{N}_'’‐‑-])(?:(the|our)\\s+)?(?:${roleList.join('|')})(?:e?s)?${edge}`,
    'giu',
  );
  return { names, roles, nameWords };
}

export type Mention = {
  start: number;
  end: number;
  role: boolean;
  /** Whether "'s" (or a bare "'") follows, and where it ends. */
  possessive: boolean;
  possessiveEnd: number;
  /** First token of the mention, and the first token after it. */
  first: number;
  next: number;
};

export function findMentions(s: string, tokens: Token[], lexicon: Lexicon): Mention[] {
  const candidates: Mention[] = [];
  const add = (start: number, end: number, role: boolean) => {
    const first = tokens.findIndex((t) => t.start === start);
    if (first < 0) return;
    const tail =
      /^['’]s(?![\p{L}\p{N}])/u.exec(s.slice(end)) ??
      (s.charAt(end - 1) === 's' ? /^['’](?![\p{L}\p{N}])/u.exec(s.slice(end)) : null);
    const possessiveEnd = end + (tail?.[0].length ?? 0);
    let next = first;
    while (next < tokens.length && tokens[next]!.start < possessiveEnd) next++;
    candidates.push({ start, end, role, possessive: tail !== null, possessiveEnd, first, next });
  };

  for (const m of s.matchAll(lexicon.names)) {
    const start = m.index;
    const end = start + m[0].length;
    const first = tokens.findIndex((t) => t.start === start);
    const previous = tokens[first - 1];
    if (previous?.word) {
      if (TITLES.has(previous.text)) {
        add(previous.start, end, false);
        continue;
      }
      if (DETERMINERS.has(previous.lower)) continue;
      if (isCapitalised(previous.text) && previous.text !== 'I') {
        const sentenceInitial = first - 1 === firstWordIndex(tokens);
        if (!sentenceInitial || !OPENERS.has(previous.lower)) continue;
      }
    } else if (previous?.text === '.' && TITLES.has(tokens[first - 2]?.text ?? '')) {
      add(tokens[first - 2]!.start, end, false);
      continue;
    }
    const following = /^\s+(\p{Lu}[\p{L}'’-]*)/u.exec(s.slice(end));
    if (following && following[1] !== 'I') continue;
    add(start, end, false);
  }

  for (const m of s.matchAll(lexicon.roles)) {
    const start = m.index;
    if (m[1] === undefined) {
      const previous = tokens[tokens.findIndex((t) => t.start === start) - 1];
      if (previous?.word && !CONJUNCTIONS.has(previous.lower)) continue;
    }
    add(start, start + m[0].length, true);
  }

  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: Mention[] = [];
  for (const c of candidates) {
    const last = mentions.at(-1);
    if (last && c.start < last.possessiveEnd) continue;
    mentions.push(c);
  }
  return mentions;
}

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);

export function firstWordIndex(tokens: Token[]): number {
  return tokens.findIndex((t) => t.word);
}
