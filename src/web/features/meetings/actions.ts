import { useEffect } from 'react';

export { useAction } from '../../lib/action.ts';

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
