import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Session } from '../../contracts/accounts.ts';
import { api, ApiError } from './api.ts';

/**
 * Server state lives in TanStack Query's cache, keyed by the API path it came
 * from, so a route's loader, a page and the live-update stream all speak of
 * the same entry.
 */
export type Resource<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  /** True until the first answer for this path arrives. */
  loading: boolean;
  /** Fetch again; the current data stays on screen until the new answer arrives. */
  reload: () => void;
};

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(0, 'unexpected', 'Something went wrong. Please reload the page.');
}

/** The query for a GET of an API path; a failure is always an ApiError. */
export function apiQuery<T>(path: string) {
  return queryOptions<T, ApiError>({
    queryKey: [path],
    queryFn: async () => {
      try {
        return await api.get<T>(path);
      } catch (error) {
        throw asApiError(error);
      }
    },
  });
}

/** Whether a query's key is an API path under this prefix (a group's path, say). */
function under(prefix: string) {
  return ({ queryKey }: { queryKey: readonly unknown[] }) => {
    const path = queryKey[0];
    if (typeof path !== 'string') return false;
    return path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`);
  };
}

/**
 * Everything cached about one group goes stale; what is on screen is fetched
 * again. A request already on its way is cancelled and sent anew: it may have
 * been answered before the change this reports, and keeping its answer would
 * leave the page behind until the next change (a live update arriving while
 * the page still fetches after the one before).
 */
export function invalidateGroup(client: QueryClient, groupId: string): Promise<void> {
  return client.invalidateQueries({
    predicate: under(`/api/v1/groups/${encodeURIComponent(groupId)}`),
  });
}

/** GETs a path from the API (null: nothing to fetch yet) through the query cache. */
export function useResource<T>(path: string | null): Resource<T> {
  const query = useQuery({ ...apiQuery<T>(path ?? ''), enabled: path !== null });
  const { refetch } = query;
  // A request already on its way (after a change or a live update) answers this one too.
  const reload = useCallback(() => void refetch({ cancelRefetch: false }), [refetch]);
  return {
    data: query.data,
    error: query.error ?? undefined,
    loading: path !== null && query.isPending,
    reload,
  };
}

/** Who is signed in: an answer for signed-out people too, so the browser logs no failed request. */
export const sessionQuery = {
  ...apiQuery<Session>('/api/v1/session'),
  // It changes only when this app signs someone in or out, and the app says so itself.
  staleTime: Infinity,
};

/**
 * After a change made here, every cached answer is out of date: none is
 * shown again without being fetched anew. What is on screen is not fetched
 * at once: the page that made the change says what to reload, or leaves
 * (asking again for a group just left would only find it gone). Signing in
 * and out is left alone: the app keeps who is signed in itself.
 */
export function invalidateAfterChange(client: QueryClient, path: string): Promise<void> {
  const session = sessionQuery.queryKey[0];
  if (path === session || path.startsWith(`${session}/`)) return Promise.resolve();
  return client.invalidateQueries({
    predicate: ({ queryKey }) => queryKey[0] !== session,
    refetchType: 'none',
  });
}
