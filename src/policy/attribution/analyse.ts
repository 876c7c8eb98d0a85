/**
 * One sentence at a time: who is mentioned (mentions), and whether a view is
 * tied to them (links). A paragraph's earlier sentences give pronouns their
 * person.
 */
import type { Sentence, Token } from './nlp.ts';
import { peopleNamed, peopleWithInitials, type People } from './people.ts';
import {
  ACRONYMS,
  ACTION_VERBS,
  AVAILABILITY,
  BY_VERBS,
  CLAUSE_OPENERS,
  CLAUSE_VIEW_VERBS,
  MAIN_BODY,
  NON_VIEW_VERBS,
  PERSON_NOUNS,
  SMALL_COUNT,
  TITLES,
  VIEW_ADJECTIVES,
  VIEW_NOUNS,
  VIEW_SIGNALS,
  VIEW_VERBS,
} from './words.ts';
import type { AttributionKind, AttributionLevel } from './types.ts';

export type Mention = {
  /** Token range [first, last] in the sentence. */
  first: number;
  last: number;
  kind: AttributionKind;
  level: AttributionLevel;
  /** Who, as the reader would name them. */
  who: string;
  /** The people it may be (indexes into the group's people); guests have none. */
  people: number[];
  possessive: boolean;
  /** A role that is an organisation: it does things without holding a view. */
  organisation?: boolean;
};

export type Finding = {
  start: number;
  end: number;
  who: string;
  kind: AttributionKind;
  level: AttributionLevel;
  /** The mention's tokens, for the rewording. */
  mention: Mention;
};

