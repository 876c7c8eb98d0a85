import { intlTag, type Locale } from './locales.ts';

/**
 * Dates and times as people in the United Kingdom say them, in English or
 * Welsh: day-month-year, a 24-hour clock, and the UK's zones named "GMT" and
 * "BST" (Intl would say "GMT+1" for summer time in some languages). Shared by
 * the web app and the emails, so a meeting reads the same in both.
 */

const UK_ZONES = new Set([
  'Europe/London',
  'Europe/Belfast',
  'GB',
  'GB-Eire',
  'Europe/Guernsey',
  'Europe/Isle_of_Man',
  'Europe/Jersey',
]);

/**
 * Welsh names of months and days, for a runtime whose Intl has no Welsh data
 * (some browsers ship a reduced set): dates are then written in the British
 * order with these names, instead of falling back to American English.
 */
const WELSH = {
  long: [
    'Ionawr',
    'Chwefror',
    'Mawrth',
    'Ebrill',
    'Mai',
    'Mehefin',
    'Gorffennaf',
    'Awst',
    'Medi',
    'Hydref',
    'Tachwedd',
    'Rhagfyr',
  ],
  short: [
    'Ion',
    'Chwef',
    'Maw',
    'Ebr',
    'Mai',
    'Meh',
    'Gorff',
    'Awst',
    'Medi',
    'Hyd',
    'Tach',
    'Rhag',
  ],
  weekday: [
    'Dydd Sul',
    'Dydd Llun',
    'Dydd Mawrth',
    'Dydd Mercher',
    'Dydd Iau',
    'Dydd Gwener',
    'Dydd Sadwrn',
  ],
};

let welshInIntl: boolean | undefined;

/** For tests: behave as a runtime without Welsh date data. */
export function withoutIntlWelsh(): void {
  welshInIntl = false;
  cache.clear();
}
function intlHasWelsh(): boolean {
  welshInIntl ??= Intl.DateTimeFormat.supportedLocalesOf(['cy']).length > 0;
  return welshInIntl;
}

type Formatter = Pick<Intl.DateTimeFormat, 'format' | 'formatToParts'>;
const cache = new Map<string, Formatter>();

const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** English (UK) parts with the Welsh month and day names put in. */
function welshFallback(options: Intl.DateTimeFormatOptions): Formatter {
  const english = new Intl.DateTimeFormat('en-GB', options);
  const index = new Intl.DateTimeFormat('en-US', {
    timeZone: options.timeZone,
    month: 'numeric',
    weekday: 'short',
  });
  const formatToParts = (date?: Date | number) => {
    const when = date === undefined ? new Date() : new Date(date);
    const known = index.formatToParts(when);
    const month = Number(known.find((p) => p.type === 'month')?.value ?? 1) - 1;
    const day = EN_DAYS.indexOf(known.find((p) => p.type === 'weekday')?.value ?? '');
    const names =
      options.month === 'long' ? WELSH.long : options.month === 'short' ? WELSH.short : null;
    return english.formatToParts(when).map((part) => {
      if (part.type === 'month' && names) return { ...part, value: names[month] ?? part.value };
      if (part.type === 'weekday') return { ...part, value: WELSH.weekday[day] ?? part.value };
      return part;
    });
  };
  return {
    formatToParts,
    format: (date?: Date | number) =>
      formatToParts(date)
        .map((p) => p.value)
        .join(''),
  };
}

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Formatter {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found =
      locale === 'cy' && !intlHasWelsh()
        ? welshFallback(options)
        : new Intl.DateTimeFormat(intlTag(locale), options);
    cache.set(key, found);
  }
  return found;
}

/** Minutes ahead of UTC in a zone at an instant. */
function offsetMinutes(date: Date, timeZone: string): number {
  const parts = formatter('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** The zone's short name at an instant: "GMT" or "BST" in the UK, Intl's name elsewhere. */
export function zoneName(date: Date, timeZone: string, locale: Locale): string {
  if (UK_ZONES.has(timeZone)) return offsetMinutes(date, timeZone) === 0 ? 'GMT' : 'BST';
  const part = formatter(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "6 Dec 2026" / "6 Rhag 2026", in the reader's own zone. */
export function formatDate(iso: string | Date, locale: Locale): string {
  return formatter(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(iso),
  );
}

/** "6 Dec 2026, 18:05", in the reader's own zone. */
export function formatDateTime(iso: string | Date, locale: Locale): string {
  return formatter(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) in words, that day wherever the reader is: "9 March 2027". */
export function formatCalendarDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return formatter(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The day of an instant where it happens: "Tuesday 9 March 2027" / "Dydd Mawrth 9 Mawrth 2027". */
export function formatDayIn(iso: string | Date, timeZone: string, locale: Locale): string {
  return formatter(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

/** The time of an instant where it happens, with the zone's name: "18:00 GMT". */
export function formatTimeIn(iso: string | Date, timeZone: string, locale: Locale): string {
  const date = new Date(iso);
  const time = formatter(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${time} ${zoneName(date, timeZone, locale)}`;
}

/** When a meeting happens, in its own zone: the day, then the times from and to. */
export function meetingTimeParts(
  startsAt: string | Date,
  endsAt: string | Date,
  timeZone: string,
  locale: Locale,
) {
  const startDay = formatDayIn(startsAt, timeZone, locale);
  const endDay = formatDayIn(endsAt, timeZone, locale);
  return {
    startDay,
    start: formatTimeIn(startsAt, timeZone, locale),
    endDay: endDay === startDay ? null : endDay,
    end: formatTimeIn(endsAt, timeZone, locale),
  };
}
