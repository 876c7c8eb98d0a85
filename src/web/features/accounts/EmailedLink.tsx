import { useEffect, useRef, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from '../../components/Link.tsx';
import { Page } from '../../components/Page.tsx';
import { ApiError } from '../../lib/api.ts';

/** An emailed link that arrived cut short: what to do, and where to get a new one. */
export function IncompleteLink({
  title,
  to,
  action,
}: {
  title: string;
  to: string;
  action?: string;
}) {
  return (
    <Page title={title}>
      <p>
        <FormattedMessage
          id="accounts.link.incomplete"
          defaultMessage="Open the link from your email again. If you copied it, make sure you copied all of it."
        />
      </p>
      {action ? (
        <p>
          <Link to={to}>{action}</Link>
        </p>
      ) : null}
    </Page>
  );
}

/** While the token from an emailed link is being checked. */
export function CheckingLink({ title }: { title: string }) {
  return (
    <Page title={title} busy>
      <p className="loading">
        <FormattedMessage id="accounts.link.checking" defaultMessage="Checking your link…" />
      </p>
    </Page>
  );
}

type LinkUse<T> = {
  /** Whether the token is whole; a cut-short one is never sent. */
  complete: boolean;
  /** Send the token to the server. */
  send: () => Promise<T>;
  /** What to do once it has worked. */
  done: (answer: T) => void;
  /** What to say when the failure is not one the server explained. */
  unexpected: string;
};

/**
 * Sends an emailed link's token once, however often the page renders: the
 * link works only once. Answers the problem when it did not work.
 */
export function useEmailedLink<T>({ complete, send, done, unexpected }: LinkUse<T>) {
  const [problem, setProblem] = useState<ApiError | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (!complete || started.current) return;
    started.current = true;
    send().then(
      (answer) => done(answer),
      (error: unknown) =>
        setProblem(error instanceof ApiError ? error : new ApiError(0, 'unexpected', unexpected)),
    );
  }, [complete, send, done, unexpected]);

  return problem;
}
