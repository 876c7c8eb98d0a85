/**
 * The printed ToR's own sentences in Welsh: the same facts as the English
 * table in document-words.ts, written as a Welsh public body would write
 * them. Small numbers are words, with the mutation the noun takes after them
 * ("dau gyfarfod", "tri chyfarfod", "dwy wythnos"); larger ones are digits.
 */
import { formatCalendarDate } from '../i18n/dates.ts';
import type { DocumentWords } from './document-words.ts';
import type { Cadence, Quorum, Weekday } from './terms.ts';
import { humanise } from './words.ts';

const SOFT: [RegExp, string][] = [
  [/^ll/i, 'l'],
  [/^rh/i, 'r'],
  [/^c/i, 'g'],
  [/^p/i, 'b'],
  [/^t/i, 'd'],
  [/^g/i, ''],
  [/^b/i, 'f'],
  [/^d/i, 'dd'],
  [/^m/i, 'f'],
];
const ASPIRATE: [RegExp, string][] = [
  [/^c(?!h)/i, 'ch'],
  [/^p(?!h)/i, 'ph'],
  [/^t(?!h)/i, 'th'],
];

function mutate(word: string, rules: [RegExp, string][]): string {
  for (const [from, to] of rules) if (from.test(word)) return word.replace(from, to);
  return word;
}
const soft = (word: string) => mutate(word, SOFT);
const aspirate = (word: string) => mutate(word, ASPIRATE);

/** A vowel sound first, including numbers said with one: "un", "wyth", "un ar ddeg", "80". */
const startsWithVowel = (text: string) =>
  /^[aeiouwyâêîôûŵŷ]/i.test(text) || /^(1|8|11|8\d)(?!\d)/.test(text);

/** Numbers on their own: "dau", "pump", "chwech". */
const CARDINAL = [
  'dim',
  'un',
  'dau',
  'tri',
  'pedwar',
  'pump',
  'chwech',
  'saith',
  'wyth',
  'naw',
  'deg',
];

type Noun = { word: string; feminine?: boolean };
const MEETING: Noun = { word: 'cyfarfod' };
const DAY: Noun = { word: 'diwrnod' };
const MONTH: Noun = { word: 'mis' };
const TERM: Noun = { word: 'tymor' };
const WEEK: Noun = { word: 'wythnos', feminine: true };
const CO_CHAIR: Noun = { word: 'cyd-gadeirydd' };

/** "un cyfarfod", "dau gyfarfod", "tri chyfarfod", "dwy wythnos", "14 diwrnod". */
export function count(n: number, noun: Noun): string {
  const w = noun.word;
  if (n > 10 || n < 1) return `${n} ${w}`;
  if (noun.feminine) {
    if (n === 1) return `un ${/^(ll|rh)/i.test(w) ? w : soft(w)}`;
    if (n === 2) return `dwy ${soft(w)}`;
    if (n === 3) return `tair ${w}`;
    if (n === 4) return `pedair ${w}`;
  }
  if (n === 2) return `dau ${soft(w)}`;
  if (n === 3) return `tri ${aspirate(w)}`;
  if (n === 5) return `pum ${w}`;
  if (n === 6) return `chwe ${aspirate(w)}`;
  return `${CARDINAL[n]} ${w}`;
}

/** "un person", "pump o bobl", "20 o bobl". */
function people(n: number): string {
  if (n === 1) return 'un person';
  return `${CARDINAL[n] ?? n} o bobl`;
}

/** "mwy nag un cyfarfod", "mwy na thri chyfarfod": "na" before a vowel is "nag", and aspirates. */
function than(phrase: string): string {
  return startsWithVowel(phrase) ? `nag ${phrase}` : `na ${aspirate(phrase)}`;
}

/** "A", "A a B", "A, B ac C": "a" is "ac" before a vowel and aspirates. */
function list(items: readonly string[], last: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  const end = items.at(-1) ?? '';
  const joined =
    last === 'or' ? `neu ${soft(end)}` : startsWithVowel(end) ? `ac ${end}` : `a ${aspirate(end)}`;
  return `${items.slice(0, -1).join(', ')} ${joined}`;
}

