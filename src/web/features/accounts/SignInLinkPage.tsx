import { useEffect, useRef, useState } from 'react';
import type { Me } from '../../../contracts/accounts.ts';
import { secretToken } from '../../../contracts/common.ts';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { navigate } from '../../lib/router.ts';

type Props = { token: string; next: string | null; onSignedIn: (me: Me) => void };

/** Where an emailed sign-in link lands: it signs in with the token from the link's fragment. */
export function SignInLinkPage({ token, next, onSignedIn }: Props) {
  const [problem, setProblem] = useState<ApiError | null>(null);
  const started = useRef(false);
  const complete = secretToken.safeParse(token).success;

  useEffect(() => {
    // The link works once: never send it twice.
    if (!complete || started.current) return;
    started.current = true;
    api.post<{ user: Me }>('/api/v1/session/link', { token }).then(
      ({ user }) => {
        onSignedIn(user);
        // Back where the link was asked for (an invitation, say), or to My groups.
        navigate(next ?? '/groups', {
          replace: true,
          notice: `You are signed in. Welcome, ${user.name}.`,
        });
      },
      (error: unknown) =>
        setProblem(
          error instanceof ApiError
            ? error
            : new ApiError(0, 'unexpected', 'Something went wrong.'),
        ),
    );
  }, [token, next, complete, onSignedIn]);

  if (!complete || problem?.code === 'validation_failed') {
    return (
      <Page title="This sign-in link is not complete">
        <p>
          Open the link from your email again. If you copied it, make sure you copied all of it.
        </p>
        <p>
          <Link to="/sign-in">Get a new sign-in link</Link>
        </p>
      </Page>
    );
  }
  if (problem) {
    return (
      <Page title="This sign-in link did not work">
        <p>{problem.message}</p>
        <p>
          <Link to="/sign-in">Get a new sign-in link</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Signing you in" busy>
      <p className="loading">Checking your link…</p>
    </Page>
  );
}
