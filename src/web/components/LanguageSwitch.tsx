import { useIntl } from 'react-intl';
import { LOCALES, LOCALE_NAMES } from '../../i18n/locales.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';

/**
 * Offers the other language, named in itself ("Cymraeg", "English"), as UK
 * public services do. The choice is remembered on this device and, for
 * someone signed in, on their account (see useAccountLanguage).
 */
export function LanguageSwitch() {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  const others = LOCALES.filter((l) => l !== locale);
  return (
    <ul
      className="language-switch"
      aria-label={intl.formatMessage({ id: 'common.language.switch', defaultMessage: 'Language' })}
    >
      {others.map((other) => (
        <li key={other}>
          <button
            type="button"
            className="button-link"
            lang={other}
            onClick={() => setLocale(other)}
          >
            {LOCALE_NAMES[other]}
          </button>
        </li>
      ))}
    </ul>
  );
}