const DAYS: Record<Weekday, string> = {
  monday: 'Llun',
  tuesday: 'Mawrth',
  wednesday: 'Mercher',
  thursday: 'Iau',
  friday: 'Gwener',
  saturday: 'Sadwrn',
  sunday: 'Sul',
};

function meetingDay(cadence: Cadence): string {
  if (cadence.unit === 'week') return `ar ddydd ${DAYS[cadence.weekday]}`;
  const on = cadence.on;
  if (on.kind === 'day_of_month') {
    return on.day > 28
      ? `ar ddiwrnod ${on.day} o’r mis (neu ddiwrnod olaf mis byrrach)`
      : `ar ddiwrnod ${on.day} o’r mis`;
  }
  const day = DAYS[on.weekday];
  return {
    1: `ar y dydd ${day} cyntaf`,
    2: `ar yr ail ddydd ${day}`,
    3: `ar y trydydd dydd ${day}`,
    4: `ar y pedwerydd dydd ${day}`,
    5: `ar y pumed dydd ${day}, mewn misoedd lle mae un`,
    last: `ar y dydd ${day} olaf`,
  }[on.nth];
}

function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? `${hours} awr` : '', rest ? `${rest} munud` : ''].filter(Boolean).join(' a ');
}

/** "bob mis ar yr ail ddydd Mawrth, am 18:00 ac yn para 2 awr (amser Europe/London)". */
function cadenceWords(cadence: Cadence): string {
  const unit = cadence.unit === 'week' ? WEEK : MONTH;
  const every = cadence.every === 1 ? `bob ${unit.word}` : `bob ${count(cadence.every, unit)}`;
  return `${every} ${meetingDay(cadence)}, am ${cadence.startTime} ac yn para ${duration(cadence.durationMinutes)} (amser ${cadence.timeZone})`;
}

const FRACTIONS: Record<string, string> = {
  '1/2': 'hanner',
  '1/3': 'traean',
  '2/3': 'dwy ran o dair',
  '1/4': 'chwarter',
  '3/4': 'tri chwarter',
  '1/5': 'un rhan o bump',
};

function quorumWords(quorum: Exclude<Quorum, { kind: 'none' }>): string {
  const size =
    quorum.kind === 'count'
      ? `o leiaf ${quorum.count === 1 ? '1 person' : `${quorum.count} o bobl`} sy’n cael pleidleisio`
      : `o leiaf ${FRACTIONS[`${quorum.numerator}/${quorum.denominator}`] ?? `${quorum.numerator}/${quorum.denominator}`} o’r rhai sy’n cael pleidleisio`;
  const minimums = quorum.categoryMinimums.map(
    (m) => `o leiaf ${people(m.min)} yn y categori ‘${humanise(m.category)}’`,
  );
  return minimums.length ? `${size}, gan gynnwys ${list(minimums)}` : size;
}

/** "Mae" before "y"/"yr" is "Mae’r". */
function mae(rest: string): string {
  return /^yr? /.test(rest) ? `Mae’r ${rest.replace(/^yr? /, '')}` : `Mae ${rest}`;
}

const members = (n: number) => `aelodau (pobl sydd wedi bod mewn mwy ${than(count(n, MEETING))})`;

