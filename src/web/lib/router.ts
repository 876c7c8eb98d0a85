import { useSyncExternalStore } from 'react';

/**
 * A small router over the History API. Each navigation gets a new `key`, so
 * pages can tell a real route change (move focus, announce the title) from a
 * re-render. The first page load has key 0.
 */
export type Place = {
  pathname: string;
  search: string;
  /** The fragment without its '#'. Emailed links carry their tokens here, never to the server. */
  hash: string;
  /** A short message for the next page, such as "You have left the group". */
  notice: string | null;
  key: number;
};

type HistoryState = { notice?: string } | null;

let key = 0;
let current = read();
const listeners = new Set<() => void>();

function read(): Place {
  const state = window.history.state as HistoryState;
  return {
    pathname: window.location.pathname,
    search: window.location.search,
    hash: window.location.hash.replace(/^#/, ''),
    notice: state?.notice ?? null,
    key,
  };
}

function changed() {
  key += 1;
  current = read();
  // A notice belongs to the moment it was given: a reload should not show it again.
  if (current.notice) window.history.replaceState(null, '', window.location.href);
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', changed);

export function navigate(to: string, options: { replace?: boolean; notice?: string } = {}) {
  const state: HistoryState = options.notice ? { notice: options.notice } : null;
  if (options.replace) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  window.scrollTo(0, 0);
  changed();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePlace(): Place {
  return useSyncExternalStore(subscribe, () => current);
}

/** Matches a path such as /groups/:groupId; returns the named parts, or null. */
export function match(pattern: string, pathname: string): Record<string, string> | null {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  const found = new RegExp(`^${source}/?$`).exec(pathname);
  if (!found) return null;
  const params: Record<string, string> = {};
  names.forEach((name, index) => {
    params[name] = decodeURIComponent(found[index + 1] ?? '');
  });
  return params;
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
