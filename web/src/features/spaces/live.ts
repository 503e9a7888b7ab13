// Live updates for the spaces area: one server-sent-events stream per page (GET /api/events),
// naming the threads shown; on any message about them (or about one's notifications) the page
// refetches through the normal API, which applies every permission.
import { useEffect, useRef } from 'react';
import { EVENTS_PATH, type LiveMessage } from '../../../../common/api/events.js';

export function useLiveEvents(topics: { thread?: string[] }, onMessage: (m: LiveMessage) => void, enabled = true): void {
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  });
  const threads = (topics.thread ?? []).join(',');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const url = threads ? `${EVENTS_PATH}?thread=${encodeURIComponent(threads)}` : EVENTS_PATH;
    const source = new EventSource(url, { withCredentials: true });
    source.onmessage = (e: MessageEvent<string>) => {
      try {
        const m = JSON.parse(e.data) as LiveMessage;
        if (m.kind === 'session.ended') source.close();
        handler.current(m);
      } catch {
        // Not ours: ignored.
      }
    };
    return () => source.close();
  }, [threads, enabled]);
}
