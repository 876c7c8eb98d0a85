import { useCallback, useState } from 'react';
import { ApiError } from './api.ts';

export function asProblem(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', 'Please try again.');
}

/**
 * One button's action at a time (check, circulate, mark done): whether it is
 * running, and what went wrong last. `onError` may take an error for itself
 * (return true), such as the list of views that stop circulation.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const run = useCallback(
    (action: () => Promise<unknown>, done?: () => void, onError?: (error: ApiError) => boolean) => {
      if (busy) return;
      setBusy(true);
      setProblem(null);
      action().then(
        () => {
          setBusy(false);
          done?.();
        },
        (error: unknown) => {
          setBusy(false);
          const problem = asProblem(error);
          if (!onError?.(problem)) setProblem(problem);
        },
      );
    },
    [busy],
  );
  return { busy, problem, run };
}
