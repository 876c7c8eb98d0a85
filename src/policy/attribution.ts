/**
 * C6, notes under the Chatham House Rule: "notes of meetings will reflect the
 * discussion", and never say who held which view. Before notes are published,
 * this check finds the places where a view is tied to one of the group's
 * people, or to a role that identifies one, and offers the sentence reworded.
 *
 * The rules, in short:
 * - A speaker is one of the group's people, by full name, first name, surname
 *   or a short form they are known by (matched case-sensitively, as a proper
 *   noun), or a role phrase such as "the chair". Nobody else counts: "we",
 *   "the group", "members" and "a carer" are already neutral, a report or a
 *   policy is not a person, and a name from outside the group is not checked.
 * - A view is attributed when the speaker is the subject of a verb of saying,
 *   thinking or feeling ("Sam felt", "the chair strongly believes", "Jo was
 *   not convinced"), when a possessive names a view ("Sam's concern", "in the
 *   chair's opinion"), or in "according to Sam" and "as Sam put it".
 * - What people will do is not a view: "Sam to send", "Sam will raise it",
 *   "Sam agreed to book the room", "Jo said she would send it", and the lines
 *   that list owners and attendance ("Action:", "Present:", "Apologies:").
 * - Names that are also words ("Will", "Mark", "Hope", "Rose", "Bill") need
 *   that grammar to count, which the lowercase word never has; a name joined
 *   to another capitalised word ("Rose Court", "Sam Jones", "Health Bill") is
 *   someone or something else.
 *
 * The suggestion rewords the whole sentence ("A view was expressed that ...",
 * "Concerns were raised that ...", "One view was that ..."), and is itself
 * checked until nothing in it is attributed.
 */
import { capitalise } from './words.ts';

export type AttributionPerson = {
  /** The full name, e.g. 'Samantha Okafor'. */
  name: string;
  /** Short forms the person goes by, e.g. ['Sam']. */
  knownAs?: readonly string[];
};

export type AttributionKind = 'name_speech' | 'role_speech' | 'possessive' | 'according_to';

export type AttributionFlag = {
  /** UTF-16 offsets of the attributing span in the text. */
  start: number;
  end: number;
  /** The span itself: "Sam felt", "the chair's opinion", "according to Jo". */
  text: string;
  /** The name or role phrase found. */
  who: string;
  kind: AttributionKind;
  /** The whole sentence, reworded so that no view is attributed. */
  suggestion: string;
  sentence: { start: number; end: number };
};

export type AttributionOptions = {
  people: readonly AttributionPerson[];
  /** Role phrases on top of DEFAULT_ATTRIBUTION_ROLES, e.g. 'the Healthwatch lead'. */
  roles?: readonly string[];
};

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

type Span = { start: number; end: number };

/** Find every sentence that attributes a view, with a neutral rewording of each. */
export function checkAttribution(text: string, options: AttributionOptions): AttributionFlag[] {
  const lexicon = compileLexicon(options);
  const flags: AttributionFlag[] = [];
  for (const sentence of splitNoteSentences(text)) {
    const source = text.slice(sentence.start, sentence.end);
    const findings = analyseSentence(source, lexicon);
    if (findings.length === 0) continue;
    const suggestion = neutralise(source, lexicon);
    for (const f of findings) {
      const start = sentence.start + f.start;
      const end = sentence.start + f.end;
      flags.push({
        start,
        end,
        text: text.slice(start, end),
        who: f.who,
        kind: f.kind,
        suggestion,
        sentence: { start: sentence.start, end: sentence.end },
      });
    }
  }
  return flags;
}

// ---------------------------------------------------------------------------
// Sentences

const ABBREVIATIONS = new Set(
  'dr mr mrs ms mx prof st cllr rev no nos vs approx dept govt tel ext fig ref jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun'.split(
    ' ',
  ),
);
const BULLET = /^(?:[-*+•‣◦]|\d{1,3}[.)]|[a-z][.)]|#{1,6}|>)[ \t]+/;