const BE = new Set(['be', 'is', 'was', 'were', 'are', "'s", '’s', 'am', "'m", 'been', 'being']);
const HAVE = new Set(['have', 'has', 'had', "'ve", "'d"]);
const MODALS = new Set([
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  "'ll",
  'wo',
  'ca',
]);
const NEGATION = new Set(['not', "n't", 'never', 'no', 'nt']);
const DO = new Set(['do', 'does', 'did']);
const SKIPPABLE = new Set([
  'v',
  'v.',
  'dead',
  'lowkey',
  'literally',
  'basically',
  'kinda',
  'totally',
  'defo',
  'proper',
  '+',
  'also',
  'both',
  'too',
  'all',
  'personally',
  'then',
  'again',
  'still',
  'just',
  'really',
  'strongly',
  'clearly',
  'firmly',
  'initially',
  'later',
  'afterwards',
  'however',
  'himself',
  'herself',
  'themselves',
  'myself',
  'again',
  'very',
  'quite',
  'particularly',
  'originally',
  'already',
  'certainly',
  'definitely',
  'openly',
  'repeatedly',
  'emphatically',
]);
const QUOTES = /^["“”„]$/;
/** Adverbs that are the main word after a modal: "would rather", "won't back". */
const MAIN_ADVERBS = new Set(['rather', 'sooner', 'back']);
const DASHES = /^[-–—]+$/;
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their']);
const DETERMINERS = new Set([
  'the',
  'our',
  'their',
  'your',
  'its',
  'this',
  'that',
  'his',
  'her',
  'my',
]);
const LINE_STARTS_NONE =
  /^\s*(?:actions?|ap|present|apologies|attendees|in attendance|absent|attending|minutes|notes|agenda|declarations?(?: of interests?)?|doi)\b\s*[:–—-]?/i;
const ORGANISATION_WORDS = new Set(
  'council trust board wales health centre surgery association service services group school church club street road lane house hall court nhs university college hospital police practice team network partnership forum panel committee office department unit clinic library foundation'.split(
    ' ',
  ),
);

const isPunct = (t: Token | undefined) => !!t && t.pos === 'PUNCT';
/** After a possessive, views whatever follows them: "Rhiannon's draft letter", "the PCN's line". */
const POSSESSIVE_VIEWS = new Set([
  'draft',
  'amendment',
  'motion',
  'line',
  'call',
  'wording',
  'take',
  'thing',
]);

/** Words that make a role someone's past one: still one person. */
const FORMER = new Set(['former', 'old', 'previous', 'outgoing', 'ex', 'ex-', 'last']);

const isPossessiveMark = (t: Token | undefined) =>
  !!t && (t.text === "'s" || t.text === '’s' || t.text === "'" || t.text === '’');

/** Where quotations are: a mention inside one is someone else's words. */
function quoted(tokens: Token[]): boolean[] {
  const inside: boolean[] = [];
  let open = false;
  for (const t of tokens) {
    if (QUOTES.test(t.text)) {
      open = t.text === '“' ? true : t.text === '”' ? false : !open;
      inside.push(false);
    } else inside.push(open);
  }
  return inside;
}

/** People, guests, roles, the note-taker's "I" and pronouns in a sentence. */
export function findMentions(
  sentence: Sentence,
  text: string,
  people: People,
  before: readonly Mention[][],
): Mention[] {
  const tokens = sentence.tokens;
  const inQuote = quoted(tokens);
  const mentions: Mention[] = [];
  const taken = new Set<number>();
  const push = (m: Mention) => {
    for (let i = m.first; i <= m.last; i++) taken.add(i);
    mentions.push(m);
  };
  /** Someone named by tokens first to last, with the possessive mark after them if there is one. */
  const named = (
    first: number,
    last: number,
    kind: AttributionKind,
    level: AttributionLevel,
    who: Iterable<number>,
  ) => {
    const possessive = isPossessiveMark(tokens[last + 1]);
    push({
      first,
      last: possessive ? last + 1 : last,
      kind,
      level,
      who: text.slice(tokens[first]!.start, tokens[last]!.end),
      people: [...who],
      possessive,
    });
  };
  // Roles, jobs and organisations, longest phrase first, tried where a word starts one.
  for (let at = 0; at < tokens.length; at++) {
    const starter = people.roleStarts.get(tokens[at]!.key);
    if (!starter || (at > 0 && tokens[at - 1]!.end === tokens[at]!.start && tokens[at - 1]!.word))
      continue;
    starter.lastIndex = tokens[at]!.start;
    const match = starter.exec(text);
    if (!match || match.index + match[0].length > sentence.end) continue;
    {
      const start = match.index;
      const end = start + match[0].length;
      const first = at;
      let last = first;
      while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
      if (inQuote[first] || taken.has(first)) continue;
      const role = people.roleByPhrase.get(match[0].toLowerCase().replace(/[\s-]+/g, ' '));
      if (!role) continue;
      let det = tokens[first - 1];
      // "the former chair", "the old vice-chair", "the former PPG chair": still one person.
      let from = first;
      while (
        from - 1 >= 0 &&
        from >= first - 2 &&
        (FORMER.has(tokens[from - 1]!.lower) || /^\p{Lu}{2,5}$/u.test(tokens[from - 1]!.text)) &&
        tokens[from - 1] !== undefined
      )
        from--;
      const former = from < first && tokens.slice(from, first).some((t) => FORMER.has(t.lower));
      if (former) det = tokens[from - 1];
      // "the school's special needs coordinator": someone's role is a role too.
      const ownerDet = !!det && isPossessiveMark(det);
      const starts =
        first === 0 || (first === 1 && (isPunct(tokens[0]) || DASHES.test(tokens[0]!.text)));
      const proper = tokens[first]!.capital && tokens[first]!.pos === 'PROPN';
      const inTag = det?.text === '(' || tokens[last + 1]?.text === ')';
      const counted = !!det && SMALL_COUNT.has(det.lower);
      if (
        !(det && DETERMINERS.has(det.lower)) &&
        !starts &&
        !proper &&
        !inTag &&
        !counted &&
        !ownerDet
      )
        continue;
      // "one of the two GPs": a category, below; "both council officers" when there are two: both of them.
      const count = det && SMALL_COUNT.has(det.lower) ? det : tokens[first - 2];
      const pair =
        !!count && (count.lower === 'both' || count.lower === 'two') && role.people.length === 2;
      if (count && (SMALL_COUNT.has(count.lower) || count.lower === 'of') && !pair) continue;
      const unique = role.people.length === 1 || pair || former;
      // "the council officers", "our GP rep": the person the role stands for.
      if (
        tokens[last + 1] &&
        (PERSON_NOUNS.has(tokens[last + 1]!.lemma) || PERSON_NOUNS.has(tokens[last + 1]!.lower))
      )
        last++;
      // "the council's rep": the rep, not a possessive.
      if (
        isPossessiveMark(tokens[last + 1]) &&
        tokens[last + 2] &&
        (PERSON_NOUNS.has(tokens[last + 2]!.lemma) || PERSON_NOUNS.has(tokens[last + 2]!.lower))
      )
        last += 2;
      const possessive = isPossessiveMark(tokens[last + 1]);
      const opening = former ? from : first;
      push({
        first: det && DETERMINERS.has(det.lower) ? opening - 1 : opening,
        last: possessive ? last + 1 : last,
        kind: 'role',
        level: unique ? 'attributes' : 'may',
        who: `the ${role.phrase}`,
        people: role.people.filter((p) => p >= 0),
        possessive,
        organisation: role.organisation,
      });
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i) || inQuote[i]) continue;
    const t = tokens[i]!;
    // Title and name: "Dr Lam", "Cllr Gwenllian Hughes", "Revd. Ellis".
    if (TITLES.has(t.lower.replace(/\.$/, '')) && t.capital) {
      let j = i + 1;
      if (tokens[j]?.text === '.') j++;
      let last = -1;
      while (
        j < tokens.length &&
        tokens[j]!.capital &&
        /\p{L}/u.test(tokens[j]!.text) &&
        !ORGANISATION_WORDS.has(tokens[j]!.lower)
      ) {
        last = j;
        j++;
      }
      if (last > 0) {
        const who = new Set<number>();
        for (let k = i + 1; k <= last; k++)
          for (const p of peopleNamed(people, tokens[k]!.text, true) ?? []) who.add(p);
        named(i, last, who.size > 0 ? 'name' : 'guest', 'attributes', who);
        i = last;
        continue;
      }
    }
    // Names: consecutive words of the group's people.
    const byName =
      t.word && t.pos !== 'PUNCT'
        ? peopleNamed(people, t.text, t.capital || t.pos === 'PROPN')
        : null;
    const initials = peopleWithInitials(people, t.text);
    // "dorotas point": a possessive typed without its apostrophe.
    if (
      !byName &&
      !initials &&
      t.word &&
      t.lower.endsWith('s') &&
      VIEW_NOUNS.has(tokens[i + 1]?.lower ?? '')
    ) {
      const owner = peopleNamed(people, t.text.slice(0, -1), true);
      if (owner) {
        push({
          first: i,
          last: i,
          kind: 'name',
          level: 'attributes',
          who: t.text.slice(0, -1),
          people: [...owner],
          possessive: true,
        });
        continue;
      }
    }
    if (byName || initials) {
      let last = i;
      const who = new Set(byName ?? initials!);
      while (last + 1 < tokens.length) {
        const next = tokens[last + 1]!;
        const nextNamed = next.capital ? peopleNamed(people, next.text, true) : null;
        const joiner =
          next.text === '-' &&
          tokens[last + 2] &&
          peopleNamed(people, tokens[last + 2]!.text, true);
        if (joiner) {
          last += 2;
          continue;
        }
        if (!nextNamed) break;
        // "Steve L": a surname's initial.
        last++;
        for (const p of nextNamed) who.add(p);
      }
      if (
        tokens[last + 1] &&
        /^\p{Lu}\.?$/u.test(tokens[last + 1]!.text) &&
        tokens[last + 1]!.text !== 'I'
      )
        last++;
      // "Sam Jones": a first name joined to a surname that is not theirs is someone else.
      const other = tokens[last + 1];
      if (
        last === i &&
        byName &&
        other &&
        other.capital &&
        other.pos === 'PROPN' &&
        /^\p{L}{2,}$/u.test(other.text) &&
        !ACRONYMS.has(other.lower) &&
        !ORGANISATION_WORDS.has(other.lower)
      ) {
        named(i, i + 1, 'guest', 'attributes', []);
        i += 1;
        continue;
      }
      named(i, last, 'name', 'attributes', who);
      i = last;
      continue;
    }
    // Initials that are no one's we know, in a speaker tag: "(JP)", "- KT", "DM:".
    const bare = t.text.replace(/\./g, '');
    if (
      /^\p{Lu}{2,3}$/u.test(bare) &&
      !ACRONYMS.has(bare.toLowerCase()) &&
      speakerTagAt(tokens, i, i)
    ) {
      push({
        first: i,
        last: i,
        kind: 'guest',
        level: 'attributes',
        who: t.text,
        people: [],
        possessive: false,
      });
      continue;
    }
    // Someone from outside the group: two or more capitalised words ("Gerallt Pryce").
    if (
      t.capital &&
      t.pos === 'PROPN' &&
      !ACRONYMS.has(t.lower) &&
      !ORGANISATION_WORDS.has(t.lower)
    ) {
      let last = i;
      while (
        last + 1 < tokens.length &&
        tokens[last + 1]!.capital &&
        tokens[last + 1]!.pos === 'PROPN' &&
        !ORGANISATION_WORDS.has(tokens[last + 1]!.lower) &&
        !ACRONYMS.has(tokens[last + 1]!.lower)
      )
        last++;
      const span = last - i + 1;
      const afterWord = tokens[last + 1];
      const possessive = isPossessiveMark(afterWord);
      if (
        span >= 2 &&
        span <= 3 &&
        (i > 0 ||
          afterWord?.text === ',' ||
          afterWord?.pos === 'VERB' ||
          afterWord?.lower === 'from' ||
          afterWord?.lower === 'of')
      ) {
        named(i, last, 'guest', 'attributes', []);
        i = last;
        continue;
      }
      const short = prefixOfName(people, t.text);
      if (
        span === 1 &&
        short &&
        afterWord &&
        (afterWord.pos === 'VERB' ||
          afterWord.pos === 'AUX' ||
          possessive ||
          SKIPPABLE.has(afterWord.lower) ||
          VIEW_ADJECTIVES.has(afterWord.lower))
      ) {
        named(i, i, 'name', 'attributes', short);
        continue;
      }
      const plainWord =
        t.lemma !== t.lower ||
        MAIN_BODY.has(t.lower) ||
        [
          'others',
          'some',
          'several',
          'most',
          'many',
          'few',
          'all',
          'everyone',
          'nobody',
          'someone',
        ].includes(t.lower);
      if (
        span === 1 &&
        !plainWord &&
        (i > 0 ? !tokens[i - 1]!.capital : true) &&
        (afterWord?.pos === 'VERB' || possessive)
      ) {
        named(i, i, 'guest', 'may', []);
        continue;
      }
      i = last;
      continue;
    }
    // The note-taker: "I", "my view".
    if (t.text === 'I' || (t.lower === 'my' && i + 1 < tokens.length)) {
      push({
        first: i,
        last: i,
        kind: 'note_taker',
        level: 'attributes',
        who: 'the note-taker',
        people: [],
        possessive: t.lower === 'my',
      });
      continue;
    }
    // "The former thought …", "the latter was blunt": one of the last two people named.
    if (
      (t.lower === 'former' || t.lower === 'latter') &&
      tokens[i - 1]?.lower === 'the' &&
      tokens[i + 1] &&
      // "the former chair" is a role; "the latter thought" (a verb wink may tag as a noun) is not.
      (!['NOUN', 'PROPN', 'ADJ'].includes(tokens[i + 1]!.pos) ||
        !!IRREGULAR[tokens[i + 1]!.lower] ||
        !!TYPOS[tokens[i + 1]!.lower])
    ) {
      const earlier = mentions.filter((m) => m.last < i - 1);
      const one = lastTwo(earlier.length > 0 ? [...before, earlier] : before, t.lower);
      if (one) {
        push({
          first: i - 1,
          last: i,
          kind: 'pronoun',
          level: one.level,
          who: one.who,
          people: one.people,
          possessive: false,
        });
        continue;
      }
    }
    // Pronouns for someone named earlier in the paragraph.
    if (SUBJECT_PRONOUNS.has(t.lower) || POSSESSIVE_PRONOUNS.has(t.lower)) {
      const earlier = mentions.filter((m) => m.last < i && m.kind !== 'note_taker');
      const antecedent = nearestPeople(earlier.length > 0 ? [earlier] : before);
      if (!antecedent) continue;
      const they = t.lower === 'they' || t.lower === 'their';
      if (they && antecedent.count !== 1) continue;
      push({
        first: i,
        last: i,
        kind: 'pronoun',
        level: antecedent.count === 1 && !they ? 'attributes' : 'may',
        who: antecedent.who,
        people: antecedent.people,
        possessive: POSSESSIVE_PRONOUNS.has(t.lower),
      });
    }
  }
  return mentions.sort((a, b) => a.first - b.first);
}

