import { distance } from 'fastest-levenshtein';
import {
  ACRONYMS,
  firstKey,
  DEFAULT_ROLES,
  GENERIC_ROLE_WORDS,
  NAME_WORDS,
  ORGANISATION_SYNONYMS,
  TITLES,
} from './words.ts';
import type { AttributionOptions, AttributionPerson } from './types.ts';

/** Common short forms of first names, beyond the first letters of the name itself. */
const SHORT_FORMS: Record<string, readonly string[]> = {
  william: ['Will', 'Bill', 'Billy', 'Liam'],
  robert: ['Rob', 'Bob', 'Bobby', 'Robbie'],
  elizabeth: ['Liz', 'Beth', 'Lizzie', 'Betty'],
  margaret: ['Maggie', 'Peggy', 'Meg'],
  richard: ['Rich', 'Rick', 'Dick'],
  catherine: ['Kate', 'Cath', 'Cathy'],
  katherine: ['Kate', 'Kath', 'Kathy', 'Katie'],
  jennifer: ['Jen', 'Jenny'],
  alexander: ['Alex', 'Sandy'],
  alexandra: ['Alex', 'Sandra'],
  christopher: ['Chris'],
  christine: ['Chris', 'Chrissie'],
  michael: ['Mike', 'Mick', 'Mikey'],
  deborah: ['Debbie', 'Deb'],
  patricia: ['Pat', 'Tricia', 'Trish'],
  patrick: ['Pat', 'Paddy'],
  susan: ['Sue', 'Susie'],
  anthony: ['Tony'],
  edward: ['Ed', 'Eddie', 'Ted'],
  james: ['Jim', 'Jimmy', 'Jamie'],
  joseph: ['Joe', 'Joey'],
  josephine: ['Jo', 'Josie'],
  joanne: ['Jo'],
  joanna: ['Jo'],
  thomas: ['Tom', 'Tommy'],
  daniel: ['Dan', 'Danny'],
  matthew: ['Matt'],
  nicholas: ['Nick', 'Nicky'],
  rebecca: ['Becky', 'Becca'],
  victoria: ['Vicky', 'Tori'],
  abigail: ['Abi', 'Abby'],
  samuel: ['Sam', 'Sammy'],
  samantha: ['Sam', 'Sammy'],
  benjamin: ['Ben'],
  jonathan: ['Jon', 'Jonny'],
  stephen: ['Steve'],
  steven: ['Steve'],
  david: ['Dave'],
  andrew: ['Andy', 'Drew'],
  gregory: ['Greg'],
  frederick: ['Fred', 'Freddie'],
  harold: ['Harry'],
  henry: ['Harry', 'Hal'],
  philip: ['Phil'],
  timothy: ['Tim'],
  zachary: ['Zac', 'Zach'],
};

/** What else the server knows about a person: their role, job and organisation. */
export type PersonDetails = Pick<AttributionPerson, 'role' | 'jobTitle' | 'organisation' | 'leads'>;

/**
 * A person as the check knows them: full name, first name, surname, the usual
 * short forms of the first name (Samantha: Sam), the names they say they go
 * by on their account page, and their role, job and organisation. The server
 * builds the group's people with it, and so does the evaluation
 * (`npm run eval:attribution`).
 */
export function attributionPerson(
  name: string,
  knownAs: readonly string[],
  details: PersonDetails = {},
): AttributionPerson {
  const parts = nameWords(name);
  const first = parts[0] ?? '';
  const names = new Set<string>();
  if (parts.length > 1) {
    names.add(first);
    names.add(parts[parts.length - 1]!);
  }
  for (const short of SHORT_FORMS[first.toLowerCase()] ?? []) names.add(short);
  for (const other of knownAs) names.add(other);
  return { name, knownAs: [...names], ...details };
}

/** The words of a name without its title: "Dr Grace Okonkwo" → Grace, Okonkwo. */
function nameWords(name: string): string[] {
  const parts = name.split(/\s+/).filter(Boolean);
  while (parts.length > 1 && TITLES.has(parts[0]!.toLowerCase().replace(/\.$/, ''))) parts.shift();
  return parts;
}

/** One of the group's people, compiled for matching. */
export type KnownPerson = { index: number; name: string };

/** A phrase for a role, job or organisation, and who it can mean. */
export type RolePhrase = {
  phrase: string;
  people: number[];
  /** An organisation, not a post: "the Trust" publishes and consults without holding a view. */
  organisation: boolean;
};

