import { type DependencyList, useEffect, useRef, useState } from 'react';

/** What an asynchronous read holds: the last answer (kept while a newer read runs) and the last failure. */
export interface AsyncState<T> {
  status: 'loading' | 'ready' | 'error';
  data: T | null;
  error: string | null;
}

const LOADING = { status: 'loading', data: null, error: null } as const;

/**
 * The one way views read data (DuckDB queries, files): runs `load` whenever `deps` change (not while
 * `enabled` is false) and keeps its answer. The newest read wins — an answer that arrives after a newer read
 * started, or after the view is gone, is dropped — and a failure becomes the `error` state, never an
 * unhandled rejection. The previous answer stays in `data` while a new read runs. `known` gives the answer
 * when it is already at hand (a read made ahead): it is then taken as it is, from the first render on.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  enabled = true,
  known?: () => T | undefined,
): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>(() => {
    const data = enabled ? known?.() : undefined;
    return data === undefined ? LOADING : { status: 'ready', data, error: null };
  });
  const latest = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` are the caller's list for `load` and `known`.
  useEffect(() => {
    if (!enabled) return;
    const run = ++latest.current;
    const data = known?.();
    if (data !== undefined) {
      setState((s) => (s.status === 'ready' && s.data === data ? s : { status: 'ready', data, error: null }));
      return;
    }
    setState((s) => (s.status === 'loading' ? s : { status: 'loading', data: s.data, error: null }));
    load().then(
      (data) => {
        if (run === latest.current) setState({ status: 'ready', data, error: null });
      },
      (e: unknown) => {
        if (run !== latest.current) return;
        setState((s) => ({
          status: 'error',
          data: s.data,
          error: e instanceof Error ? e.message : String(e),
        }));
      },
    );
    return () => {
      latest.current++;
    };
  }, [enabled, ...deps]);
  return state;
}