/** A short form of a first name: "Rav" for Ravi, "Si" for Siobhan. */
function prefixOfName(people: People, word: string): Set<number> | null {
  if (!/^\p{Lu}\p{Ll}{1,3}$/u.test(word)) return null;
  const lower = word.toLowerCase();
  for (const [name, who] of people.names) {
    if (name.length > lower.length && name.startsWith(lower)) return who;
    // "Vron" for Veronica: the short form's letters in order, from the first.
    if (lower.length >= 3 && name.length >= 6 && name[0] === lower[0] && isSubsequence(lower, name))
      return who;
  }
  return null;
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const c of long) if (c === short[at]) at++;
  return at === short.length;
}

/** "The former" or "the latter": of the nearest sentence naming two or more people, the last two. */
function lastTwo(before: readonly Mention[][], which: string): Mention | null {
  for (let s = before.length - 1; s >= 0; s--) {
    const named: Mention[] = [];
    for (const m of before[s]!) {
      if (m.kind === 'note_taker' || m.people.length === 0) continue;
      if (named.some((n) => n.who === m.who)) continue;
      named.push(m);
    }
    if (named.length >= 2) return which === 'former' ? named.at(-2)! : named.at(-1)!;
  }
  return null;
}

/** The people in the nearest earlier sentence that names anyone. */
function nearestPeople(
  before: readonly Mention[][],
): { count: number; who: string; people: number[] } | null {
  for (let s = before.length - 1; s >= 0; s--) {
    const named = before[s]!.filter((m) => m.kind !== 'note_taker' && m.level === 'attributes');
    if (named.length === 0) continue;
    const keys = new Set(
      named.map((m) => (m.people.length === 1 ? `p${m.people[0]}` : m.who.toLowerCase())),
    );
    return {
      count: keys.size,
      who: named.map((m) => m.who).join(' or '),
      people: named.flatMap((m) => m.people),
    };
  }
  return null;
}

/**
 * A speaker tag around tokens [first, last]: "Olena: …", "[Kwame] …",
 * "… (KA)", "… — Marek", "Sam (EHCP lead): …", "— Aled: …".
 */