export type People = {
  list: KnownPerson[];
  /** Lower-case name words → who they may be. */
  names: Map<string, Set<number>>;
  /** Name words of five letters or more, for near misses. */
  longNames: string[];
  /** Initials, upper case without dots: "AH", "RSG". */
  initials: Map<string, Set<number>>;
  roles: RolePhrase[];
  roleByPhrase: Map<string, RolePhrase>;
  /** Role phrases by their first word, each as one expression anchored where it is tried. */
  roleStarts: Map<string, RegExp>;
  /** Words already compared with the names, and what they matched. */
  nearMisses: Map<string, Set<number> | null>;
};

const add = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
  const found = map.get(key);
  if (found) found.add(value);
  else map.set(key, new Set([value]));
};

const compiled = new WeakMap<AttributionOptions, People>();

/**
 * Compiled groups by what they hold: the server builds fresh options for each
 * check (each pause in typing), and compiling a group of 1,000 people costs
 * tens of milliseconds where the check itself costs one. The few groups most
 * recently checked are kept; any change to a person's names, role, job or
 * organisation is a different key.
 */
const recent = new Map<string, People>();
const RECENT_GROUPS = 32;

/** The group's people as the check matches them; compiled once per group as it stands. */
export function compilePeople(options: AttributionOptions): People {
  const cached = compiled.get(options);
  if (cached) return cached;
  const key = JSON.stringify([options.people, options.roles ?? []]);
  const known = recent.get(key);
  if (known) {
    recent.delete(key);
    recent.set(key, known);
    compiled.set(options, known);
    return known;
  }
  const result = compileAfresh(options);
  recent.set(key, result);
  if (recent.size > RECENT_GROUPS) recent.delete(recent.keys().next().value!);
  return result;
}

function compileAfresh(options: AttributionOptions): People {
  const names = new Map<string, Set<number>>();
  const initials = new Map<string, Set<number>>();
  const phrases = new Map<string, Set<number>>();
  const organisations = new Set<string>();
  const notOrganisations = new Set<string>();
  const list: KnownPerson[] = [];
  options.people.forEach((person, index) => {
    list.push({ index, name: person.name });
    const words = nameWords(person.name);
    const forms = [...words, ...(person.knownAs ?? [])];
    for (const form of forms) {
      for (const part of form.split(/[\s-]+/)) {
        if (part.length >= 2) add(names, part.toLowerCase(), index);
      }
      if (form.includes('-')) add(names, form.toLowerCase(), index);
    }
    const surname = words.at(-1) ?? '';
    const initialOf = (w: string) => w.charAt(0).toUpperCase();
    if (words.length > 1) {
      add(initials, words.map(initialOf).join(''), index);
      add(initials, initialOf(words[0]!) + initialOf(surname), index);
      for (const known of person.knownAs ?? []) {
        if (!known.includes(' ')) add(initials, initialOf(known) + initialOf(surname), index);
      }
    }
    for (const { phrase, organisation } of rolePhrases(person)) {
      add(phrases, phrase, index);
      if (organisation) organisations.add(phrase);
      else notOrganisations.add(phrase);
    }
  });
  for (const role of [...DEFAULT_ROLES, ...(options.roles ?? [])]) {
    const key = role.toLowerCase().replace(/^the\s+/, '');
    if (!phrases.has(key)) phrases.set(key, new Set([-1]));
  }
  const roles = [...phrases].map(([phrase, people]) => ({
    phrase,
    people: [...people],
    organisation: organisations.has(phrase) && !notOrganisations.has(phrase),
  }));
  const byLength = [...roles].sort((a, b) => b.phrase.length - a.phrase.length);
  const escape = (s: string) =>
    s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+');
  const startGroups = new Map<string, string[]>();
  for (const r of byLength) {
    const key = firstKey(r.phrase);
    startGroups.set(key, [...(startGroups.get(key) ?? []), escape(r.phrase)]);
  }
  const roleStarts = new Map(
    [...startGroups].map(([key, list]) => [
      key,
      new RegExp(`(?:${list.join('|')})(?![\\p{L}\\p{N}])`, 'iuy'),
    ]),
  );
  const result: People = {
    list,
    names,
    longNames: [...names.keys()].filter((n) => n.length >= 5),
    initials,
    roles,
    roleByPhrase: new Map(roles.map((r) => [r.phrase.replace(/[\s-]+/g, ' '), r])),
    roleStarts,
    nearMisses: new Map(),
  };
  return result;
}