/**
 * Sentences of notes, as offsets: a new line or a Markdown bullet starts one;
 * within a line, `.`, `!` or `?` ends one when followed by a space and a
 * capital (or the end of the line), except after "Dr.", "e.g." and the like.
 * Bullet markers are left out of the sentence.
 */
export function splitNoteSentences(text: string): Span[] {
  const spans: Span[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end > start) spans.push({ start, end });
  };
  for (const line of text.matchAll(/[^\r\n]+/g)) {
    const lineEnd = line.index + line[0].length;
    let start = line.index;
    while (start < lineEnd && /[ \t]/.test(text.charAt(start))) start++;
    for (let bullet = BULLET.exec(text.slice(start, lineEnd)); bullet;) {
      start += bullet[0].length;
      bullet = BULLET.exec(text.slice(start, lineEnd));
    }
    let p = start;
    while (p < lineEnd) {
      if (!'.!?…'.includes(text.charAt(p))) {
        p++;
        continue;
      }
      let q = p + 1;
      while (q < lineEnd && '.!?…'.includes(text.charAt(q))) q++;
      while (q < lineEnd && `"'”’)]*_`.includes(text.charAt(q))) q++;
      if (q >= lineEnd) break;
      if (!/\s/.test(text.charAt(q))) {
        p = q;
        continue;
      }
      let r = q;
      while (r < lineEnd && /\s/.test(text.charAt(r))) r++;
      const next = text.charAt(r);
      const ends = r >= lineEnd || /[\p{Lu}\p{N}"“‘'([*•]/u.test(next);
      if (ends && !(text.charAt(p) === '.' && isAbbreviation(text.slice(start, p)))) {
        push(start, q);
        start = r;
      }
      p = r;
    }
    push(start, lineEnd);
  }
  return spans;
}

function isAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1];
  if (!word) return false;
  return word.includes('.') || /^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

// ---------------------------------------------------------------------------
// Words

