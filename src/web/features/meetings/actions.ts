import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../lib/api.ts';

export function asProblem(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', 'Please try again.');
}

/**
 * One button's action at a time (publish, cancel, no interest): whether it is
 * running, and what went wrong last.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const run = useCallback(
    (action: () => Promise<unknown>, done?: () => void) => {
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
          setProblem(asProblem(error));
        },
      );
    },
    [busy],
  );
  return { busy, problem, run };
}

/**
 * Fetches again every `seconds` while `active`, without reloading the page:
 * a live meeting's check-ins and quorum keep up by themselves.
 */
export function usePolling(reload: () => void, active: boolean, seconds = 10) {
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(reload, seconds * 1000);
    return () => window.clearInterval(timer);
  }, [reload, active, seconds]);
}

/** Fetches again at `at` (when check-in opens, say), if that is soon enough to wait for. */
export function useReloadAt(reload: () => void, at: string | null) {
  useEffect(() => {
    if (!at) return;
    const wait = Date.parse(at) - Date.now();
    if (wait <= 0 || wait > 12 * 3600_000) return;
    const timer = window.setTimeout(reload, wait + 1000);
    return () => window.clearTimeout(timer);
  }, [reload, at]);
}
