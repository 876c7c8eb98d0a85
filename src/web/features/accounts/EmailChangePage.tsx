import { useEffect, useRef, useState } from 'react';
import type { Me } from '../../../contracts/accounts.ts';
import { secretToken } from '../../../contracts/common.ts';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { api, ApiError } from '../../lib/api.ts';

type Props = { token: string; me: Me | null; onChanged: (me: Me) => void };

/** Where the link sent to a new email address lands: it confirms the change, once. */
export function EmailChangePage({ token, me, onChanged }: Props) {
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Me | null>(null);
  const started = useRef(false);
  const complete = secretToken.safeParse(token).success;

  useEffect(() => {
    if (!complete || started.current) return;
    started.current = true;
    api.post<{ user: Me }>('/api/v1/me/email/confirm', { token }).then(
      ({ user }) => {
        // Only the account signed in here is updated; opening the link signs no one in.
        if (me?.id === user.id) onChanged(user);
        setDone(user);
      },
      (error: unknown) =>
        setProblem(
          error instanceof ApiError
            ? error
            : new ApiError(0, 'unexpected', 'Something went wrong.'),
        ),
    );
  }, [token, complete, me, onChanged]);

  if (!complete || problem?.code === 'validation_failed') {
    return (
      <Page title="This link is not complete">
        <p>
          Open the link from your email again. If you copied it, make sure you copied all of it.
        </p>
      </Page>
    );
  }
  if (problem) {
    return (
      <Page title="Your email address was not changed">
        <p>{problem.message}</p>
        <p>
          {me ? <Link to="/account">Go to your account</Link> : <Link to="/sign-in">Sign in</Link>}
        </p>
      </Page>
    );
  }
  if (done) {
    return (
      <Page title="Your email address is changed">
        <p>
          Your Accord email address is now <strong>{done.email}</strong>. Sign in with it from now
          on.
        </p>
        <p>
          {me ? <Link to="/account">Go to your account</Link> : <Link to="/sign-in">Sign in</Link>}
        </p>
      </Page>
    );
  }
  return (
    <Page title="Changing your email address" busy>
      <p className="loading">Checking your link…</p>
    </Page>
  );
}
