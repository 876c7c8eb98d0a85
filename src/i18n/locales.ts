/**
 * The languages Accord speaks. English (United Kingdom) is the source: each
 * message's English text is written where it is used; Welsh is translated in
 * src/i18n/cy/. Both are complete (`npm run check:messages`).
 */
export const LOCALES = ['en-GB', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en-GB';

/** Each language's name in itself, as a language switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { 'en-GB': 'English', cy: 'Cymraeg' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The best of our languages for a list such as navigator.languages or Accept-Language. */
export function pickLocale(wanted: readonly string[]): Locale {
  for (const tag of wanted) {
    const base = tag.trim().toLowerCase().split(/[-_;]/)[0];
    if (base === 'cy') return 'cy';
    if (base === 'en') return 'en-GB';
  }
  return DEFAULT_LOCALE;
}

/** The BCP 47 tag for Intl: Welsh as written in the United Kingdom. */
export function intlTag(locale: Locale): string {
  return locale === 'cy' ? 'cy-GB' : 'en-GB';
}
