import { useCallback, useEffect, useState } from 'react';
import type { Me, Session } from '../../contracts/accounts.ts';
import { AnnouncerProvider } from '../components/Announcer.tsx';
import { LoadProblem, Loading } from '../components/Feedback.tsx';
import { api, ApiError } from '../lib/api.ts';
import { navigate } from '../lib/router.ts';
import { Layout } from './Layout.tsx';
import { Routes } from './routes.tsx';

type SessionState =
  | { status: 'checking' }
  | { status: 'known'; me: Me | null }
  | { status: 'failed'; error: ApiError };

/** Finds out who is signed in, then shows the page for the address. */
export function App() {
  const [session, setSession] = useState<SessionState>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    // Signed out is an answer (200 with no user), so the browser logs no failed request.
    api.get<Session>('/api/v1/session').then(
      ({ user }) => live && setSession({ status: 'known', me: user }),
      (error: unknown) => {
        if (!live) return;
        setSession({
          status: 'failed',
          error: error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error)),
        });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const signedIn = useCallback((me: Me) => setSession({ status: 'known', me }), []);
  const signedOut = useCallback(() => {
    setSession({ status: 'known', me: null });
    navigate('/sign-in', { notice: 'You have signed out.' });
  }, []);

  const me = session.status === 'known' ? session.me : null;
  return (
    <AnnouncerProvider>
      <Layout me={me}>
        {session.status === 'checking' ? <Loading /> : null}
        {session.status === 'failed' ? (
          <LoadProblem error={session.error} retry={() => setAttempt((n) => n + 1)} />
        ) : null}
        {session.status === 'known' ? (
          <Routes me={me} signedIn={signedIn} signedOut={signedOut} />
        ) : null}
      </Layout>
    </AnnouncerProvider>
  );
}
