import { useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Me } from '../../../contracts/accounts.ts';
import { Problem, useToProblem } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { useAccountLanguage, useLocale } from '../../i18n/LocaleProvider.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { ApiTokens } from './ApiTokens.tsx';
import { LanguageSetting } from './LanguageSetting.tsx';
import { ProfileForms } from './ProfileForms.tsx';

type Props = {
  me: Me;
  onSignedOut: () => void;
  /** After you change your name or language, with the account as it now is. */
  onChanged: (me: Me) => void;
  /** Settings from other features (calendar feeds, meeting emails), composed by app/. */
  children?: ReactNode;
};

export function AccountPage({ me, onSignedOut, onChanged, children }: Props) {
  const intl = useIntl();
  const toProblem = useToProblem();
  const [problem, setProblem] = useState<ApiError | null>(null);
  // Whoever is here is signed in: the language switch keeps its choice on this account.
  useAccountLanguage(me);
  const { followAccount } = useLocale();

  function signOut() {
    setProblem(null);
    api.delete('/api/v1/session').then(
      () => {
        followAccount(null);
        onSignedOut();
      },
      (error: unknown) => setProblem(toProblem(error)),
    );
  }

  return (
    <Page
      title={intl.formatMessage({ id: 'accounts.account.title', defaultMessage: 'Your account' })}
    >
      {me.isAdmin ? (
        <p>
          <FormattedMessage
            id="accounts.account.admin"
            defaultMessage="You are an administrator: you run this Accord installation."
          />
        </p>
      ) : null}

      <ProfileForms me={me} onChanged={onChanged} />

      <LanguageSetting onChanged={onChanged} />

      {children}

      <ApiTokens />

      <section aria-labelledby="sign-out-title">
        <h2 id="sign-out-title">
          <FormattedMessage id="accounts.account.signOutTitle" defaultMessage="Sign out" />
        </h2>
        <p>
          <FormattedMessage
            id="accounts.account.signOutLead"
            defaultMessage="Signing out ends your session in this browser. Your API tokens keep working."
          />
        </p>
        <button type="button" className="button button-secondary" onClick={signOut}>
          <FormattedMessage id="accounts.account.signOut" defaultMessage="Sign out" />
        </button>
        <Problem error={problem} />
      </section>
    </Page>
  );
}
