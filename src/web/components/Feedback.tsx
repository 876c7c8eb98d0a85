import type { ReactNode } from 'react';
import { useCallback } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ApiError } from '../lib/api.ts';

/** What went wrong with an action that is not a form (remove, withdraw, leave). */
export function Problem({ error }: { error: ApiError | null }) {
  return (
    <div role="alert" className={error ? 'problem' : undefined}>
      {error ? error.message : null}
    </div>
  );
}

/** Shown while a page's data is on its way. */
export function Loading({ children }: { children?: ReactNode }) {
  return (
    <p className="loading">
      {children ?? <FormattedMessage id="common.feedback.loading" defaultMessage="Loading…" />}
    </p>
  );
}

/** A page's data could not be loaded: say why, and offer to try again. */
export function LoadProblem({ error, retry }: { error: ApiError; retry: () => void }) {
  return (
    <div className="problem" role="alert">
      <p>{error.message}</p>
      <button type="button" className="button button-secondary" onClick={retry}>
        <FormattedMessage id="common.feedback.tryAgain" defaultMessage="Try again" />
      </button>
    </div>
  );
}

/**
 * Turns whatever an action failed with into a problem to show: the API's own
 * error as it is, anything else (a network failure, a bug) as "Please try again."
 */
export function useToProblem(): (error: unknown) => ApiError {
  const intl = useIntl();
  return useCallback(
    (error: unknown) =>
      error instanceof ApiError
        ? error
        : new ApiError(
            0,
            'unexpected',
            intl.formatMessage({
              id: 'common.feedback.pleaseTryAgain',
              defaultMessage: 'Please try again.',
            }),
          ),
    [intl],
  );
}
