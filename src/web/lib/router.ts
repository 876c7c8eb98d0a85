import { useBlocker, useRouterState, type AnyRouter } from '@tanstack/react-router';
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
/** History entries whose notice has been shown once, and those where it is not to be shown again. */
const shown = new Set<string>();
const spent = new Set<string>();

/**
 * Gives `navigate` the app's router, and keeps notices to the moment they are
 * given: a notice shows when the page it was given to is reached, not again on
 * a reload or on coming back to it with the browser's Back and Forward.
 */
export function connectRouter(app: AnyRouter): void {
  router = app;
  firstKey = app.state.location.state.__TSR_key;
  if (firstKey) spent.add(firstKey);
  app.subscribe('onResolved', ({ fromLocation, toLocation }) => {
    const key = toLocation.state.__TSR_key;
    // The same entry loaded again (after signing in, say) is not a return to it.
    if (!key || key === fromLocation?.state.__TSR_key) return;
    if (shown.has(key)) spent.add(key);
    else shown.add(key);
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
      notice: spent.has(key) ? null : (location.state.notice ?? null),
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

/**
 * While `unsaved` is true, leaving the page asks first: closing or reloading
 * the tab (the browser's own question), and any move to another page of
 * Accord — a link, Back or Forward — answered in a confirm box. A move that
 * stays on this page (a fragment, the same address) is let through.
 */
export function useLeaveGuard(unsaved: boolean, question: string): void {
  useBlocker({
    disabled: !unsaved,
    enableBeforeUnload: () => unsaved,
    shouldBlockFn: ({ current, next }) =>
      (current.pathname !== next.pathname ||
        JSON.stringify(current.search) !== JSON.stringify(next.search)) &&
      !window.confirm(question),
  });
}
