import { useRouterState, type AnyRouter } from '@tanstack/react-router';
import { useMemo } from 'react';

declare module '@tanstack/history' {
  interface HistoryState {
    /** A short message for the next page, such as "You have left the group". */
    notice?: string;
  }
}

/**
 * Where the person is, as pages need it. Routing itself is TanStack Router's
 * (see app/router.tsx); this is the small vocabulary our pages speak.
 */
export type Place = {
  pathname: string;
  /** The query string with its '?', or ''. */
  search: string;
  /** The fragment without its '#'. Emailed links carry their tokens here, never to the server. */
  hash: string;
  /** A short message for the next page, such as "You have left the group". */
  notice: string | null;
  /** A new value on every navigation, so a page can tell one from a re-render. */
  key: string;
  /** False on the address the app was opened at; true once the person has moved. */
  moved: boolean;
};

let router: AnyRouter | null = null;
let firstKey: string | undefined;

/**
 * Gives `navigate` the app's router, and keeps notices to the moment they are
 * given: once shown, a notice is taken out of its history entry, so a reload
 * or a step back does not show it again.
 */
export function connectRouter(app: AnyRouter): () => void {
  router = app;
  firstKey = app.state.location.state.__TSR_key;
  return app.subscribe('onResolved', ({ toLocation }) => {
    if (!toLocation.state.notice) return;
    const key = toLocation.state.__TSR_key;
    // The history entry is written just after the navigation starts; wait for it.
    window.setTimeout(() => {
      const state = window.history.state as Record<string, unknown> | null;
      if (!state || state.__TSR_key !== key) return;
      const rest = { ...state };
      delete rest.notice;
      window.history.replaceState(rest, '', window.location.href);
    }, 0);
  });
}

/** Goes to a path on this site (with its query and fragment), without reloading. */
export function navigate(to: string, options: { replace?: boolean; notice?: string } = {}) {
  if (!router) throw new Error('navigate() was called before the router was connected');
  void router.navigate({
    href: to,
    replace: options.replace ?? false,
    ...(options.notice ? { state: { notice: options.notice } } : {}),
  });
}

/** The address of the page on screen (while the next one loads, still this one). */
export function usePlace(): Place {
  const location = useRouterState({
    select: (state) => state.resolvedLocation ?? state.location,
  });
  return useMemo(() => {
    const key = location.state.__TSR_key ?? location.href;
    return {
      pathname: location.pathname,
      search: location.searchStr,
      hash: location.hash,
      notice: location.state.notice ?? null,
      key,
      moved: key !== firstKey,
    };
  }, [location]);
}

/**
 * Where to go after signing in, carried in the fragment (`#next=/join%23TOKEN`)
 * so that an invitation token never reaches a server log. Only paths on this
 * site are accepted.
 */
export function nextFrom(hash: string): string | null {
  const next = new URLSearchParams(hash).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return null;
  }
  return next;
}

export function withNext(path: string, next: string | null): string {
  return next ? `${path}#next=${encodeURIComponent(next)}` : path;
}
