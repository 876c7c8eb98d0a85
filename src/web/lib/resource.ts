import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api.ts';

type Loaded<T> = { path: string; version: number; data?: T; error?: ApiError };

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

/** GETs a path from the API (null: nothing to fetch yet) and keeps the latest answer. */
export function useResource<T>(path: string | null): Resource<T> {
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);

  useEffect(() => {
    if (path === null) return;
    let live = true;
    api.get<T>(path).then(
      (data) => live && setLoaded({ path, version, data }),
      (error: unknown) => live && setLoaded({ path, version, error: asApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const mine = loaded !== null && loaded.path === path ? loaded : null;
  return {
    data: mine?.data,
    error: mine?.error,
    loading: path !== null && mine === null,
    reload,
  };
}