function speakerTagAt(tokens: Token[], first: number, last: number): boolean {
  let start = first;
  if (
    start > 0 &&
    (tokens[start - 1]!.text === '[' ||
      tokens[start - 1]!.text === '(' ||
      DASHES.test(tokens[start - 1]!.text))
  )
    start--;
  let end = last;
  if (tokens[end + 1]?.text === ']' || tokens[end + 1]?.text === ')') end++;
  // "Q (Olena): …", "A (Dr Okonkwo): …": a tag in brackets before a colon.
  if (tokens[start]?.text === '(' && (tokens[end]?.text === ')' || tokens[end + 1]?.text === '):'))
    if (
      tokens[end + 1]?.text === ':' ||
      tokens[end + 1]?.text === '):' ||
      tokens[end]?.text === '):'
    )
      return true;
  // A timestamp first: "[19:42] Jordan F: …".
  if (start > 0 && tokens.slice(0, start).every((t) => !t.word || /^\d/.test(t.text))) start = 0;
  // Sentence start, then ":" or "]" (possibly after a role in brackets).
  if (start === 0) {
    let j = end + 1;
    if (tokens[j]?.text === '(') {
      while (j < tokens.length && !tokens[j]!.text.startsWith(')')) j++;
      if (tokens[j]?.text === '):') return true;
      j++;
    }
    if (tokens[j]?.text === ':' || (tokens[start]!.text === '[' && tokens[end]!.text === ']'))
      return true;
    if (DASHES.test(tokens[start]!.text) && (tokens[j]?.text === ',' || tokens[j]?.text === ':'))
      return true;
    if (tokens[start]!.text === '[' || DASHES.test(tokens[j]?.text ?? ''))
      return tokens[end]!.text === ']' || DASHES.test(tokens[j]?.text ?? '');
  }
  // Sentence end, after a bracket or dash.
  let k = end + 1;
  while (k < tokens.length && isPunct(tokens[k]) && !/^[([]$/.test(tokens[k]!.text)) k++;
  if (k >= tokens.length && start > 0) {
    const opener = tokens[start]!.text;
    return opener === '(' || DASHES.test(opener) || opener === '[';
  }
  return false;
}

export type Link = 'view' | 'action' | null;

/** A to-do line: "- [ ] Dan: ask HR …", "[x] KH – quote for the loop". */
const CHECKBOX = /^\s*(?:[-*•]\s*)?(?:\[[ xX✓]?\]|☐|☑|✅)/;

/** What the chair says to run the meeting, or chat about getting there and connected: never a view, even under a speaker tag. Matched against the tokens joined by spaces ("let 's", "ca n't"). */
const CHAIRING =
  /\b(?:let ['’]s (?:take|move|start|begin|break|stop|come back|get going|crack on)|move on|moving on|over to you|(?:take|have) (?:a|ten|five|fifteen|\d+) ?(?:minute|min)s?|keep to (?:the )?agenda|phones? on silent|on my way|running late|bus is late|stuck in traffic|can you hear me|on mute|sorry I['’]m late|be there in|link (?:to|is)|in the chat|my camera|my mic|I['’]m here|ca n['’]t hear|lost (?:the )?connection|dropped out|shall we (?:move|start|begin|take|break)|before we (?:start|begin)|come back for item|next item|welcome (?:back|everyone)|can we (?:keep|stick) to)\b/i;

const INTENSIFIERS = new Set(
  'very really so quite well totally completely firmly dead much strongly all fully absolutely entirely utterly still clearly'.split(
    ' ',
  ),
);

/**
 * A person in a list or table of positions: "Merging: Dr Lam – 'open to it';
 * Karen – neutral", "Cash – Zara: yes; Dan: can't promise", "| Delroy | bin
 * store | wants it moved |". A name after the dash ("Jan – Kwame;") is an
 * assignment, not a position; so is a row of actions.
 */
function listedView(tokens: Token[], m: Mention): Link {
  const prev = tokens[m.first - 1];
  const next = tokens[m.last + 1];
  if (prev?.text === '|' && next?.text === '|') {
    const rest = tokens.slice(m.last + 2);
    const view = rest.some(
      (t) =>
        QUOTES.test(t.text) ||
        t.text === "'" ||
        t.text === '‘' ||
        ['should', 'wants', 'want', 'wanted', 'thinks', 'feels'].includes(t.lower) ||
        VIEW_SIGNALS.has(t.lower),
    );
    return view ? 'view' : null;
  }
  if (!tokens.some((t) => t.text === ';')) return null;
  const opens = !prev || prev.text === ';' || prev.text === ':' || DASHES.test(prev.text);
  const tags = next && (next.text === ':' || DASHES.test(next.text));
  if (!opens || !tags) return null;
  const first = tokens[m.last + 2];
  if (!first || first.text === ';') return null;
  return ACTION_VERBS.has(first.lemma) && first.pos === 'VERB' ? 'action' : 'view';
}

/** A chat export's speaker: "From Dorota Nowak to Everyone 19:21: …", "Teams: Yusuf Ali 7:16 PM — …". */
function chatTag(tokens: Token[], m: Mention): boolean {
  const prev = tokens[m.first - 1];
  const after = tokens.slice(m.last + 1, m.last + 6).map((t) => t.text);
  if (prev?.lower === 'from' && m.first === 1 && /^to$/i.test(after[0] ?? '')) return true;
  const lead = tokens.slice(0, m.first);
  if (
    lead.length > 0 &&
    lead.length <= 2 &&
    lead.at(-1)!.text === ':' &&
    /^\d{1,2}[:.]\d{2}/.test(after[0] ?? '')
  )
    return true;
  return false;
}

/** "T.B. & M.P. both v pro doing …": people, then a stance word, with no verb between. */
function shorthandStance(tokens: Token[], m: Mention): boolean {
  let q = m.last + 1;
  while (
    q < tokens.length &&
    q < m.last + 8 &&
    (['&', '+', 'and', 'both', 'v', 'very', 'strongly', 'totally', 'all'].includes(
      tokens[q]!.lower,
    ) ||
      /^[A-Z]\.?[A-Z]?\.?$/.test(tokens[q]!.text) ||
      /^[a-z]{2}$/.test(tokens[q]!.text))
  )
    q++;
  const w = tokens[q]?.lower ?? '';
  return (
    q > m.last + 1 &&
    (w === 'pro' || w === 'anti' || (w === 'against' && tokens[q - 1]!.lower === 'v'))
  );
}

/** "With Sam against it", "With Dr Nwosu firmly against …", "with both Jo and Rhiannon opposed". */
function withAbsolute(tokens: Token[], m: Mention): boolean {
  let p = m.first - 1;
  if (tokens[p]?.lower === 'both') p--;
  if (tokens[p]?.lower !== 'with') return false;
  let q = m.last + 1;
  // "with Jo and Rhiannon against it": the other people named are part of it.
  while (q < tokens.length && q < m.last + 6 && (tokens[q]!.lower === 'and' || tokens[q]!.capital))
    q++;
  while (q < tokens.length && INTENSIFIERS.has(tokens[q]!.lower)) q++;
  const w = tokens[q]?.lower ?? '';
  if (w === 'set' && tokens[q + 1]?.lower === 'against') return true;
  if (w === 'in' && tokens[q + 1]?.lower === 'favour') return true;
  return w === 'against' || w === 'opposed' || (VIEW_ADJECTIVES.has(w) && w !== 'right');
}

/** Verbs whose object feels the view: "the idea appealed to Xin", "it didn't impress her". */
const EXPERIENCER_VERBS = new Set(
  'impress convince persuade worry bother annoy frustrate please upset concern trouble irritate delight alarm reassure unsettle anger'.split(
    ' ',
  ),
);

function experiencer(tokens: Token[], m: Mention): boolean {
  const prev = tokens[m.first - 1];
  const prev2 = tokens[m.first - 2];
  const prev3 = tokens[m.first - 3];
  if (!prev) return false;
  // "appealed to Xin", "appeals to Sam".
  if (prev.lower === 'to' && prev2 && /^appeal/.test(prev2.lower)) return true;
  // "went down well with Eileen", "did not sit well with him", "sat right with her".
  if (
    prev.lower === 'with' &&
    (prev2?.lower === 'well' || prev2?.lower === 'right' || prev2?.lower === 'badly') &&
    prev3 &&
    ['down', 'go', 'went', 'goes', 'sit', 'sat', 'sits', 'gone'].includes(prev3.lower)
  )
    return true;
  // "didn't impress her", "it worried Sam".
  return prev.pos === 'VERB' && EXPERIENCER_VERBS.has(prev.lemma) && m.first > 1;
}

/** Motions about the meeting itself: proposing and seconding them is procedure, not a view. */
const PROCEDURE_WORDS =
  /\b(?:minutes|correct record|closed session|in camera|adjourn\w*|tea break|any other business|aob|continue past|finish(?:es)? at|close the meeting|standing orders|suspend\w*)\b/i;
const MOTION_VERBS = new Set(['propose', 'second', 'move', 'approve', 'carry', 'sign']);

const joinedSentences = new WeakMap<Token[], string>();

/** The sentence's tokens joined by spaces ("let 's", "ca n't"), worked out once per sentence. */
function joined(tokens: Token[]): string {
  let words = joinedSentences.get(tokens);
  if (words === undefined) {
    words = tokens.map((t) => t.text).join(' ');
    joinedSentences.set(tokens, words);
  }
  return words;
}

const proceduralSentences = new WeakMap<Token[], boolean>();

/** Whether the sentence is about the meeting itself; worked out once per sentence. */
function procedural(tokens: Token[]): boolean {
  let found = proceduralSentences.get(tokens);
  if (found === undefined) {
    found = PROCEDURE_WORDS.test(joined(tokens));
    proceduralSentences.set(tokens, found);
  }
  return found;
}

/** The sentence as written, from the whole text. */
const written = (tokens: Token[], text: string) =>
  tokens.length === 0 ? '' : text.slice(tokens[0]!.start, tokens.at(-1)!.end);

/** Whether a view is tied to the mention: as its subject, its possessor, its agent or its speaker tag. */
export function linkOf(tokens: Token[], m: Mention, text: string): Link {
  const prev = tokens[m.first - 1];
  const prev2 = tokens[m.first - 2];
  if (speakerTagAt(tokens, m.first, m.last)) {
    if (actionLine(tokens, m) || CHECKBOX.test(written(tokens, text))) return 'action';
    // "Room bookings: Jan – Kwame; Feb – Priya": a name after the dash in a list is who does it.
    if (
      tokens.some((t) => t.text === ';') &&
      DASHES.test(tokens[m.first - 1]?.text ?? '') &&
      (m.last === tokens.length - 1 || tokens[m.last + 1]?.text === ';') &&
      tokens
        .slice(Math.max(0, m.first - 4), m.first - 1)
        .every((t) => t.text !== '"' && !VIEW_SIGNALS.has(t.lower))
    )
      return null;
    // The chair running the meeting under their tag: "JO: over to you, Gareth".
    return CHAIRING.test(joined(tokens)) ? null : 'view';
  }
  // Lists and tables of who thought what: "Dr Lam – 'open to it'; Karen – neutral".
  const listed = listedView(tokens, m);
  if (listed) return listed;
  if (chatTag(tokens, m)) return CHAIRING.test(joined(tokens)) ? null : 'view';
  // Shorthand with no verb: "T.B. & M.P. both v pro …", "jw + rj v against".
  if (shorthandStance(tokens, m)) return 'view';
  // "With Ronnie dead set against it, …", "with both Jo and Rhiannon against it".
  if (withAbsolute(tokens, m)) return 'view';
  // Someone a view is felt by, after its verb: "appealed to Xin", "didn't go down well with Eileen".
  if (experiencer(tokens, m)) return 'view';
  // "according to Sam", "as Sam put it" (the verb, below).
  if (prev?.lower === 'to' && prev2?.lower === 'according') return 'view';
  // "concerns were raised by Priya", "a proposal from Lorraine", "the views of X".
  if (prev && (prev.lower === 'by' || prev.lower === 'from' || prev.lower === 'of')) {
    const motion = procedural(tokens);
    for (let k = m.first - 2; k >= Math.max(0, m.first - 7); k--) {
      const t = tokens[k]!;
      const participle = t.lower.replace(/(\w)\1ed$/, '$1').replace(/e?d$/, '');
      if (
        motion &&
        (MOTION_VERBS.has(t.lemma) || MOTION_VERBS.has(participle) || t.lower === 'motion')
      )
        return null;
      if (
        prev.lower === 'by' &&
        (t.pos === 'VERB' || t.pos === 'ADJ') &&
        (BY_VERBS.has(t.lemma) || BY_VERBS.has(participle) || BY_VERBS.has(`${participle}e`))
      )
        return 'view';
      if (VIEW_NOUNS.has(t.lower) && !(prev.lower === 'of' && t.lower === 'experience'))
        return 'view';
      if (t.pos === 'PUNCT') break;
    }
    // "The suggestion to hold drop-in surgeries came from Delroy."
    if (
      prev.lower === 'from' &&
      prev2 &&
      ['came', 'come', 'comes'].includes(prev2.lower) &&
      tokens.slice(0, m.first).some((t) => VIEW_NOUNS.has(t.lower))
    )
      return 'view';
  }
  // "Minutes: approved, proposed Ewa, seconded Xin": procedure.
  if (prev && MOTION_VERBS.has(prev.lemma) && procedural(tokens)) return null;
  // Inverted after a quotation: '"…," said Delroy', '"…," Kwame told the meeting'.
  if (
    prev &&
    prev.pos === 'VERB' &&
    VIEW_VERBS.has(prev.lemma) &&
    (!prev2 || prev2.text === ',' || QUOTES.test(prev2.text) || prev2.text === ':')
  )
    return 'view';
  // "Per Jamal, the staff are stretched".
  if (prev?.lower === 'per' && tokens[m.last + 1]?.text === ',') return 'view';
  // Clefts: "It was Bernie who insisted …", "It wasn't Karen but Dr Lam who argued …".
  if (
    tokens[0]?.lower === 'it' &&
    m.first <= 6 &&
    tokens.slice(1, m.first).some((t) => t.lemma === 'be') &&
    tokens[m.last + 1]?.lower === 'who'
  ) {
    const verb = tokens[m.last + 2];
    if (!verb) return null;
    if (verb.pos !== 'VERB') return 'view';
    return verbLink(tokens, m.last + 2, text) === 'view' ? 'view' : null;
  }
  // "+1 to Lorraine"
  if (prev?.lower === 'to' && prev2 && /^\+\d?$/.test(prev2.text)) return 'view';
  if (listedAfterLabel(tokens, m)) return 'view';
  // "For Jo, the real issue was …"
  if (prev?.lower === 'for' && m.first === 1 && tokens[m.last + 1]?.text === ',') return 'view';
  // A possessive and a view: "Sam's concern", "in my view", "her view was".
  if (m.possessive || (m.kind === 'pronoun' && POSSESSIVE_PRONOUNS.has(tokens[m.first]!.lower))) {
    for (let k = m.last + 1; k < Math.min(tokens.length, m.last + 6); k++) {
      const t = tokens[k]!;
      // The head of the phrase: "Sam's view", not "Mind's peer support rota".
      if (POSSESSIVE_VIEWS.has(t.lower)) return 'view';
      if (VIEW_NOUNS.has(t.lower) && tokens[k + 1]?.pos !== 'NOUN') return 'view';
      if (
        t.pos !== 'ADJ' &&
        t.pos !== 'ADV' &&
        t.pos !== 'NOUN' &&
        t.pos !== 'NUM' &&
        t.text !== '-'
      )
        break;
    }
    return null;
  }
  const link = subjectLink(tokens, m, text);
  if (link !== null) return link;
  // "Paddy was having none of it and said …", "…, and thinks the association should do more".
  for (let k = m.last + 1; k < tokens.length - 1; k++) {
    const t = tokens[k]!;
    if (t.lower !== 'and' && t.lower !== 'but') continue;
    let v = k + 1;
    while (tokens[v] && (tokens[v]!.pos === 'ADV' || SKIPPABLE.has(tokens[v]!.lower))) v++;
    const verb = tokens[v];
    if (verb && verb.pos === 'VERB' && (VIEW_ONLY.has(verb.lemma) || IRREGULAR[verb.lower]))
      return 'view';
  }
  return null;
}

const VOTE_WORDS = new Set(
  'yes no for against favour abstain abstained abstaining abstention abstentions voted vote votes hands keep prefer preferred support supported oppose opposed backed aye ayes noes nays'.split(
    ' ',
  ),
);

/** A name in a list after a label of a vote or preference: "Against: Sunil", "keep: Rachel, Hywel". */
function listedAfterLabel(tokens: Token[], m: Mention): boolean {
  let k = m.first - 1;
  while (
    k >= 0 &&
    (tokens[k]!.text === ',' ||
      tokens[k]!.lower === 'and' ||
      tokens[k]!.capital ||
      tokens[k]!.text === '.')
  )
    k--;
  if (k < 0 || (tokens[k]!.text !== ':' && !tokens[k]!.text.endsWith(':'))) return false;
  for (let q = k - 1; q >= 0 && q >= k - 6; q--) {
    const t = tokens[q]!;
    if (t.text === '|' || t.text === ';' || t.text === '.') break;
    if (VOTE_WORDS.has(t.lower) || VOTE_WORDS.has(t.lemma)) return true;
  }
  return false;
}

/** The rest of a speaker-tag line is an action: "Winston: book room for May meeting (by 20 April)". */
function actionLine(tokens: Token[], m: Mention): boolean {
  let j = m.last + 1;
  while (
    j < tokens.length &&
    (isPunct(tokens[j]) || tokens[j]!.text === ')' || DASHES.test(tokens[j]!.text))
  )
    j++;
  // A tag at the end: the action is what comes before it.
  const atStart = tokens.slice(0, m.first).every((t) => !t.word || /^\d/.test(t.text));
  if (!atStart) j = 0;
  // "I'll send …", "will book …": the owner's own future.
  while (tokens[j] && (tokens[j]!.text === 'I' || MODALS.has(tokens[j]!.lower))) j++;
  const first = tokens[j];
  if (!first) return false;
  const rest = tokens.slice(j).map((t) => t.lower);
  const due = dueDate(rest);
  // A tag line with a due date is an action log: "→ Hywel: damp inspection, by Fri 14 Feb".
  if (due && atStart) return true;
  // "✅ Sam – EHCP audit summary sent to members 4 Feb": done, with its date.
  if (due && tokens.slice(j).some((t) => t.pos === 'VERB' && ACTION_VERBS.has(t.lemma)))
    return true;
  if (first.lower === 'to' && tokens[j + 1] && ACTION_VERBS.has(tokens[j + 1]!.lemma)) return true;
  return (
    ACTION_VERBS.has(first.lemma) &&
    (first.pos === 'VERB' || first.lower === first.lemma) &&
    (due || rest.length <= 8)
  );
}

const DAYS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun half-term term weekend week month tomorrow tonight today half january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
function dueDate(words: string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (
      (w === 'by' ||
        w === 'before' ||
        w === 'until' ||
        w === 'next' ||
        w === 'w/c' ||
        w === 'from') &&
      (DAYS.has(words[i + 1] ?? '') ||
        /^\d/.test(words[i + 1] ?? '') ||
        DAYS.has(words[i + 2] ?? '') ||
        words[i + 1] === 'end' ||
        (words[i + 1] === 'the' &&
          (words[i + 2] === 'end' ||
            /^\d/.test(words[i + 2] ?? '') ||
            DAYS.has(words[i + 3] ?? ''))))
    )
      return true;
    if (w === 'asap' || w === 'tbc' || w === 'ongoing' || w === 'tonight' || w === 'tomorrow')
      return true;
    if ((w === 'by' || w === 'before') && words[i + 1] === 'next') return true;
    // "booked for 14/01", "on 3.2".
    if ((w === 'for' || w === 'on') && /^\d{1,2}[/.]\d{1,2}/.test(words[i + 1] ?? '')) return true;
    if (/^\d{1,2}(?:st|nd|rd|th)?$/.test(w) && DAYS.has(words[i + 1] ?? '')) return true;
  }
  return false;
}

/** The mention as the subject of a verb, an adjective or a vote. */
function subjectLink(tokens: Token[], m: Mention, text: string): Link {
  let j = m.last + 1;
  // Skip what stands between a subject and its verb: adverbs, "and Helen",
  // ", who …,", "(EHCP lead)", "from Public Health Wales".
  for (let guard = 0; guard < 8 && j < tokens.length; guard++) {
    const t = tokens[j]!;
    // Emoji and arrows in chat-style notes: "Hana 💯 agrees", "Leah + Maya ➡️ want".
    if (
      !t.word &&
      !/^[.,;:!?()[\]"'“”‘’/]$/.test(t.text) &&
      !DASHES.test(t.text) &&
      !/^\d/.test(t.text)
    ) {
      j++;
      continue;
    }
    if (
      SKIPPABLE.has(t.lower) ||
      (t.pos === 'ADV' && !NEGATION.has(t.lower) && !MAIN_ADVERBS.has(t.lower))
    ) {
      j++;
      continue;
    }
    if (
      (t.lower === 'and' || t.lower === '&' || t.text === ',' || t.lower === 'or') &&
      tokens[j + 1] &&
      (tokens[j + 1]!.capital || tokens[j + 1]!.text === 'I') &&
      tokens[j + 1]!.pos !== 'VERB'
    ) {
      // "Sian and Helen both had doubts": skip the other subject.
      j += 2;
      while (j < tokens.length && tokens[j]!.capital && tokens[j]!.pos === 'PROPN') j++;
      continue;
    }
    if (
      t.text === ',' &&
      tokens[j + 1] &&
      (tokens[j + 1]!.pos === 'VERB' || tokens[j + 1]!.pos === 'AUX') &&
      !tokens[j + 1]!.lower.endsWith('ing')
    ) {
      j++;
      continue;
    }
    if (t.text === ',' || t.text === '(' || DASHES.test(t.text)) {
      const close = t.text === '(' ? ')' : t.text;
      let k = j + 1;
      while (
        k < tokens.length &&
        k - j <= 16 &&
        tokens[k]!.text !== close &&
        !(close !== ',' && tokens[k]!.text === ',')
      )
        k++;
      if (k < tokens.length && k - j <= 16 && tokens[k]!.text === close && k > j + 1) {
        const opener = tokens[j + 1]!;
        if (
          t.text === '(' ||
          [
            'who',
            'the',
            'a',
            'an',
            'our',
            'their',
            'from',
            'as',
            'speaking',
            'whose',
            'which',
            'for',
            'in',
            'like',
            'being',
          ].includes(opener.lower) ||
          (opener.pos === 'VERB' && opener.lower.endsWith('ing')) ||
          opener.pos === 'PROPN' ||
          opener.pos === 'DET' ||
          opener.pos === 'ADV'
        ) {
          j = close === ',' ? k : k + 1;
          continue;
        }
      }
      break;
    }
    if (
      (t.lower === 'from' || t.lower === 'of' || t.lower === 'at') &&
      tokens[j + 1] &&
      (tokens[j + 1]!.capital || tokens[j + 1]!.lower === 'the')
    ) {
      let k = j + 1;
      while (
        k < tokens.length &&
        k - j <= 6 &&
        tokens[k]!.pos !== 'VERB' &&
        tokens[k]!.pos !== 'AUX' &&
        tokens[k]!.text !== ','
      )
        k++;
      j = k;
      continue;
    }
    break;
  }
  const after = tokens[j];
  if (!after) return null;
  // Note-speak without a verb: "Bron v angry re …", "Tomek ↑ concerned re …".
  if (after.pos === 'ADJ' && VIEW_ADJECTIVES.has(after.lower)) return 'view';
  // Action logs: "Tom to send …".
  if (
    after.lower === 'to' &&
    tokens[j + 1] &&
    (tokens[j + 1]!.pos === 'VERB' || ACTION_VERBS.has(tokens[j + 1]!.lemma))
  )
    return 'action';
  // Votes: "Dorota and Femi voted against", "Gwen abstained", "Mo and Paddy against".
  if (
    (after.lower === 'against' || after.lower === 'abstained' || after.lower === 'for') &&
    (tokens[j + 1] === undefined || isPunct(tokens[j + 1]) || tokens[j + 1]!.lower === 'and')
  )
    return 'view';
  // Auxiliaries, negation and adverbs before the main word.
  let modal = false;
  let negated = false;
  let be = false;
  let k = j;
  for (; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (
      MODALS.has(t.lower) ||
      (t.pos === 'AUX' && MODALS.has(t.lemma) && t.lemma !== 'have' && t.lemma !== 'be')
    )
      modal = true;
    // "n’t" with a curly apostrophe (phones, word processors) as well as "n't".
    else if (NEGATION.has(t.lower) || (t.pos === 'PART' && t.lemma === 'not')) negated = true;
    else if (BE.has(t.lower) || (t.pos === 'AUX' && t.lemma === 'be')) be = true;
    else if (
      HAVE.has(t.lower) &&
      tokens[k + 1] &&
      (tokens[k + 1]!.pos === 'VERB' ||
        tokens[k + 1]!.pos === 'AUX' ||
        /(?:ed|en|wn|ght)$/.test(tokens[k + 1]!.lower))
    )
      continue; // a perfect tense: "had said", "would have preferred"
    else if (DO.has(t.lower)) continue;
    else if (t.pos === 'ADV' && !MAIN_ADVERBS.has(t.lower) && !NEGATION.has(t.lower)) continue;
    else if (SKIPPABLE.has(t.lower)) continue;
    else break;
  }
  const main = tokens[k];
  if (!main) return null;
  const next = tokens[k + 1];
  const lemma = main.lemma;
  if (modal && be && main.pos === 'VERB' && main.lower.endsWith('ing') && !negated) {
    return ACTION_VERBS.has(main.lemma) && !VIEW_ONLY.has(main.lemma)
      ? 'action'
      : verbLink(tokens, k, text, !m.organisation);
  }
  if (modal) {
    if (
      main.lower === 'rather' ||
      main.lower === 'sooner' ||
      lemma === 'prefer' ||
      main.lower === 'preferred'
    )
      return 'view';
    if (lemma === 'like' || lemma === 'love') {
      return next?.lower === 'to' &&
        tokens[k + 2] &&
        (NON_VIEW_VERBS.has(tokens[k + 2]!.lemma) || ACTION_VERBS.has(tokens[k + 2]!.lemma))
        ? 'action'
        : 'view';
    }
    if (be && !negated) {
      if (AVAILABILITY.has(main.lower) || main.pos === 'ADP' || lemma === 'on') return 'action';
      if (VIEW_ADJECTIVES.has(main.lower)) return next?.lower === 'to' ? 'action' : 'view';
      return null;
    }
    if (negated) {
      if (
        AVAILABILITY.has(main.lower) ||
        AVAILABILITY.has(lemma) ||
        (lemma === 'be' && AVAILABILITY.has(next?.lower ?? ''))
      )
        return 'action';
      if (be && (main.pos === 'ADP' || AVAILABILITY.has(main.lower))) return 'action';
      return 'view';
    }
    if (VIEW_VERBS.has(lemma) && !ACTION_VERBS.has(lemma)) return 'view';
    if (ACTION_VERBS.has(lemma) || AVAILABILITY.has(lemma)) return 'action';
    if (lemma === 'be' || main.lower === 'be' || main.lower === 'have') return null;
    // "Jordan would scrap the survey": what they would do in others' place is a view.
    return main.pos === 'VERB' && !hasDueDate(tokens) ? 'view' : null;
  }
  if (be && main.pos === 'VERB' && main.lower.endsWith('ing')) {
    // "was saying", "will be arguing", "wasn't having it".
    if (main.lemma === 'have' && (next?.lower === 'none' || next?.lower === 'it')) return 'view';
    if (!modal || !ACTION_VERBS.has(main.lemma)) return verbLink(tokens, k, text, !m.organisation);
  }
  if (be && INTENSIFIERS.has(main.lower) && tokens[k + 1]) {
    // "was very much in favour", "was well up for", "was dead set against".
    let j = k;
    while (tokens[j] && INTENSIFIERS.has(tokens[j]!.lower)) j++;
    const w = tokens[j]?.lower ?? '';
    const w2 = tokens[j + 1]?.lower ?? '';
    if (
      (w === 'in' && w2 === 'favour') ||
      (w === 'up' && w2 === 'for') ||
      (w === 'for' && w2 !== 'the') ||
      (w === 'set' && w2 === 'against') ||
      w === 'against' ||
      w === 'opposed' ||
      (VIEW_ADJECTIVES.has(w) &&
        w !== 'right' &&
        !(w2 === 'to' && ACTION_VERBS.has(tokens[j + 2]?.lemma ?? '')))
    )
      return 'view';
  }
  if (be) {
    if (main.lower === 'in' && next?.lower === 'favour') return 'view';
    // "wasn't sold on", "was up for", "was all for".
    if ((main.lower === 'sold' || main.lower === 'keen') && next?.lower === 'on') return 'view';
    if (main.lower === 'up' && next?.lower === 'for') return 'view';
    if (main.lower === 'not' && next?.lower === 'sold' && tokens[k + 2]?.lower === 'on')
      return 'view';
    // "maya was like no way …", "Ewa was very of the mind that …".
    if (main.lower === 'like') return 'view';
    if (main.lower === 'of' && next?.lower === 'the' && tokens[k + 2]?.lower === 'mind')
      return 'view';
    // "was the lone voice against", "was the only one who thought".
    if (
      (main.lower === 'the' || main.lower === 'a') &&
      ['only', 'lone', 'sole', 'one', 'loudest', 'strongest', 'fiercest', 'keenest'].includes(
        next?.lower ?? '',
      )
    )
      return 'view';
    if (
      main.lower === 'of' &&
      (next?.lower === 'the' || next?.lower === 'a') &&
      VIEW_NOUNS.has(tokens[k + 2]?.lower ?? '')
    )
      return 'view';
    if (main.lower === 'against' || (main.lower === 'for' && tokens[k + 1]?.pos === 'VERB'))
      return 'view';
    if (VIEW_ADJECTIVES.has(main.lower) || (main.pos === 'ADJ' && VIEW_ADJECTIVES.has(lemma))) {
      // "was happy to help" is an offer, not a view.
      if (next?.lower === 'to' && tokens[k + 2] && ACTION_VERBS.has(tokens[k + 2]!.lemma))
        return 'action';
      return 'view';
    }
    if (main.lower === 'not' && VIEW_ADJECTIVES.has(next?.lower ?? '')) return 'view';
    // "was told", "were asked": done to them, not their view.
    return null;
  }
  if (lemma === 'have' || HAVE.has(main.lower)) {
    // "has a real bee in her bonnet about …".
    if (tokens.slice(k + 1, k + 8).some((t) => t.lower === 'bonnet')) return 'view';
    for (let q = k + 1; q < Math.min(tokens.length, k + 4); q++)
      if (VIEW_NOUNS.has(tokens[q]!.lower)) return 'view';
    return null;
  }
  if (
    main.pos !== 'VERB' &&
    main.pos !== 'AUX' &&
    (main.pos === 'ADV' || !VIEW_VERBS.has(lemma)) &&
    !IRREGULAR[main.lower] &&
    !TYPOS[main.lower] &&
    !phrasalView(main, next)
  )
    return null;
  return verbLink(tokens, k, text, !m.organisation);
}

/** A view noun heading a phrase soon after k: "took the view that", "passed on his wife's view". */
function viewNounAfter(tokens: Token[], k: number, span = 5): boolean {
  for (let q = k + 1; q < Math.min(tokens.length, k + 1 + span); q++) {
    const t = tokens[q]!;
    if (VIEW_NOUNS.has(t.lower) && tokens[q + 1]?.pos !== 'NOUN') {
      // "made no comment", "the action points", "the list of questions the council sent".
      const before = tokens[q - 1]?.lower;
      if (before === 'no' || before === 'action') return false;
      if (before === 'of' && ['list', 'set', 'number'].includes(tokens[q - 2]?.lower ?? ''))
        return false;
      return true;
    }
    if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'SCONJ') return false;
  }
  return false;
}

/** Verbs that say what someone did, not what they thought: never a view alone. */
const NEUTRAL_VERBS = new Set(
  'dial telephone laminate photocopy scan staple tidy clean paint bake cook pack label decorate fill log zoom skype facetime drop wave nip pop sign-in leave arrive join read attend visit meet go come sit stand move work live start finish return retire step hand miss use receive get see hear stay sign pay buy bring send book print collect deliver open close chair host lead run give present introduce update circulate thank welcome apologise apologize congratulate take put set keep find spend play eat drink drive walk travel phone email ring call text post upload share show'.split(
    ' ',
  ),
);

/** The main verb after a subject: a view, an action or neither. */
/** Verbs that hold a view with their particle: "came down against", "pushed back", "rounded on". */
const PHRASAL_VIEWS: Record<string, readonly string[]> = {
  come: ['down', 'out', 'round'],
  push: ['back', 'for'],
  hit: ['out'],
  speak: ['out', 'up', 'against', 'for'],
  weigh: ['in'],
  chime: ['in'],
  pipe: ['up'],
  side: ['with', 'against'],
  round: ['on'],
  stick: ['up', 'to'],
  stand: ['up', 'firm', 'by'],
  dig: ['in', 'her', 'his', 'their'],
  shoot: ['down'],
  shot: ['down'],
  pour: ['cold'],
  poured: ['cold'],
  warm: ['to'],
  let: ['slip'],
  throw: ['her', 'his', 'their'],
  threw: ['her', 'his', 'their'],
  hold: ['firm', 'out'],
  bang: ['on', 'the'],
  go: ['along'],
};

/** "came down", "rounded on" (which wink may tag as an adjective). */
function phrasalView(main: Token, next: Token | undefined): boolean {
  const base = main.lower.replace(/(\w)\1ed$/, '$1').replace(/e?d$/, '');
  const particles = PHRASAL_VIEWS[main.lemma] ?? PHRASAL_VIEWS[base] ?? PHRASAL_VIEWS[`${base}e`];
  return !!particles && !!next && particles.includes(next.lower);
}

function verbLink(tokens: Token[], k: number, _text: string, person = true): Link {
  const main = tokens[k]!;
  const lemma = VIEW_VERBS.has(main.lemma)
    ? main.lemma
    : (IRREGULAR[main.lower] ?? TYPOS[main.lower] ?? main.lower);
  const next = tokens[k + 1];
  const words = tokens.slice(k + 1, k + 6).map((t) => t.lower);
  if (lemma === 'agree' || lemma === 'agreed') {
    if (
      next?.lower === 'to' &&
      tokens[k + 2] &&
      (tokens[k + 2]!.pos === 'VERB' || ACTION_VERBS.has(tokens[k + 2]!.lemma))
    )
      return 'action';
    return 'view';
  }
  if (lemma === 'thank' || NON_VIEW_VERBS.has(lemma) || NON_VIEW_VERBS.has(main.lemma)) {
    // "took the view that", "gave her view that".
    if (viewNounAfter(tokens, k, 7)) return 'view';
    // "welcomed the plan" is a view; "welcomed Olena back", "welcomed two new members" are not.
    if (
      lemma === 'welcome' &&
      next &&
      ['the', 'this', 'these', 'that', 'his', 'her', 'their'].includes(next.lower) &&
      tokens
        .slice(k + 2, k + 5)
        .some((t) => t.pos === 'NOUN' && !PERSON_NOUNS.has(t.lemma) && !MAIN_BODY.has(t.lemma))
    )
      return 'view';
    if (
      (lemma === 'introduce' || lemma === 'present' || lemma === 'update') &&
      words.some((w) => CLAUSE_OPENERS.has(w) && w !== 'the')
    )
      return words.includes('that') ? 'view' : null;
    return null;
  }
  // Proposing, moving or seconding a motion about the meeting itself is procedure;
  // "moved that the group formally object …" is a view.
  if (MOTION_VERBS.has(lemma) && procedural(tokens)) return null;
  if (main.lemma === 'move' && next?.lower === 'that') return 'view';
  // "proposed taking items 6 and 7 together": procedure.
  if (
    (lemma === 'propose' || lemma === 'suggest') &&
    !!next &&
    next.lower.endsWith('ing') &&
    tokens.some((t) => ['item', 'items', 'agenda'].includes(t.lower))
  )
    return null;
  if (
    lemma === 'ask' &&
    next &&
    ['if', 'whether'].includes(next.lower) &&
    ['the', 'we', 'everyone', 'anyone', 'members', 'they'].includes(tokens[k + 2]?.lower ?? '') &&
    tokens.slice(k + 2, k + 6).some((t) => ['could', 'can', 'would', 'might'].includes(t.lower))
  )
    return null;
  if (lemma === 'ask' || /^(?:en|in)quir/.test(main.lower)) {
    // "asked when the newsletter goes out", "asked what time it opens": a plain question.
    if (
      next &&
      (next.lower === 'when' ||
        next.lower === 'where' ||
        (next.lower === 'what' &&
          ['time', 'date', 'day', 'room'].includes(tokens[k + 2]?.lower ?? '')) ||
        (next.lower === 'as' && tokens[k + 2]?.lower === 'to')) &&
      !tokens.slice(k + 2).some((t) => VIEW_SIGNALS.has(t.lower))
    )
      return null;
  }
  if (lemma === 'ask') {
    if (
      next &&
      ['whether', 'if'].includes(next.lower) &&
      ['anyone', 'everyone', 'there', 'any', 'people', 'members'].includes(
        tokens[k + 2]?.lower ?? '',
      )
    )
      return null;
    if (
      next &&
      ['whether', 'why', 'if', 'how', 'what', 'when', 'about', 'that', 'who', 'where'].includes(
        next.lower,
      )
    )
      return 'view';
    if (words.slice(0, 3).some((w) => ['whether', 'why', 'if', 'how', 'what'].includes(w)))
      return 'view';
    return null;
  }
  if (['remind', 'add', 'warn'].includes(main.lemma) && tokens.some((t) => QUOTES.test(t.text)))
    return 'view';
  if (CLAUSE_VIEW_VERBS.has(lemma)) {
    if (lemma === 'point' && next?.lower === 'out') return 'view';
    if (lemma === 'share' && tokens.slice(k + 1, k + 5).some((t) => VIEW_NOUNS.has(t.lower)))
      return 'view';
    if (words.slice(0, 4).some((w) => CLAUSE_OPENERS.has(w) || w === ':' || QUOTES.test(w)))
      return 'view';
    return null;
  }
  if (VIEW_VERBS.has(lemma)) {
    // "said she would book the room": an action in reported speech.
    if (lemma === 'say' || lemma === 'tell' || lemma === 'confirm') {
      let q = k + 1;
      if (lemma === 'tell')
        while (
          q < tokens.length &&
          q < k + 4 &&
          tokens[q]!.lower !== 'that' &&
          tokens[q]!.pos !== 'PRON'
        )
          q++;
      if (tokens[q]?.lower === 'that') q++;
      const subj = tokens[q];
      const aux = tokens[q + 1];
      const verb = tokens[q + 2];
      const willDo =
        aux &&
        (aux.lower === 'would' ||
          aux.lower === 'will' ||
          aux.lower === "'ll" ||
          (aux.lower === "'d" && verb?.lower === verb?.lemma));
      if (
        subj &&
        (subj.pos === 'PRON' || subj.capital) &&
        willDo &&
        verb &&
        ACTION_VERBS.has(verb.lemma) &&
        !VIEW_ONLY.has(verb.lemma)
      )
        return 'action';
      if (
        subj &&
        subj.pos === 'PRON' &&
        aux &&
        (aux.lower === 'would' || aux.lower === 'will') &&
        tokens[q + 2]?.lower === 'be' &&
        AVAILABILITY.has(tokens[q + 3]?.lower ?? '')
      )
        return 'action';
    }
    if (ACTION_VERBS.has(lemma) && !VIEW_ONLY.has(lemma)) {
      // "Sam raised the point that …" is a view; "Sam raised it with the council" an action.
      if (
        tokens
          .slice(k + 1, k + 5)
          .some((t) => VIEW_NOUNS.has(t.lower) || CLAUSE_OPENERS.has(t.lower))
      )
        return 'view';
      return lemma === 'raise' || lemma === 'call' || lemma === 'question' || lemma === 'challenge'
        ? 'view'
        : null;
    }
    return 'view';
  }
  // "took the view that", "made the case for", "passed on his wife's view".
  if (viewNounAfter(tokens, k, 7)) return 'view';
  // "came down against", "pushed back on", "sided with", "spoke up for".
  if (phrasalView(main, next)) return 'view';
  // "emailed to say", "rang to complain".
  if (
    next?.lower === 'to' &&
    ['say', 'complain', 'ask', 'argue', 'object', 'insist', 'point'].includes(
      tokens[k + 2]?.lemma ?? '',
    )
  )
    return 'view';
  if (!person) return null;
  // "came down against", "pushed back on", "rounded on": a verb the check does
  // not know, said of someone in the past or present, with no errand or date in
  // sight, is taken as what they held.
  if (
    main.pos === 'VERB' &&
    !NEUTRAL_VERBS.has(main.lemma) &&
    !ACTION_VERBS.has(main.lemma) &&
    /(?:ed|s)$/.test(main.lower) &&
    main.lower !== main.lemma &&
    !hasDueDate(tokens)
  )
    return 'view';
  return null;
}

/** Typed in a hurry: "sed", "thnks". */
const TYPOS: Record<string, string> = {
  sed: 'say',
  sez: 'say',
  sayd: 'say',
  thnk: 'think',
  thnks: 'think',
  thinkz: 'think',
  fel: 'feel',
  felt: 'feel',
  wnts: 'want',
  wants: 'want',
  agrees: 'agree',
};

/** Past forms wink sometimes tags as nouns or adjectives ("both felt"). */
const IRREGULAR: Record<string, string> = {
  felt: 'feel',
  thought: 'think',
  said: 'say',
  told: 'tell',
  argued: 'argue',
  believed: 'believe',
  wanted: 'want',
  preferred: 'prefer',
  suggested: 'suggest',
  insisted: 'insist',
};

/** View verbs that are never an errand. */
const VIEW_ONLY = new Set([
  'tell',
  'say',
  'feel',
  'think',
  'believe',
  'argue',
  'object',
  'oppose',
  'prefer',
  'insist',
  'worry',
  'doubt',
  'reckon',
  'support',
  'back',
]);

const RELATIVES = new Set([
  'who',
  'whose',
  'that',
  'with',
  'from',
  'on',
  'in',
  'at',
  'living',
  'whom',
]);

/** "One of the two GPs", "someone from the council", "the member who works nights". */
export function categoryAt(tokens: Token[]): { first: number; last: number } | null {
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.lower;
    const n1 = tokens[i + 1]?.lower;
    const n2 = tokens[i + 2]?.lower;
    const n3 = tokens[i + 3]?.lower;
    if (
      (w === 'one' ||
        w === 'two' ||
        w === 'both' ||
        w === 'either' ||
        w === 'neither' ||
        w === 'some') &&
      n1 === 'of' &&
      (n2 === 'the' || n2 === 'our' || n2 === 'them')
    ) {
      if (n2 === 'them') return { first: i, last: i + 2 };
      // "one of the members" is the group itself; "one of the two GPs", "one of the NHS staff" is not.
      let q = i + 3;
      // "one of the forum's Urdu-speaking parents"
      if (tokens[q + 1] && isPossessiveMark(tokens[q + 1])) q += 2;
      while (
        q < tokens.length &&
        (tokens[q]!.pos === 'ADJ' ||
          tokens[q]!.pos === 'NUM' ||
          tokens[q]!.pos === 'PROPN' ||
          tokens[q]!.text === '-' ||
          SMALL_COUNT.has(tokens[q]!.lower) ||
          tokens[q + 1]?.text === '-')
      )
        q++;
      const noun = tokens[q]?.lower ?? '';
      const counted = SMALL_COUNT.has(n3 ?? '') || tokens[i + 3]?.pos === 'NUM';
      if (
        counted ||
        q > i + 3 ||
        !MAIN_BODY.has(noun) ||
        (tokens[q + 1] && RELATIVES.has(tokens[q + 1]!.lower))
      )
        return { first: i, last: Math.min(q, tokens.length - 1) };
    }
    if (w === 'a' && n1 === 'couple' && n2 === 'of') return { first: i, last: i + 2 };
    if ((w === 'someone' || w === 'somebody') && RELATIVES.has(n1 ?? ''))
      return { first: i, last: i + 1 };
    // "A member who has a son on Ward 7", "a dad who works shifts", "a carer from the Sikh community".
    if ((w === 'a' || w === 'an') && i <= 1) {
      let q = i + 1;
      while (
        q < tokens.length &&
        q <= i + 3 &&
        (tokens[q]!.pos === 'ADJ' || tokens[q]!.text === '-') &&
        !PERSON_NOUNS.has(tokens[q]!.lower)
      )
        q++;
      if (tokens[q] && (PERSON_NOUNS.has(tokens[q]!.lower) || tokens[q]!.lower === 'young')) {
        if (tokens[q]!.lower === 'young' && tokens[q + 1]) q++;
        if (tokens[q + 1] && RELATIVES.has(tokens[q + 1]!.lower)) return { first: i, last: q + 1 };
      }
    }
    if (
      (w === 'both' || w === 'the') &&
      SMALL_COUNT.has(n1 ?? '') &&
      n1 !== 'couple' &&
      tokens.slice(i + 2, i + 5).some((t) => PERSON_NOUNS.has(t.lemma) || PERSON_NOUNS.has(t.lower))
    )
      return { first: i, last: i + 2 };
    if (w === 'the') {
      let q = i + 1;
      while (
        q < tokens.length &&
        q <= i + 3 &&
        (tokens[q]!.pos === 'ADJ' ||
          tokens[q]!.pos === 'NOUN' ||
          tokens[q]!.pos === 'PROPN' ||
          tokens[q]!.pos === 'NUM') &&
        !PERSON_NOUNS.has(tokens[q]!.lower)
      )
        q++;
      const noun = tokens[q];
      if (noun && PERSON_NOUNS.has(noun.lower)) {
        const rel = tokens[q + 1]?.lower;
        const adj = tokens[i + 1]!;
        if (rel && ['who', 'whose', 'that', 'from', 'with'].includes(rel))
          return { first: i, last: q };
        if (
          [
            'newest',
            'youngest',
            'oldest',
            'only',
            'other',
            'new',
            'longest-serving',
            'former',
          ].includes(adj.lower) &&
          q > i + 1
        )
          return { first: i, last: q };
      }
    }
  }
  return null;
}

/** Whether a sentence carries a view even without a subject: "there was frustration". */
export function hasViewSignal(tokens: Token[]): boolean {
  return tokens.some(
    (t) =>
      VIEW_SIGNALS.has(t.lower) ||
      (t.pos === 'VERB' && VIEW_ONLY.has(t.lemma) && t.lemma !== 'say' && t.lemma !== 'tell'),
  );
}

/** Lines that list people or actions: "Present: …", "Apologies: …", "ACTION Tom — …". */
export function neutralLine(text: string, sentence: Sentence): boolean {
  return LINE_STARTS_NONE.test(
    text.slice(sentence.start, Math.min(sentence.end, sentence.start + 40)),
  );
}

/** A due date in the sentence: actions with one are always allowed. */
export function hasDueDate(tokens: Token[]): boolean {
  return dueDate(tokens.map((t) => t.lower));
}
