import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { DEFAULT_LOCALE, intlTag, isLocale, pickLocale, type Locale } from '../../i18n/locales.ts';
import { setFormatLocale } from '../lib/format.ts';
import { englishMessages, loadMessages } from './messages.ts';

const STORAGE_KEY = 'accord.language';

type LocaleContext = {
  locale: Locale;
  /** Changes the language on screen and remembers it on this device. */
  setLocale: (locale: Locale) => void;
};

const Context = createContext<LocaleContext>({
  locale: DEFAULT_LOCALE,
  setLocale: () => undefined,
});

/** The language this device last chose, else the browser's own preference. */
export function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked; the browser's preference serves.
  }
  return pickLocale(navigator.languages ?? [navigator.language]);
}

function remember(locale: Locale) {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered on this device; a signed-in person's choice is kept on their account.
  }
}

/** Keeps dates in step with the messages: format.ts reads the language outside React. */
function FormatLocale({ locale }: { locale: Locale }) {
  const intl = useIntl();
  setFormatLocale(locale, intl);
  return null;
}

/**
 * Provides the messages in the chosen language. Until a catalogue has loaded
 * the previous language stays on screen, so there is never a blank page.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState<Locale>(initialLocale);
  const [shown, setShown] = useState<{ locale: Locale; messages: Record<string, string> }>({
    locale: DEFAULT_LOCALE,
    messages: englishMessages,
  });

  useEffect(() => {
    let live = true;
    loadMessages(wanted).then(
      (messages) => live && setShown({ locale: wanted, messages }),
      () => live && setShown({ locale: DEFAULT_LOCALE, messages: englishMessages }),
    );
    return () => {
      live = false;
    };
  }, [wanted]);

  useEffect(() => {
    document.documentElement.lang = shown.locale;
  }, [shown.locale]);

  const setLocale = useCallback((locale: Locale) => {
    remember(locale);
    setWanted(locale);
  }, []);
  const value = useMemo(() => ({ locale: shown.locale, setLocale }), [shown.locale, setLocale]);

  return (
    <Context.Provider value={value}>
      <IntlProvider locale={intlTag(shown.locale)} defaultLocale="en-GB" messages={shown.messages}>
        <FormatLocale locale={shown.locale} />
        {children}
      </IntlProvider>
    </Context.Provider>
  );
}

export function useLocale(): LocaleContext {
  return useContext(Context);
}
