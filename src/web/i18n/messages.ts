/// <reference types="vite/client" />
import type { MessageFormatElement } from 'react-intl';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales.ts';

/**
 * Messages by id, already parsed: the build turns each catalogue's text into
 * react-intl's syntax tree (vite.config.ts, compiledCatalogues), and the
 * browser has no message parser.
 */
export type Catalogue = Record<string, MessageFormatElement[]>;

/**
 * English needs no catalogue in the browser: every message in the web app
 * carries its English text as its defaultMessage (a lint rule insists), and
 * src/i18n/en-GB is extracted from exactly those (`npm run check:messages`),
 * so react-intl shows the source's own words. Shipping the catalogue as well
 * would send each English message twice, and all of them with the first page.
 */
export const englishMessages: Catalogue = {};

/** Welsh is fetched, a file per namespace, when someone reads in it. */
// The api and email namespaces are the server's: it words the API's errors and the emails itself.
const welsh = import.meta.glob<Catalogue>(
  ['../../i18n/cy/*.json', '!../../i18n/cy/api.json', '!../../i18n/cy/email.json'],
  { import: 'default' },
);

function merge(parts: Catalogue[]): Catalogue {
  return Object.assign({}, ...parts) as Catalogue;
}

export async function loadMessages(locale: Locale): Promise<Catalogue> {
  if (locale === DEFAULT_LOCALE) return englishMessages;
  return merge(await Promise.all(Object.values(welsh).map((load) => load())));
}
