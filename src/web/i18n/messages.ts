/// <reference types="vite/client" />
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales.ts';

type Catalogue = Record<string, string>;

/** English is in the main bundle; Welsh is fetched when someone chooses it. */
// The api namespace is the server's: it words the API's errors itself.
const english = import.meta.glob<Catalogue>(
  ['../../i18n/en-GB/*.json', '!../../i18n/en-GB/api.json'],
  { eager: true, import: 'default' },
);
const welsh = import.meta.glob<Catalogue>(['../../i18n/cy/*.json', '!../../i18n/cy/api.json'], {
  import: 'default',
});

function merge(parts: Catalogue[]): Catalogue {
  return Object.assign({}, ...parts) as Catalogue;
}

export const englishMessages: Catalogue = merge(Object.values(english));

export async function loadMessages(locale: Locale): Promise<Catalogue> {
  if (locale === DEFAULT_LOCALE) return englishMessages;
  return merge(await Promise.all(Object.values(welsh).map((load) => load())));
}
