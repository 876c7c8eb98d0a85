/**
 * The words the check knows, by lemma (wink gives "felt" as "feel", "won't"
 * as "will" + "not"). Tuned on the corpus's development set only
 * (corpus/attribution/README.md).
 */
const set = (words: string) => new Set(words.trim().split(/\s+/));

/** The leading letters and digits of a word or phrase, lower case: how role phrases are looked up. */
export const firstKey = (s: string) => /^[\p{L}\p{N}]+/u.exec(s.toLowerCase())?.[0] ?? '';

/** Verbs that report a view when someone is their subject: "Sam felt", "the chair argued". */
export const VIEW_VERBS = set(`
  say tell feel think believe argue suggest propose raise object question want prefer support
  oppose disagree insist worry wonder doubt reckon accept claim admit acknowledge emphasise
  emphasize stress warn complain express vote favour favor urge recommend challenge criticise
  criticize praise point add reply respond answer agree dispute reject welcome regret fear hope
  expect feel sense consider maintain contend assert note observe comment mention describe
  explain report ask query like love hate dislike want wish need demand call push press plead
  back endorse champion defend blame accuse concede confess protest caution predict doubt
  highlight underline recognise recognize hold dissent
  share voice echo second dismiss deny rule refuse decline resist veto
`);

/** Of VIEW_VERBS, those that only report a view with a clause after them ("explained that …"), not with a plain object ("explained the pathway"). */
export const CLAUSE_VIEW_VERBS = set(`
  hold explain describe report mention note add point observe comment share remind
`);

/** Words that open a clause or question after a verb of saying. */
export const CLAUSE_OPENERS = set(`that how why whether if what when where who which`);

/** Adjectives that are views after "was", "is", "were": "Sam was adamant". */
export const VIEW_ADJECTIVES = set(`
  clear adamant firm sceptical skeptical keen worried concerned happy unhappy pleased displeased
  disappointed convinced unconvinced persuaded sure unsure certain uncertain positive negative
  opposed supportive critical angry annoyed frustrated upset furious delighted glad relieved
  determined insistent doubtful hopeful confident anxious nervous afraid scared wary cautious
  enthusiastic eager reluctant unwilling willing against strong vocal emphatic blunt
  dismissive scathing complimentary fed tired sick cross livid shocked surprised horrified
  appalled impressed unimpressed satisfied dissatisfied content uncomfortable comfortable
  comfortable passionate adamant right wrong mistaken aware unaware fond averse candid frank
  honest forthright outspoken vehement unequivocal pessimistic optimistic gloomy
  uneasy
`);

/** Nouns that name a view: "Sam's concern", "the objection from Jo". */
export const VIEW_NOUNS = set(`
  view views opinion opinions concern concerns worry worries preference argument arguments feeling
  feelings position objection objections suggestion suggestions proposal proposals point points
  criticism criticisms complaint complaints comment comments question questions request
  challenge stance take verdict idea ideas fear fears hope hopes doubt doubts reservation
  reservations support opposition rejection acknowledgement acknowledgment admission claim
  claims plea insistence belief beliefs sense impression understanding experience
  frustration anger disappointment praise recommendation warning verdict wish wishes vote
  observation remark remarks answer response reply account assessment judgement judgment
  perspective thoughts thought words wording message contribution review case motion amendment
  mind contention misgivings bugbear gripe reckoning phrase
`);

/** Verbs whose passive names who held the view: "concerns were raised by Priya". */
export const BY_VERBS = set(`
  raise share put point make voice express echo support oppose question challenge suggest
  propose argue dispute welcome second back endorse reject criticise criticize praise note
  highlight stress emphasise emphasize ask query state say describe prefer favour favor
  accept make float table move
`);

/** Things people do: "Sam will book the room", "Jo to send the letter". */
export const ACTION_VERBS = set(`
  send book circulate contact look report arrange check chase organise organize write draft
  redraft follow update bring invite email phone ring call find speak set print give attend run
  represent take find collect confirm ask distribute post share forward sort liaise meet visit
  draw prepare type add put pass let tell remind present lead chair host help go come join
  bring source order buy pay cover do make get keep circulate upload publish compile gather
  research investigate explore review look cost map plan talk introduce email text raise
  escalate feed feedback show swap move change fix replace recruit train approach pick
  drop deliver design test pilot trial start finish complete submit apply register
  record note minute copy link sign step hand
`);

/** After a modal these say where someone will be, not what they think: "won't be able to", "won't make it". */
export const AVAILABILITY = set(
  `able there available around here away attend make come join present free leave stay go arrive`,
);

