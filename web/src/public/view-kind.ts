// Which kind of view a token names. The page's address does not say, and no path answers it, so
// the view's data paths are asked in turn: each answers "not found" for a view of another kind,
// and every gate (password, network, busy) answers the same on all of them, so the first answer
// that is not "not found" decides. Remembered for the tab, so a reload asks once.
import { useCallback, useEffect, useState } from 'react';
import { VisitorError, visitorCall } from './api';

export type Family = 'list' | 'card' | 'calendar' | 'graph' | 'segment' | 'dashboard';

export const DATA_PATHS: Record<Family, string> = {
  list: 'data.json',
  card: 'cards.json',
  calendar: 'calendar.json',
  graph: 'graph.json',
  segment: 'segments.json',
  dashboard: 'dashboard.json',
};
const ORDER: Family[] = ['list', 'card', 'calendar', 'graph', 'segment', 'dashboard'];
const KEY = 'engawa.pv.kind.';

function remembered(token: string): Family | null {
  try {
    const v = sessionStorage.getItem(KEY + token);
    return v && (ORDER as string[]).includes(v) ? (v as Family) : null;
  } catch {
    return null;
  }
}

export function forgetKind(token: string): void {
  try {
    sessionStorage.removeItem(KEY + token);
  } catch {
    // Nothing kept.
  }
}

async function probe(token: string, signal: AbortSignal): Promise<Family | null> {
  for (const family of ORDER) {
    try {
      await visitorCall('GET', `/public/${token}/${DATA_PATHS[family]}`, undefined, signal);
      return family;
    } catch (err) {
      if (!(err instanceof VisitorError) || err.status !== 404) throw err;
    }
  }
  return null;
}

export function useViewKind(token: string): { family: Family | null; notFound: boolean; error: VisitorError | null; round: number; retry(): void } {
  const [known] = useState(() => remembered(token));
  const [state, setState] = useState<{ family: Family | null; notFound: boolean; error: VisitorError | null }>({ family: known, notFound: false, error: null });
  const [round, setRound] = useState(0);
  const retry = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    if (known && round === 0) return;
    const abort = new AbortController();
    probe(token, abort.signal).then(
      (family) => {
        if (family) {
          try {
            sessionStorage.setItem(KEY + token, family);
          } catch {
            // Asked again next time.
          }
        }
        setState({ family, notFound: family === null, error: null });
      },
      (err: unknown) => {
        if (abort.signal.aborted) return;
        setState({ family: null, notFound: false, error: err instanceof VisitorError ? err : new VisitorError(0, 'UNEXPECTED', '', '', null) });
      },
    );
    return () => abort.abort();
  }, [token, known, round]);
  return { ...state, round, retry };
}