/** The people a word may be: exactly, in any case, or a near miss of a capitalised word. */
export function peopleNamed(people: People, word: string, capital: boolean): Set<number> | null {
  const lower = word.toLowerCase().replace(/[’']s$/, '');
  const exact = people.names.get(lower);
  if (exact) return !capital && NAME_WORDS.has(lower) ? null : exact;
  if (!capital || lower.length < 5 || ACRONYMS.has(lower)) return null;
  if (people.nearMisses.has(lower)) return people.nearMisses.get(lower)!;
  const found = nearMiss(people, lower);
  people.nearMisses.set(lower, found);
  return found;
}

function nearMiss(people: People, lower: string): Set<number> | null {
  for (const known of people.longNames) {
    if (Math.abs(known.length - lower.length) > 2) continue;
    const allowed = lower.length >= 7 && known.length >= 6 ? 2 : 1;
    if (known.charAt(0) !== lower.charAt(0) && allowed === 1) continue;
    if (distance(known, lower) <= allowed) return people.names.get(known)!;
    // Two letters swapped: "Pryia" for Priya.
    if (
      known.length === lower.length &&
      [...known].sort().join('') === [...lower].sort().join('') &&
      distance(known, lower) <= 2
    )
      return people.names.get(known)!;
  }
  return null;
}

/** The people whose initials these are: "AH", "W.C.", "(RSG)". */
export function peopleWithInitials(people: People, word: string): Set<number> | null {
  const letters = word.replace(/\./g, '');
  if (!/^\p{Lu}{2,4}$/u.test(letters)) return null;
  return people.initials.get(letters) ?? null;
}

/** Phrases that point to this person by what they do: role, job, organisation, working group. */
function rolePhrases(person: AttributionPerson): { phrase: string; organisation: boolean }[] {
  const own = new Set<string>();
  const ofOrganisation = new Set<string>();
  let out = own;
  const role = person.role?.toLowerCase().trim();
  if (role && role !== 'member' && role !== 'professional member') {
    out.add(role);
    if (role.includes('-')) out.add(role.replace(/-/g, ' '));
  }
  for (const group of person.leads ?? []) {
    const g = group.toLowerCase().trim();
    const short = g.replace(/\s*working group$/, '').replace(/\s*group$/, '');
    out.add(`${g} lead`);
    out.add(`lead of the ${g}`);
    out.add(`lead for the ${g}`);
    out.add(`lead for ${short}`);
    out.add(`${short} lead`);
    out.add('working group lead');
  }
  for (const source of [person.jobTitle, person.organisation]) {
    if (!source) continue;
    out = source === person.organisation && source !== person.jobTitle ? ofOrganisation : own;
    for (const part of source.split(/,|\(|\)|\band\b|\bin\b|\bfor\b/i)) {
      const words = part.trim().replace(/[’']/g, "'").split(/\s+/).filter(Boolean);
      // Every ending of the phrase: "Northfield Council" → "Northfield Council", "Council".
      for (let i = 0; i < words.length; i++) {
        const tail = words.slice(i);
        const phrase = tail.join(' ').toLowerCase();
        const acronym = tail
          .filter((w) => /^\p{Lu}/u.test(w) && !['and', 'of'].includes(w))
          .map((w) => w.charAt(0))
          .join('');
        if (acronym.length >= 2 && tail.length >= 2) out.add(acronym.toLowerCase());
        const generic = tail.every((w) => GENERIC_ROLE_WORDS.has(w.toLowerCase()));
        if (generic && (i > 0 || tail.length === 1)) continue;
        out.add(phrase);
      }
      // Beginnings of two words or more: "Citizens Advice Pontybran" → "Citizens Advice".
      for (let i = 2; i < words.length; i++) {
        const head = words.slice(0, i);
        if (!['and', 'of', 'the', 'in', 'for'].includes(head.at(-1)!.toLowerCase()))
          out.add(head.join(' ').toLowerCase());
      }
      // A job's own words: "Consultant Psychiatrist" → "consultant"; "Practice Manager" → "practice mgr".
      if (out === own) {
        for (const w of words)
          if (!GENERIC_ROLE_WORDS.has(w.toLowerCase()) && w.length > 2) out.add(w.toLowerCase());
        for (const p of [...out]) if (p.includes('manager')) out.add(p.replace('manager', 'mgr'));
      }
      // First and last words: "Library Services Manager" → "library manager".
      if (words.length >= 3) out.add(`${words[0]} ${words.at(-1)}`.toLowerCase());
      // The name before "in": "Mind in Northfield" → "Mind".
      const lower = words.join(' ').toLowerCase();
      for (const [pattern, synonyms] of Object.entries(ORGANISATION_SYNONYMS)) {
        if (lower.replace(/'/g, '').includes(pattern)) for (const s of synonyms) out.add(s);
      }
    }
    const before = /^(.+?)\s+in\s+/i.exec(source);
    if (before) out.add(before[1]!.toLowerCase());
  }
  return [
    ...[...own].map((phrase) => ({ phrase, organisation: false })),
    ...[...ofOrganisation]
      .filter((p) => !own.has(p))
      .map((phrase) => ({ phrase, organisation: true })),
  ];
}
