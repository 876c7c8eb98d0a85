import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { DEFAULT_LOCALE, intlTag, isLocale, pickLocale, type Locale } from '../../i18n/locales.ts';
import { api, setApiLanguage } from '../lib/api.ts';
import { setFormatLocale } from '../lib/formatLanguage.ts';
import { englishMessages, loadMessages, type Catalogue } from './messages.ts';

const STORAGE_KEY = 'accord.language';

/** What the language layer needs to know of whoever is signed in. */
export type Account = { language: Locale | null };

type LocaleContext = {
  locale: Locale;
  /**
   * Changes the language on screen and remembers it on this device, and on
   * the account of whoever is signed in, so their other devices and their
   * emails follow.
   */
  setLocale: (locale: Locale) => void;
  /**
   * Tells the language layer who is signed in (null: no one). On signing in
   * (or finding the session) a language saved on the account is put on
   * screen, as it is whenever `apply` is set; choices made from then on are
   * kept on the account.
   */
  followAccount: (account: Account | null, options?: { apply?: boolean }) => void;
};

const Context = createContext<LocaleContext>({
  locale: DEFAULT_LOCALE,
  setLocale: () => undefined,
  followAccount: () => undefined,
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

/**
 * Keeps dates and the API's words in step with the messages: format.ts and
 * api.ts read the language outside React.
 */
function FormatLocale({ locale }: { locale: Locale }) {
  const intl = useIntl();
  setFormatLocale(locale, intl);
  setApiLanguage(locale, intl);
  return null;
}

/** The language on screen, and its messages. */
export type Shown = { locale: Locale; messages: Catalogue };

const ENGLISH: Shown = { locale: DEFAULT_LOCALE, messages: englishMessages };

/**
 * The language to show first and its messages, loaded before the app is
 * drawn, so that the first words on screen are already in that language.
 * Should a catalogue not arrive, English (whose words are in the code).
 */
export function firstLanguage(): Promise<Shown> {
  const locale = initialLocale();
  return loadMessages(locale).then(
    (messages) => ({ locale, messages }),
    () => ENGLISH,
  );
}

/**
 * Provides the messages in the chosen language, starting with `initial`
 * (see firstLanguage). Until a newly chosen catalogue has loaded the previous
 * language stays on screen, so there is never a blank page.
 */
export function LocaleProvider({ initial, children }: { initial: Shown; children: ReactNode }) {
  const [shown, setShown] = useState<Shown>(initial);
  // The language asked for last: a catalogue that arrives after another choice is not shown.
  const wanted = useRef<Locale>(initial.locale);

  const show = useCallback((locale: Locale) => {
    wanted.current = locale;
    loadMessages(locale).then(
      (messages) => {
        if (wanted.current !== locale) return;
        setShown((was) => (was.locale === locale ? was : { locale, messages }));
      },
      () => {
        if (wanted.current === locale) setShown(ENGLISH);
      },
    );
  }, []);

  useEffect(() => {
    document.documentElement.lang = shown.locale;
  }, [shown.locale]);

  const signedIn = useRef(false);

  const setLocale = useCallback(
    (locale: Locale) => {
      remember(locale);
      show(locale);
      if (signedIn.current) {
        // Kept on the account too; if that fails the page still changes, and this device remembers.
        api.patch('/api/v1/me', { language: locale }).catch(() => undefined);
      }
    },
    [show],
  );

  const followAccount = useCallback(
    (account: Account | null, options: { apply?: boolean } = {}) => {
      // Only a new sign-in applies the saved language: a later copy of the
      // account may be older than a choice made since.
      const arriving = !signedIn.current;
      signedIn.current = account !== null;
      if (account && (arriving || options.apply) && isLocale(account.language)) {
        remember(account.language);
        show(account.language);
      }
    },
    [show],
  );

  const value = useMemo(
    () => ({ locale: shown.locale, setLocale, followAccount }),
    [shown.locale, setLocale, followAccount],
  );

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

/**
 * Follows the signed-in person's language: call it where the session is
 * known, with the person (or null when no one is signed in). Their saved
 * language is applied when they sign in or the session is found, and the
 * language switch then keeps its choice on their account.
 */
export function useAccountLanguage(me: Account | null | undefined): void {
  const { followAccount } = useLocale();
  const signedIn = me !== null && me !== undefined;
  const language = me?.language ?? null;
  useEffect(() => {
    followAccount(signedIn ? { language } : null);
  }, [followAccount, signedIn, language]);
}
