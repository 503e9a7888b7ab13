// One visitor answer, fetched when its path changes and again on demand (after the password was
// given, after a busy wait). The previous answer stays on screen while the next one loads.
import { useCallback, useEffect, useState } from 'react';
import { VisitorError, visitorCall } from './api';

export interface Loaded<T> {
  data: T | null;
  error: VisitorError | null;
  loading: boolean;
  /** How many times it was asked again: a gate keyed by it starts afresh (a new busy wait). */
  round: number;
  reload(): void;
}

interface Answer<T> {
  /** The path and round the answer is for. */
  key: string;
  path: string | null;
  data: T | null;
  error: VisitorError | null;
}

/** `path` null: nothing to ask yet (a calendar before it knows its dates). */
export function useVisitorData<T>(path: string | null): Loaded<T> {
  const [answer, setAnswer] = useState<Answer<T>>({ key: '', path: '', data: null, error: null });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const key = `${round}:${path}`;
  useEffect(() => {
    if (path === null) return;
    const abort = new AbortController();
    visitorCall<T>('GET', path, undefined, abort.signal).then(
      (data) => setAnswer({ key, path, data, error: null }),
      (err: unknown) => {
        if (abort.signal.aborted) return;
        const error = err instanceof VisitorError ? err : new VisitorError(0, 'UNEXPECTED', '', '', null);
        setAnswer((a) => ({ key, path, data: a.path === path ? a.data : null, error }));
      },
    );
    return () => abort.abort();
  }, [key, path]);
  const loading = answer.key !== key;
  // While a retry is on its way, a gate stays a gate rather than flashing the old data.
  return { data: answer.data, error: answer.error, loading, round, reload };
}
