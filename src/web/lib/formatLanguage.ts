import type { IntlShape } from 'react-intl';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales.ts';

/**
 * The language dates and times are written in, set by the language provider
 * as it changes. Kept apart from the formatting itself (format.ts), so that
 * the date layer comes with the pages that show dates, not with the app.
 */
export const formatLanguage: { locale: Locale; intl: IntlShape | null } = {
  locale: DEFAULT_LOCALE,
  intl: null,
};

export function setFormatLocale(locale: Locale, intl: IntlShape): void {
  formatLanguage.locale = locale;
  formatLanguage.intl = intl;
}
