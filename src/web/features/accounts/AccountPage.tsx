import { useState, type ReactNode } from 'react';
import type { Me } from '../../../contracts/accounts.ts';
import { Problem } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { ApiTokens } from './ApiTokens.tsx';
import { ProfileForms } from './ProfileForms.tsx';

type Props = {
  me: Me;
  onSignedOut: () => void;
  /** After you change your name, with the account as it now is. */
  onChanged: (me: Me) => void;
  /** Settings from other features (calendar feeds, meeting emails), composed by app/. */
  children?: ReactNode;
};

export function AccountPage({ me, onSignedOut, onChanged, children }: Props) {
  const [problem, setProblem] = useState<ApiError | null>(null);

  function signOut() {
    setProblem(null);
    api
      .delete('/api/v1/session')
      .then(onSignedOut, (error: unknown) =>
        setProblem(
          error instanceof ApiError ? error : new ApiError(0, 'unexpected', 'Please try again.'),
        ),
      );
  }

  return (
    <Page title="Your account">
      {me.isAdmin ? <p>You are an administrator: you run this Accord installation.</p> : null}

      <ProfileForms me={me} onChanged={onChanged} />

      {children}

      <ApiTokens />

      <section aria-labelledby="sign-out-title">
        <h2 id="sign-out-title">Sign out</h2>
        <p>Signing out ends your session in this browser. Your API tokens keep working.</p>
        <button type="button" className="button button-secondary" onClick={signOut}>
          Sign out
        </button>
        <Problem error={problem} />
      </section>
    </Page>
  );
}
