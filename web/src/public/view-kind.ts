// Which kind of view a token names, and what the page needs to start, in one request
// (`view.json`, behind the same gates as every visitor request: a pending password or sign-in,
// the network refusal and "busy" answer there as on any data path, and an unknown view is "not
// found" like everything else).
import { useCallback, useEffect, useState } from 'react';
import type { VisitorViewStartJson } from '../../../common/api/public-view-start.js';
import type { PublicViewKind } from '../../../common/api/public-views.js';
import { VisitorError, visitorCall } from './api';

/** The page that draws a kind: an advanced graph is a graph's, a MyPage a list's. */
export type Family = 'list' | 'card' | 'calendar' | 'graph' | 'segment' | 'dashboard';

const FAMILIES: Record<PublicViewKind, Family> = {
  list: 'list',
  myPage: 'list',
  card: 'card',
  calendar: 'calendar',
  graph: 'graph',
  advancedGraph: 'graph',
  segment: 'segment',
  dashboard: 'dashboard',
};

export function familyOf(kind: string): Family | null {
  return Object.hasOwn(FAMILIES, kind) ? FAMILIES[kind as PublicViewKind] : null;
}

export interface ViewStart {
  family: Family | null;
  start: VisitorViewStartJson | null;
  notFound: boolean;
  error: VisitorError | null;
  round: number;
  retry(): void;
}

export function useViewKind(token: string): ViewStart {
  const [state, setState] = useState<{ start: VisitorViewStartJson | null; notFound: boolean; error: VisitorError | null }>({ start: null, notFound: false, error: null });
  const [round, setRound] = useState(0);
  const retry = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    const abort = new AbortController();
    visitorCall<VisitorViewStartJson>('GET', `/public/${token}/view.json`, undefined, abort.signal).then(
      (start) => setState({ start, notFound: familyOf(start.kind) === null, error: null }),
      (err: unknown) => {
        if (abort.signal.aborted) return;
        if (err instanceof VisitorError && err.status === 404) setState({ start: null, notFound: true, error: null });
        else setState({ start: null, notFound: false, error: err instanceof VisitorError ? err : new VisitorError(0, 'UNEXPECTED', '', '', null) });
      },
    );
    return () => abort.abort();
  }, [token, round]);
  const family = state.start ? familyOf(state.start.kind) : null;
  return { ...state, family, round, retry };
}