/** Verbs of procedure and courtesy with a person: never a view by themselves. */
export const NON_VIEW_VERBS = set(`
  thank welcome introduce present chair open close attend apologise apologize join leave declare
  rule
  arrive circulate congratulate update give show lead facilitate host run take
`);

/** Words that show the sentence carries a view, even if no one is its subject ("there was frustration"). */
export const VIEW_SIGNALS = set(`
  felt feel feels feeling frustration frustrated concern concerns concerned worried worry
  worries disappointed disappointment unconvinced unhappy angry anger upset views view
  comments critical criticism opposed opposition objection objections
  doubts sceptical skeptical pleased happy reservations dismissive annoyed mixed
  complaint complaints praise prompted unimpressed impressed tension heated
  disagreement disagreed argued argument debate thought believed said found mood alarm
  depressing negative gasps muted stir irritation upbeat badly unease disquiet irritated
`);

/** Titles before a name: "Dr Lam", "Cllr Hughes". */
export const TITLES = set(`
  dr mr mrs ms mx miss prof professor cllr councillor revd rev reverend pc sgt sergeant insp
  inspector sister nurse father canon dame sir lord lady
`);

/** Capitalised abbreviations that are organisations or things, never someone's initials. */
export const ACRONYMS = set(`
  nhs gp gps icb cqc ppg send sen senco ehcp camhs ccg pcn dwp hmrc ok uk eu a&e ae ae ld
  adhd asd ot cpn ceo cfo coo hr it ict tv bbc itv ofsted nice hse rsl ha hq aob amp pm
  am bst gmt faq pdf cv id qr sms usa ngo cic mp ms am rep reps vat asap etc fyi tbc tba
  nb ps re wc mh dla pip esa uc jsa la mind age
`);

/** First names that are also ordinary words: in lower case they are the word. */
export const NAME_WORDS = set(`
  will mark hope rose bill grace faith joy may june dawn ray jack pat sue rob sandy frank guy
  victor amber holly ivy heather lily daisy ruby summer august art bob don drew chase max miles
  rich dean earl gene glen hunter penny sky river brook reed wade cliff heath lance gill
  carol april robin kit
`);

/** People as a group, not one person: "one of the members" is the group itself. */
export const MAIN_BODY = set(`
  member members parent parents tenant tenants carer carers resident residents patient patients
  people person young everyone us we group panel forum board
`);

/** Words for one person in a description: "the member who …", "the parent who …". */
export const PERSON_NOUNS = set(`
  member parent tenant carer person resident patient mum dad mother father grandparent
  officer councillor gp doctor nurse rep representative volunteer worker manager lady man
  woman gentleman guy girl boy student pupil lead leader chair one attendee visitor guest
  professional clinician psychiatrist psychologist consultant teacher head headteacher
  senco landlord owner trustee partner staff colleague colleagues
`);

/** Plural nouns that make a small category when counted: "one of the two GPs". */
export const SMALL_COUNT = set(`two three four couple few both handful pair`);

/** Role phrases every group has a single holder of. */
export const DEFAULT_ROLES = [
  'chair',
  'chairperson',
  'chairman',
  'chairwoman',
  'vice-chair',
  'vice chair',
  'co-chair',
  'deputy chair',
  'note-taker',
  'note taker',
  'notetaker',
  'minute-taker',
  'minute taker',
  'secretary',
  'treasurer',
] as const;

/** Words in job titles and organisations too general to point to anyone alone. */
export const GENERIC_ROLE_WORDS = set(`
  and of the for in at on with to a an care health mental social adult services service board
  group team network primary community development school schools housing private sector
  energy support lead manager officer worker centre center partnership forum panel
  integrated foundation county borough district ward children's childrens youth clinical
  dementia short breaks participation engagement services
`);

/** Other ways notes name a kind of organisation. */
export const ORGANISATION_SYNONYMS: Record<string, readonly string[]> = {
  surgery: ['practice'],
  'integrated care board': ['icb'],
  'nhs foundation trust': ['trust'],
  police: ['police'],
  'housing association': ['housing association', 'association', 'landlord'],
  council: ['council', 'local authority', 'la'],
  'carers centre': ["carers' centre", 'carers centre'],
  'medical centre': ['surgery', 'practice'],
  'citizens advice': ['cab', 'citizens advice'],
  'commissioning manager': ['commissioner'],
  senco: ['special needs coordinator', 'sen coordinator'],
};
