/**
 * The words the check knows: verbs of saying, thinking and feeling with what
 * each needs after it, adjectives of attitude, nouns that name a view, and the
 * small words (auxiliaries, negations, adverbs, determiners) between them.
 */
export const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

export type Category =
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
export type Needs = 'clause' | 'about' | 'shared' | 'any';

export type VerbForm = {
  lemma: string;
  category: Category;
  form: 'base' | 'present' | 'past' | 'ing';
};

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

export const VERB_FORMS = new Map<string, VerbForm>();
export const NEEDS = new Map<string, Needs>();
for (const [base, present, past, ing, category, needs] of VERBS) {
  NEEDS.set(base, needs ?? 'any');
  VERB_FORMS.set(base, { lemma: base, category, form: 'base' });
  VERB_FORMS.set(present, { lemma: base, category, form: 'present' });
  VERB_FORMS.set(past, { lemma: base, category, form: 'past' });
  VERB_FORMS.set(ing, { lemma: base, category, form: 'ing' });
}

/** Verbs whose object is normally a clause: "Sam felt the plan was rushed". */
export const CLAUSE_VERBS = words(
  'say feel think believe reckon argue state insist claim assert observe add explain maintain reply respond recall reflect acknowledge admit concede reiterate tell remind worry fear warn hope wish agree disagree doubt',
);
/** Verbs that take a person before their clause: "told the group that ...". */
export const OBJECT_VERBS = words('tell remind warn ask question query urge');

/** "made the point that", "made it clear that", "gave her view". */
export const PHRASES: { verbs: Set<string>; tail: string[]; category: Category }[] = [
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
export const ATTITUDES = new Map<string, Category>();
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
export const OFFER_ADJECTIVES = words(
  'happy willing able available pleased glad delighted content',
);

export const BE = words(
  "was were is are am be been being wasn't isn't weren't aren't remains remained seemed seems appeared appears became becomes sounded sounds",
);
export const PASSIVE_BE = words("was were is are am be been being wasn't isn't weren't aren't");
export const AUX = words(
  "has have had did does do would could might may hasn't haven't hadn't didn't doesn't don't wouldn't couldn't",
);
export const NEGATIONS = words(
  "not never didn't doesn't don't wasn't isn't weren't aren't hasn't haven't hadn't wouldn't couldn't",
);
/** Words between a person and a verb that make it a task or a plan, not a view. */
export const BLOCKERS = words(
  "will shall won't to can cannot can't must should shouldn't need needs going offered volunteered",
);
const ADVERBS = words(
  'also then too still again both all later initially further already once very quite rather just always often sometimes personally originally previously particularly really briefly first however therefore though even only similarly instead likewise subsequently immediately herself himself themselves itself generally broadly clearly strongly firmly repeatedly openly rightly understandably honestly frankly specifically separately afterwards earlier now ever each',
);
const NOT_ADVERBS = words(
  'early family elderly likely unlikely lonely friendly daily weekly monthly yearly quarterly hourly supply reply apply july italy ally rally fly rely comply imply multiply holy ugly silly lovely costly timely orderly assembly anomaly lily emily holly sally kelly bully belly jelly curly chilly jolly deadly',
);

export function isAdverb(lower: string): boolean {
  if (ADVERBS.has(lower)) return true;
  return lower.length > 4 && lower.endsWith('ly') && !NOT_ADVERBS.has(lower);
}

/** Nouns that name a view in "Sam's view", "the chair's concern". */
export const VIEW_NOUNS = words(
  'view views opinion opinions concern concerns position positions point points feeling feelings suggestion suggestions idea ideas worry worries objection objections proposal proposals preference preferences argument arguments belief beliefs perspective perspectives fear fears complaint complaints criticism criticisms comment comments thought thoughts impression impressions reservation reservations doubt doubts stance take question questions',
);
export const PLURAL_VIEW_NOUNS = new Set([...VIEW_NOUNS].filter((w) => w.endsWith('s')));
export const FRAME_NOUNS = words(
  'view opinion words eyes mind experience judgement judgment estimation perspective viewpoint',
);

export const TITLES = words(
  'Dr Mr Mrs Ms Mx Miss Prof Professor Cllr Councillor Nurse Sister Rev Reverend Sir Dame Lady Lord',
);
/** A name after one of these is a thing, not a person: "the Bill", "her Will". */
export const DETERMINERS = words('the a an our their his her its my your every each any no');
/** Capitalised words that may open a sentence just before a name. */
export const OPENERS = words(
  'later then also however here yesterday today finally again initially overall next separately similarly meanwhile afterwards instead otherwise lastly first firstly secondly thirdly still but and so when while although though if as because since after before once until whereas both only even now there at in on during by for from with without of to i monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december',
);
export const CONJUNCTIONS = words(
  'and but then while when although though so as because whereas or',
);

export const PREPOSITIONS = words(
  'about on over regarding around concerning with at by for of against in to from into during after before',
);

export const FINITE = words(
  "is was were are am be been has had have would could should will can might must may did does do isn't wasn't weren't aren't hasn't hadn't haven't wouldn't couldn't shouldn't won't can't didn't doesn't don't seems seemed takes took makes made goes went gets got comes came feels felt lacks lacked",
);
export const SUBJECTS = words(
  'i we they he she it there this these those nobody everyone someone people',
);