export const WELSH_DOCUMENT: DocumentWords = {
  title: (title) => `Cylch Gorchwyl: ${title}`,
  sections: {
    purpose: 'Beth rydym yn gweithio tuag ato',
    membership: 'Aelodaeth',
    meetings: 'Cyfarfodydd',
    remit: 'Cylch gwaith',
    waysOfWorking: 'Ffyrdd o weithio',
    behaviour: 'Cytundeb ymddygiad',
    confidentiality: 'Cyfrinachedd',
    decisions: 'Penderfyniadau',
    roles: 'Rolau',
    requests: 'Ceisiadau am wybodaeth',
    involvement: 'Taliadau a threuliau',
    impact: 'Sut y byddwn yn gwybod bod cydgynhyrchu wedi cael effaith',
    review: 'Adolygu',
  },
  builtInRole: (key, chairCount) => {
    const chair = chairCount === 1 ? 'y cadeirydd' : 'cyd-gadeirydd';
    return (
      { chair, note_taker: 'y sawl sy’n cymryd nodiadau', observer: 'arsylwyr' } as Record<
        string,
        string
      >
    )[key];
  },
  list,
  date: (date) => formatCalendarDate(date, 'cy'),
  cadence: cadenceWords,

  startedOn: (date) => `Dechreuodd y grŵp ar ${date}.`,
  endsWhenAndOn: (when, date) => `Daw’r grŵp i ben ${when}, a heb fod yn hwyrach na ${date}.`,
  endsOn: (date) => `Daw’r grŵp i ben ar ${date}.`,
  endsWhen: (when) => `Daw’r grŵp i ben ${when}.`,

  memberRule: (n, which) =>
    `Aelod yw rhywun sydd wedi bod mewn mwy ${than(count(n, MEETING))} ${which === 'own' ? 'o’r grŵp' : 'o’r grŵp neu o’i weithgorau'}. Tan hynny, mae pobl yn cymryd rhan fel cyfranogwyr.`,
  lapse: (absences, apologiesCount, n) => {
    const apologies = apologiesCount
      ? 'mae anfon ymddiheuriadau yn dal i gyfrif fel colli cyfarfod'
      : 'nid yw cyfarfod y gwnaethant anfon ymddiheuriadau ar ei gyfer yn cyfrif';
    return `Nid yw aelod sy’n colli ${count(absences, MEETING)} yn olynol yn aelod mwyach (${apologies}). Os bydd yn dod yn ôl, bydd yn cymryd rhan fel cyfranogwr ac yn dod yn aelod eto ar ôl bod mewn mwy ${than(count(n, MEETING))}.`;
  },
  nonVoting: (roles) => `${mae(roles)} yn cymryd rhan heb bleidleisio byth.`,

  meets: (cadence, from) => `Mae’r grŵp yn cyfarfod ${cadence}, o ${from} ymlaen.`,
  workingGroupsIntro: 'Mae gweithgorau llai yn canolbwyntio ar feysydd gwaith penodol:',
  workingGroup: (title, focus, areas, cadence) => {
    const covers = areas.length
      ? ` Mae’n ymdrin ${startsWithVowel(areas[0] ?? '') ? 'ag' : 'â'} ${list(areas)}.`
      : '';
    return `**${title}**: ${focus}${covers} Mae’n cyfarfod ${cadence}.`;
  },
  noWorkingGroups:
    'Mae gweithgorau llai yn canolbwyntio ar feysydd gwaith penodol; mae’r grŵp yn eu sefydlu fel y mae’r gwaith yn gofyn, pob un â’i bobl a’i gyfarfodydd ei hun.',
  papers: (days) => `Caiff papurau eu rhannu o leiaf ${count(days, DAY)} cyn pob cyfarfod.`,

  inScopeIntro: 'Mae cylch gwaith y grŵp yn benodol fel a ganlyn:',
  outOfScopeIntro: 'Ni fydd yn ymdrin â’r canlynol:',
  outOfScopeItem: (title, takeInstead) => `**${title}**: ewch â hyn at ${takeInstead}`,
  nothingOutOfScope: 'Nid yw’r grŵp wedi rhestru dim na fydd yn ymdrin ag ef.',
  beyondRemit:
    'Cynhelir sgyrsiau sy’n mynd y tu hwnt i’r cylch gwaith y tu allan i’r cyfarfod hwn: mae eitem ar yr agenda sydd y tu allan i’r cylch gwaith yn symud i restr o bethau i fynd â nhw i rywle arall, gyda nodyn o ble.',

  release: (onlyByDecision, chairMayRecord) => {
    if (!onlyByDecision)
      return 'Gellir rhannu gwybodaeth a rennir ar gyfer y broses y tu allan i’r grŵp, oni bai bod y grŵp yn gofyn i rywbeth aros o fewn y grŵp.';
    const how = chairMayRecord
      ? 'drwy benderfyniad gan y grŵp, neu drwy gytundeb gan y grŵp y mae’r cadeirydd yn ei gofnodi'
      : 'drwy benderfyniad gan y grŵp sydd wedi’i gofnodi';
    return `Ni chaiff gwybodaeth a rennir ar gyfer y broses ei rhannu y tu allan i’r grŵp oni bai bod y grŵp wedi cytuno’n benodol i hynny, ${how}.`;
  },
  attribution: (chatham) =>
    chatham
      ? 'Rydym yn gweithio yn ôl ethos o ymddiriedaeth, o dan Reol Chatham House: y rhyddid i fynegi barn o fewn y broses hon heb i’r farn honno gael ei phriodoli i unigolyn penodol y tu allan i’r broses. Mae nodiadau cyfarfodydd yn adlewyrchu’r drafodaeth, nid pwy ddywedodd beth.'
      : 'Gall nodiadau cyfarfodydd gofnodi pwy ddywedodd beth.',

  consensus: (consensusFirst) =>
    consensusFirst
      ? 'Ein ffordd o weithio yw dod i benderfyniadau drwy gonsensws. Gall pob person gytuno, cytuno â phryderon, sefyll o’r neilltu neu atal; mae un ataliad yn golygu nad oes consensws.'
      : 'Mae’r grŵp yn gwneud ei benderfyniadau drwy bleidlais.',
  formalTest: (callers, eligibility, n, nonVoting) => {
    const voters = {
      members: members(n),
      members_present: `${members(n)} sy’n bresennol`,
      members_and_participants: 'pawb sy’n cymryd rhan, yn aelodau ac yn gyfranogwyr fel ei gilydd',
    }[eligibility];
    return `Os bydd ${callers} yn gofyn am brawf ffurfiol o’r consensws hwnnw, bydd ${voters} yn pleidleisio.${nonVoting ? ' Nid yw pobl mewn rolau heb bleidlais yn pleidleisio.' : ''}`;
  },
  carried: (d) => {
    const share = {
      majority: 'mwyafrif syml (mwy na hanner)',
      two_thirds: 'o leiaf dwy ran o dair',
      three_quarters: 'o leiaf tri chwarter',
    }[d.threshold.proportion];
    const base = {
      votes_cast: 'o’r pleidleisiau a fwriwyd',
      present: 'o’r rhai sy’n bresennol ac sy’n cael pleidleisio',
      eligible: 'o bawb sy’n cael pleidleisio',
    }[d.threshold.of];
    const abstentions =
      d.threshold.of === 'votes_cast'
        ? d.abstentionsCount
          ? '; mae ymatal yn cyfrif fel pleidlais a fwriwyd'
          : '; nid yw ymatal yn cael ei gyfrif'
        : '';
    return `Caiff cynnig ei dderbyn os yw’n cael ${share} ${base}${abstentions}.`;
  },
  quorum: (q) =>
    q.kind === 'none'
      ? 'Nid oes cworwm: gall y grŵp benderfynu gyda phwy bynnag sydd yno.'
      : `Ar gyfer pleidlais, rhaid cael cworwm: ${quorumWords(q)}.`,
  remote: (present, quorum) => {
    const who = 'pobl sy’n cymryd rhan ar-lein';
    if (present && quorum)
      return `Mae ${who} yn cyfrif fel rhai sy’n bresennol ac yn cyfrif tuag at y cworwm.`;
    if (present)
      return `Mae ${who} yn cyfrif fel rhai sy’n bresennol, ond nid ydynt yn cyfrif tuag at y cworwm.`;
    if (quorum)
      return `Nid yw ${who} yn cyfrif fel rhai sy’n bresennol, ond maent yn cyfrif tuag at y cworwm.`;
    return `Nid yw ${who} yn cyfrif fel rhai sy’n bresennol, nac yn cyfrif tuag at y cworwm.`;
  },
  casting: (castingVote) =>
    castingVote === 'chair'
      ? 'Os yw’r pleidleisiau’n gyfartal, mae gan y cadeirydd bleidlais fwrw.'
      : 'Os yw’r pleidleisiau’n gyfartal, ni chaiff y cynnig ei dderbyn.',
  ballot: (secret, mayChange) => {
    const change = mayChange
      ? 'Gellir newid pleidlais hyd nes y bydd y bleidlais yn cau.'
      : 'Unwaith y caiff ei bwrw, ni ellir newid pleidlais.';
    return secret
      ? `Mae pleidleisiau’n gyfrinachol. ${change}`
      : `Mae pleidleisiau’n agored: mae’r cofnod yn dangos sut y pleidleisiodd pob person. ${change}`;
  },
  opinions: (chatham) =>
    `Gall fod amrywiaeth o safbwyntiau yn y grŵp, a gellir adlewyrchu pob un ohonynt mewn unrhyw adroddiad sy’n dilyn${chatham ? ', heb ddweud pwy oedd yn eu harddel' : ''}.`,

  chairs: (chairs) => {
    // The object after "Mae gan y grŵp" takes the soft mutation: "ddau gyd-gadeirydd".
    const who = chairs.count === 1 ? 'un cadeirydd' : soft(count(chairs.count, CO_CHAIR));
    const how = {
      elected_by_members: 'Yr aelodau sy’n ethol i’r rôl',
      agreed_by_consensus: 'Mae’r grŵp yn cytuno drwy gonsensws pwy sy’n ymgymryd â’r rôl',
      appointed: 'Caiff y rôl ei llenwi drwy benodiad, nid drwy etholiad',
      rotating: 'Mae pobl yn ymgymryd â’r rôl yn eu tro',
    }[chairs.selection];
    const term = chairs.termMonths ? `, am dymor o ${chairs.termMonths} mis` : '';
    const limit = chairs.maxConsecutiveTerms
      ? `, a dim mwy ${than(count(chairs.maxConsecutiveTerms, TERM))} yn olynol`
      : '';
    return `Mae gan y grŵp ${who}. ${how}${term}${limit}.`;
  },
  otherRolesIntro: 'Rolau eraill:',
  interests: (declare) =>
    declare === 'each_agenda_item'
      ? 'Ym mhob eitem ar yr agenda, mae unrhyw un sydd â buddiant ynddi yn dweud hynny cyn y drafodaeth.'
      : 'Ni ofynnir i bobl ddatgan buddiannau fesul eitem.',

  requests: (r) =>
    `Gan barchu’r pwysau sylweddol sydd eisoes ar staff y sector cyhoeddus, rydym yn gwneud ceisiadau rhesymol am ragor o wybodaeth: mae pob cais yn dweud beth yw ei ddiben ac yn rhoi o leiaf ${count(r.minResponseDays, DAY)} i ateb; nid oes gan unrhyw sefydliad fwy ${than(CARDINAL[r.maxOpenPerOrganisation] ?? String(r.maxOpenPerOrganisation))} o’n ceisiadau ar agor ar yr un pryd; ac nid oes gan unrhyw un person fwy ${than(CARDINAL[r.maxOpenPerPerson] ?? String(r.maxOpenPerPerson))} ar agor.`,
  involvement: (payments, expenses) =>
    `${payments ? 'Cynigir tâl am gymryd rhan.' : 'Ni chynigir tâl am gymryd rhan.'} ${expenses ? 'Caiff treuliau eu talu.' : 'Ni chaiff treuliau eu talu.'}`,

  realisticIntro: 'Rydym yn gosod nod realistig: beth fydd wedi’i gyflawni.',
  realisticGoal: (statement, measure) => `${statement} Sut y byddwn yn gwybod: ${measure}`,
  moodIntro: 'Rydym yn gosod nod o ran teimladau: sut y bydd pobl yn teimlo.',
  moodGoal: (statement, pct, question) =>
    `${statement} Targed: o leiaf ${pct}% yn cytuno â’r gosodiad “${question}”.`,
  survey: (first, later, dates, min) => {
    const repeated = later.length ? `, ac eto ${list(later.map(String))} mis ar ôl dechrau` : '';
    return `I fesur sut mae pobl yn teimlo, rydym yn cynnal arolwg ${first} mis ar ôl dechrau${repeated} (${list(dates)}). Mae’r atebion yn ddienw, a dim ond pan fydd o leiaf ${people(min)} wedi ateb y caiff y canlyniadau eu dangos.`;
  },

  review: (months, notice) =>
    `Caiff y cylch gorchwyl hwn ei adolygu bob ${months} mis${months === 12 ? ' (adolygiad blynyddol)' : ''}, drwy broses benderfynu’r grŵp ei hun. Dywedir wrth y grŵp ${count(notice, DAY)} cyn bod adolygiad yn ddyledus.`,
};
