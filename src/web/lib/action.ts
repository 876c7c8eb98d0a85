import { useCallback, useState } from 'react';
import { useToProblem } from '../components/Feedback.tsx';
import type { ApiError } from './api.ts';

/**
 * One button's action at a time (check, circulate, mark done): whether it is
 * running, and what went wrong last. `onError` may take an error for itself
 * (return true), such as the list of views that stop circulation.
 */
export function useAction() {
  const toProblem = useToProblem();
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
          const problem = toProblem(error);
          if (!onError?.(problem)) setProblem(problem);
        },
      );
    },
    [busy, toProblem],
  );
  return { busy, problem, run };
}
