import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, isAbort } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replace the data with what a mutation returned, without another round trip. */
  setData: (data: T) => void;
}

/** GETs `path` (null = not now) and reloads when it changes; a newer request cancels an older one. */
export function useApiData<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: ApiError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: path !== null,
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: null }));
    api
      .get<T>(path, { signal: controller.signal })
      .then((data) => setState({ data, error: null, loading: false }))
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
        setState((previous) => ({ data: previous.data, error: apiError, loading: false }));
      });
    return () => controller.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const setData = useCallback((data: T) => setState({ data, error: null, loading: false }), []);
  return { ...state, reload, setData };
}
