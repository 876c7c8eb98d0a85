import { defineMessages, type IntlShape, type MessageDescriptor } from '@formatjs/intl';
import { intlFor } from '../../../i18n.ts';
import { isLocale, type Locale, DEFAULT_LOCALE } from '../../../../i18n/locales.ts';

/** An email's words, ready to queue once it has an address. */
export type Email = { subject: string; text: string };

/** A recipient's chosen language, as their account stores it (none: English). */
export type Language = string | null | undefined;

/** A paragraph of an email; one that is null, empty or false is left out. */
export type Paragraph = string | null | undefined | false;

/** The words every email may use. */
export const common = defineMessages({
  hello: { id: 'email.common.hello', defaultMessage: 'Hello {name},' },
  helloNoName: { id: 'email.common.helloNoName', defaultMessage: 'Hello,' },
  ignore: {
    id: 'email.common.ignore',
    defaultMessage: 'If you did not ask for this, you can ignore this email.',
  },
});

/** What an email is written with: the catalogue in the recipient's language. */
export type Pen = {
  intl: IntlShape;
  locale: Locale;
  /** A message in the recipient's language. */
  say: (message: MessageDescriptor, values?: Record<string, string | number>) => string;
};

/** The language an email is written in: the recipient's choice, else English. */
export function languageOf(language: Language): Locale {
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

/**
 * One email in the recipient's language: `build` gives its subject and its
 * paragraphs in order (see `paragraphs` for how they are joined).
 */
export function email(
  language: Language,
  build: (pen: Pen) => { subject: string; body: readonly Paragraph[] },
): Email {
  const locale = languageOf(language);
  const intl = intlFor(locale);
  const { subject, body } = build({
    intl,
    locale,
    say: (message, values) => intl.formatMessage(message, values),
  });
  return { subject, text: paragraphs(body) };
}

/** Paragraphs of plain text, one blank line between them, ending with a new line. */
export function paragraphs(parts: readonly Paragraph[]): string {
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
