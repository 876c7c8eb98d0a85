import { useState, type ReactNode } from 'react';
import type { Me } from '../../../contracts/accounts.ts';
import { Problem } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { ApiTokens } from './ApiTokens.tsx';

type Props = {
  me: Me;
  onSignedOut: () => void;
  /** Settings from other features (calendar feeds, meeting emails), composed by app/. */
  children?: ReactNode;
};

export function AccountPage({ me, onSignedOut, children }: Props) {
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
      <section aria-labelledby="details-title">
        <h2 id="details-title">Your details</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{me.name}</dd>
          <dt>Email address</dt>
          <dd>{me.email}</dd>
          {me.isAdmin ? (
            <>
              <dt>Administrator</dt>
              <dd>Yes: you run this Accord installation.</dd>
            </>
          ) : null}
        </dl>
      </section>

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
