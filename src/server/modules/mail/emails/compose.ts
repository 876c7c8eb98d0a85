import type { IntlShape } from '@formatjs/intl';
import { intlFor } from '../../../i18n.ts';
import { isLocale, type Locale, DEFAULT_LOCALE } from '../../../../i18n/locales.ts';

/** An email's words, ready to queue once it has an address. */
export type Email = { subject: string; text: string };

/** The language an email is written in: the recipient's choice, else English. */
export function languageOf(language: string | null | undefined): Locale {
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

/** The catalogue and the language for one recipient's email. */
export function writer(language: string | null | undefined): { intl: IntlShape; locale: Locale } {
  const locale = languageOf(language);
  return { intl: intlFor(locale), locale };
}

/** Paragraphs of plain text, one blank line between them, ending with a new line. */
export function paragraphs(parts: readonly (string | null | undefined | false)[]): string {
  return `${parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n\n')}\n`;
}

/**
 * A meeting as an email names it: its title, and the group's name after it
 * only when the title does not already say it (a meeting is often titled
 * with its group's name, and "Carers Voice (Carers Voice)" reads badly).
 */
export function meetingName(title: string, groupName: string): string {
  const t = title.trim();
  const g = groupName.trim();
  if (!g || t.toLocaleLowerCase('en-GB').includes(g.toLocaleLowerCase('en-GB'))) return t;
  return `${t} (${g})`;
}

export function hello(intl: IntlShape, name: string): string {
  return intl.formatMessage(
    { id: 'email.common.hello', defaultMessage: 'Hello {name},' },
    { name },
  );
}