type Token = { text: string; lower: string; start: number; end: number; word: boolean };

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  for (const m of s.matchAll(/([\p{L}\p{N}]+(?:[-'’‐‑][\p{L}\p{N}]+)*)|([^\s\p{L}\p{N}])/gu)) {
    tokens.push({
      text: m[0],
      lower: m[0].toLowerCase().replaceAll('’', "'"),
      start: m.index,
      end: m.index + m[0].length,
      word: m[1] !== undefined,
    });
  }
  return tokens;
}

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

type Category =
  | 'view'
  | 'of_view'
  | 'concern'
  | 'objection'
  | 'suggestion'
  | 'question'
  | 'doubt'
  | 'wish'
  | 'preference'
  | 'hope'
  | 'request'
  | 'support'
  | 'praise'
  | 'opposition'
  | 'criticism'
  | 'agree'
  | 'disagree'
  | 'raise'
  | 'express';

/** What a verb needs after it to be a view rather than a task or a fact. */
type Needs = 'clause' | 'about' | 'shared' | 'any';

type VerbForm = { lemma: string; category: Category; form: 'base' | 'present' | 'past' | 'ing' };

/** [base, third person, past, -ing, category, what it needs]. */
const VERBS: [string, string, string, string, Category, Needs?][] = [
  ['say', 'says', 'said', 'saying', 'view'],
  ['feel', 'feels', 'felt', 'feeling', 'view'],
  ['think', 'thinks', 'thought', 'thinking', 'view'],
  ['believe', 'believes', 'believed', 'believing', 'view'],
  ['reckon', 'reckons', 'reckoned', 'reckoning', 'view'],
  ['argue', 'argues', 'argued', 'arguing', 'view'],
  ['state', 'states', 'stated', 'stating', 'view'],
  ['note', 'notes', 'noted', 'noting', 'view'],
  ['insist', 'insists', 'insisted', 'insisting', 'view'],
  ['claim', 'claims', 'claimed', 'claiming', 'view'],
  ['assert', 'asserts', 'asserted', 'asserting', 'view'],
  ['comment', 'comments', 'commented', 'commenting', 'view'],
  ['mention', 'mentions', 'mentioned', 'mentioning', 'view'],
  ['remark', 'remarks', 'remarked', 'remarking', 'view'],
  ['observe', 'observes', 'observed', 'observing', 'view', 'clause'],
  ['stress', 'stresses', 'stressed', 'stressing', 'view'],
  ['emphasise', 'emphasises', 'emphasised', 'emphasising', 'view'],
  ['emphasize', 'emphasizes', 'emphasized', 'emphasizing', 'view'],
  ['highlight', 'highlights', 'highlighted', 'highlighting', 'view'],
  ['add', 'adds', 'added', 'adding', 'view', 'clause'],
  ['explain', 'explains', 'explained', 'explaining', 'view', 'clause'],
  ['maintain', 'maintains', 'maintained', 'maintaining', 'view', 'clause'],
  ['reply', 'replies', 'replied', 'replying', 'view', 'clause'],
  ['respond', 'responds', 'responded', 'responding', 'view', 'clause'],
  ['recall', 'recalls', 'recalled', 'recalling', 'view', 'clause'],
  ['reflect', 'reflects', 'reflected', 'reflecting', 'view', 'clause'],
  ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging', 'view', 'clause'],
  ['admit', 'admits', 'admitted', 'admitting', 'view', 'clause'],
  ['accept', 'accepts', 'accepted', 'accepting', 'view', 'clause'],
  ['concede', 'concedes', 'conceded', 'conceding', 'view', 'clause'],
  ['reiterate', 'reiterates', 'reiterated', 'reiterating', 'view', 'clause'],
  ['tell', 'tells', 'told', 'telling', 'view', 'clause'],
  ['remind', 'reminds', 'reminded', 'reminding', 'view', 'clause'],
  ['describe', 'describes', 'described', 'describing', 'express', 'shared'],
  ['speak', 'speaks', 'spoke', 'speaking', 'view', 'about'],
  ['talk', 'talks', 'talked', 'talking', 'view', 'about'],
  ['share', 'shares', 'shared', 'sharing', 'express', 'shared'],
  ['express', 'expresses', 'expressed', 'expressing', 'express'],
  ['voice', 'voices', 'voiced', 'voicing', 'express'],
  ['raise', 'raises', 'raised', 'raising', 'raise'],
  ['point', 'points', 'pointed', 'pointing', 'view'],
  ['worry', 'worries', 'worried', 'worrying', 'concern'],
  ['fear', 'fears', 'feared', 'fearing', 'concern'],
  ['complain', 'complains', 'complained', 'complaining', 'concern'],
  ['warn', 'warns', 'warned', 'warning', 'concern'],
  ['object', 'objects', 'objected', 'objecting', 'objection'],
  ['suggest', 'suggests', 'suggested', 'suggesting', 'suggestion'],
  ['propose', 'proposes', 'proposed', 'proposing', 'suggestion'],
  ['recommend', 'recommends', 'recommended', 'recommending', 'suggestion'],
  ['urge', 'urges', 'urged', 'urging', 'suggestion'],
  ['question', 'questions', 'questioned', 'questioning', 'question'],
  ['ask', 'asks', 'asked', 'asking', 'question'],
  ['query', 'queries', 'queried', 'querying', 'question'],
  ['wonder', 'wonders', 'wondered', 'wondering', 'question'],
  ['doubt', 'doubts', 'doubted', 'doubting', 'doubt'],
  ['want', 'wants', 'wanted', 'wanting', 'wish'],
  ['wish', 'wishes', 'wished', 'wishing', 'wish'],
  ['prefer', 'prefers', 'preferred', 'preferring', 'preference'],
  ['hope', 'hopes', 'hoped', 'hoping', 'hope'],
  ['request', 'requests', 'requested', 'requesting', 'request'],
  ['support', 'supports', 'supported', 'supporting', 'support'],
  ['welcome', 'welcomes', 'welcomed', 'welcoming', 'support'],
  ['like', 'likes', 'liked', 'liking', 'support'],
  ['endorse', 'endorses', 'endorsed', 'endorsing', 'support'],
  ['favour', 'favours', 'favoured', 'favouring', 'support'],
  ['back', 'backs', 'backed', 'backing', 'support'],
  ['praise', 'praises', 'praised', 'praising', 'praise'],
  ['oppose', 'opposes', 'opposed', 'opposing', 'opposition'],
  ['reject', 'rejects', 'rejected', 'rejecting', 'opposition'],
  ['dispute', 'disputes', 'disputed', 'disputing', 'opposition'],
  ['challenge', 'challenges', 'challenged', 'challenging', 'opposition'],
  ['dislike', 'dislikes', 'disliked', 'disliking', 'opposition'],
  ['criticise', 'criticises', 'criticised', 'criticising', 'criticism'],
  ['criticize', 'criticizes', 'criticized', 'criticizing', 'criticism'],
  ['agree', 'agrees', 'agreed', 'agreeing', 'agree'],
  ['disagree', 'disagrees', 'disagreed', 'disagreeing', 'disagree'],
];

const VERB_FORMS = new Map<string, VerbForm>();
const NEEDS = new Map<string, Needs>();
for (const [base, present, past, ing, category, needs] of VERBS) {
  NEEDS.set(base, needs ?? 'any');
  VERB_FORMS.set(base, { lemma: base, category, form: 'base' });
  VERB_FORMS.set(present, { lemma: base, category, form: 'present' });
  VERB_FORMS.set(past, { lemma: base, category, form: 'past' });
  VERB_FORMS.set(ing, { lemma: base, category, form: 'ing' });
}

/** Verbs whose object is normally a clause: "Sam felt the plan was rushed". */
const CLAUSE_VERBS = words(
  'say feel think believe reckon argue state insist claim assert observe add explain maintain reply respond recall reflect acknowledge admit concede reiterate tell remind worry fear warn hope wish agree disagree doubt',
);
/** Verbs that take a person before their clause: "told the group that ...". */
const OBJECT_VERBS = words('tell remind warn ask question query urge');

/** "made the point that", "made it clear that", "gave her view". */
const PHRASES: { verbs: Set<string>; tail: string[]; category: Category }[] = [
  ...(
    [
      [['the', 'point'], 'view'],
      [['a', 'point'], 'view'],
      [['the', 'case'], 'view'],
      [['the', 'argument'], 'view'],
      [['it', 'clear'], 'view'],
      [['clear'], 'view'],
      [['a', 'comment'], 'view'],
      [['a', 'suggestion'], 'suggestion'],
      [['a', 'proposal'], 'suggestion'],
      [['a', 'request'], 'request'],
      [['a', 'complaint'], 'concern'],
    ] as const
  ).map(([tail, category]) => ({ verbs: words('made makes make'), tail: [...tail], category })),
  ...['her', 'his', 'their', 'a', 'the'].flatMap((owner) =>
    ['view', 'views', 'opinion'].map((noun) => ({
      verbs: words('gave gives give'),
      tail: [owner, noun],
      category: 'view' as Category,
    })),
  ),
];

/** Adjectives that state a view after "was", "is", "seemed", "felt". */
const ATTITUDES = new Map<string, Category>();
for (const [category, list] of [
  [
    'concern',
    'concerned worried anxious unhappy disappointed frustrated upset angry annoyed uncomfortable uneasy sceptical skeptical doubtful unconvinced nervous fearful alarmed dissatisfied troubled distressed surprised shocked',
  ],
  [
    'support',
    'happy pleased content comfortable supportive positive enthusiastic glad satisfied delighted reassured encouraged impressed grateful',
  ],
  ['wish', 'keen eager hopeful desperate'],
  ['view', 'clear adamant sure certain convinced confident firm insistent'],
  ['opposition', 'opposed hostile resistant reluctant critical'],
] as const) {
  for (const w of list.split(' ')) ATTITUDES.set(w, category);
}
/** "happy to help", "willing to lead": an offer, not a view. */
const OFFER_ADJECTIVES = words('happy willing able available pleased glad delighted content');

const BE = words(
  "was were is are am be been being wasn't isn't weren't aren't remains remained seemed seems appeared appears became becomes sounded sounds",
);
const PASSIVE_BE = words("was were is are am be been being wasn't isn't weren't aren't");
const AUX = words(
  "has have had did does do would could might may hasn't haven't hadn't didn't doesn't don't wouldn't couldn't",
);
const NEGATIONS = words(
  "not never didn't doesn't don't wasn't isn't weren't aren't hasn't haven't hadn't wouldn't couldn't",
);
/** Words between a person and a verb that make it a task or a plan, not a view. */
const BLOCKERS = words(
  "will shall won't to can cannot can't must should shouldn't need needs going offered volunteered",
);
const ADVERBS = words(
  'also then too still again both all later initially further already once very quite rather just always often sometimes personally originally previously particularly really briefly first however therefore though even only similarly instead likewise subsequently immediately herself himself themselves itself generally broadly clearly strongly firmly repeatedly openly rightly understandably honestly frankly specifically separately afterwards earlier now ever each',
);
const NOT_ADVERBS = words(
  'early family elderly likely unlikely lonely friendly daily weekly monthly yearly quarterly hourly supply reply apply july italy ally rally fly rely comply imply multiply holy ugly silly lovely costly timely orderly assembly anomaly lily emily holly sally kelly bully belly jelly curly chilly jolly deadly',
);

function isAdverb(lower: string): boolean {
  if (ADVERBS.has(lower)) return true;
  return lower.length > 4 && lower.endsWith('ly') && !NOT_ADVERBS.has(lower);
}

/** Nouns that name a view in "Sam's view", "the chair's concern". */
const VIEW_NOUNS = words(
  'view views opinion opinions concern concerns position positions point points feeling feelings suggestion suggestions idea ideas worry worries objection objections proposal proposals preference preferences argument arguments belief beliefs perspective perspectives fear fears complaint complaints criticism criticisms comment comments thought thoughts impression impressions reservation reservations doubt doubts stance take question questions',
);
const PLURAL_VIEW_NOUNS = new Set([...VIEW_NOUNS].filter((w) => w.endsWith('s')));
const FRAME_NOUNS = words(
  'view opinion words eyes mind experience judgement judgment estimation perspective viewpoint',
);

const TITLES = words(
  'Dr Mr Mrs Ms Mx Miss Prof Professor Cllr Councillor Nurse Sister Rev Reverend Sir Dame Lady Lord',
);
/** A name after one of these is a thing, not a person: "the Bill", "her Will". */
const DETERMINERS = words('the a an our their his her its my your every each any no');
/** Capitalised words that may open a sentence just before a name. */
const OPENERS = words(
  'later then also however here yesterday today finally again initially overall next separately similarly meanwhile afterwards instead otherwise lastly first firstly secondly thirdly still but and so when while although though if as because since after before once until whereas both only even now there at in on during by for from with without of to i monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december',
);
const CONJUNCTIONS = words('and but then while when although though so as because whereas or');

/**
 * Lines that list attendance, owners and dates name people without giving
 * their views: "Present: ...", "Apologies: ...", "Action: Sam to ...".
 */
const LABEL_LINE =
  /^\s*(?:\*\*|__)?\s*(?:present|apologies|attendees|attendance|in attendance|also present|also attending|absent|guests?|invited|actions?|action points?|agreed actions?|owners?|leads?|responsible|due|by whom|chair(?:ed by)?|vice[-‐‑ ]?chair|co[-‐‑ ]?chair|note[-‐‑ ]?taker|minute[-‐‑ ]?taker|notes taken by|minutes taken by|facilitator|date of next meeting|next meeting)(?:\s*\([^)]{0,60}\))?\s*(?:\*\*|__)?\s*[:–—-]/i;

// ---------------------------------------------------------------------------
// Who: the group's people and roles

type Lexicon = {
  names: RegExp;
  roles: RegExp;
  /** Every word of every name form, to keep their capitals in suggestions. */
  nameWords: Set<string>;
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileLexicon(options: AttributionOptions): Lexicon {
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

type Mention = {
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

function findMentions(s: string, tokens: Token[], lexicon: Lexicon): Mention[] {
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

function firstWordIndex(tokens: Token[]): number {
  return tokens.findIndex((t) => t.word);
}

// ---------------------------------------------------------------------------
// Findings in one sentence

type Finding = {
  start: number;
  end: number;
  who: string;
  kind: AttributionKind;
  /** The sentence with this attribution reworded. */
  rewrite: () => string;
};

type Predicate = {
  category: Category;
  lemma: string;
  negated: boolean;
  /** Token index of the verb (or adjective), and of the first token after it. */
  at: number;
  after: number;
};

function analyseSentence(s: string, lexicon: Lexicon): Finding[] {
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

/** Reword until nothing is attributed; the suggestion must pass its own check. */
function neutralise(sentence: string, lexicon: Lexicon): string {
  let current = sentence;
  for (let round = 0; round < 8; round++) {
    const [first] = analyseSentence(current, lexicon);
    if (!first) return current;
    const next = first.rewrite();
    if (next === current) break;
    current = next;
  }
  return analyseSentence(current, lexicon).length === 0 ? current : 'A view was expressed.';
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

/**
 * After a speaker, up to two adverbs and any auxiliaries ("has also",
 * "did not", "was very") before a verb of saying, thinking or feeling, or an
 * adjective of attitude after "was". "to", "will", "can" mean a task.
 */
function scanPredicate(tokens: Token[], from: number, plural: boolean): Predicate | null {
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
function parentheticalEnd(tokens: Token[], open: number): number {
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

const PREPOSITIONS = words(
  'about on over regarding around concerning with at by for of against in to from into during after before',
);
const PROCEDURAL_OBJECTS =
  /^(?:the\s+)?(?:apologies|minutes|agenda|date|dates|time|attendance|action log|actions|quorum)\b/i;
const AGENDA_ITEM =
  /^(?:(?:the|an?|this)\s+)?(?:item|items|agenda item)\b|^\S+(?:\s+\S+){0,3}\s+under\s+any other business\b/i;
const GREETED = /^(?:everyone|all|members|new|the group|attendees|guests|visitors|\p{Lu})/u;
const ASKED_PROCEDURE =
  /^for\s+(?:volunteers|comments|questions|feedback|views|agreement|a show of hands|nominations|any other business|items)\b/i;

/** Rules that tell a view from a task, a courtesy or a piece of procedure. */
function isView(s: string, tokens: Token[], p: Predicate): boolean {
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

// ---------------------------------------------------------------------------
// Rewording

type Complement = {
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

const FINITE = words(
  "is was were are am be been has had have would could should will can might must may did does do isn't wasn't weren't aren't hasn't hadn't haven't wouldn't couldn't shouldn't won't can't didn't doesn't don't seems seemed takes took makes made goes went gets got comes came feels felt lacks lacked",
);
const SUBJECTS = words('i we they he she it there this these those nobody everyone someone people');
const ADJUNCT_STARTS = words('several many last this next once twice again earlier recently');

/** What follows the verb: a clause, a question, a preposition, a noun phrase. */
function classify(raw: string, lemma: string, assumeClause = true): Complement {
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

function joinLead(head: string, x: string): string {
  if (!x) return head;
  return /^[,:;]/.test(x) ? `${head}${x}` : `${head} ${x}`;
}

/** The neutral opening for a kind of view and what follows it. */
function lead(category: Category, lemma: string, negated: boolean, c: Complement): string {
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

function rewriteSpeech(s: string, span: Span, p: Predicate, lexicon: Lexicon): string {
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
function withoutPossessive(s: string, m: Mention, noun: Token): string {
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
function withoutFrame(s: string, start: number, end: number, lexicon: Lexicon): string {
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

function splitPunct(s: string): { body: string; punct: string } {
  const m = /[.!?…]+["'”’)\]]*\s*$|["”’]\s*$/u.exec(s);
  const punct = m?.[0].trim() ?? '';
  return { body: m ? s.slice(0, m.index) : s.trimEnd(), punct };
}

function assemble(prefix: string, text: string, punct: string): string {
  if (prefix.trim() === '') return `${capitalise(text)}${punct}`;
  return `${prefix}${text}${punct}`;
}

/** Lower the first letter unless it starts a name, an acronym, "I" or a proper noun. */
function lowerFirstSafe(x: string, lexicon: Lexicon): string {
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
