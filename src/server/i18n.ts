import fs from 'node:fs';
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { DEFAULT_LOCALE, intlTag, isLocale, type Locale } from '../i18n/locales.ts';

/**
 * The message catalogue on the server, for what it writes to people: emails
 * in the recipient's language, and the API's errors in the reader's. The English text of each message is written
 * where it is used (its defaultMessage); the catalogues in src/i18n hold the
 * same English and the Welsh.
 */
const folder = new URL('../i18n/', import.meta.url);
const cache = createIntlCache();
const intls = new Map<Locale, IntlShape>();

function catalogue(locale: Locale): Record<string, string> {
  const dir = new URL(`${locale}/`, folder);
  const messages: Record<string, string> = {};
  if (!fs.existsSync(dir)) return messages;
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    Object.assign(messages, JSON.parse(fs.readFileSync(new URL(name, dir), 'utf8')));
  }
  return messages;
}

/** Messages and formats in a language; anything but a known language gets English. */
export function intlFor(locale: string | null | undefined): IntlShape {
  const chosen: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  let found = intls.get(chosen);
  if (!found) {
    found = createIntl(
      {
        locale: intlTag(chosen),
        defaultLocale: 'en-GB',
        messages: catalogue(chosen),
        // A missing Welsh message falls back to English; `npm run check:messages` keeps that from happening.
        onError: () => undefined,
      },
      cache,
    );
    intls.set(chosen, found);
  }
  return found;
}
