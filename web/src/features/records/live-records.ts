// Live record screens: the list and a record's details refetch when a record of the app changes
// (api/live.ts). Only what the screen reads from records is refetched — the app's settings,
// fields and views stay cached — and a form being filled in is never touched: the edit and new
// screens keep their own queries (record-forms), so someone else's change cannot wipe one's input.
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useLive } from '../../api/live';
import type { Place } from '../../api/place';
import { appKey } from './use-app';

/** The parts of an app's cache that come from its records (see the query keys of this area). */
const RECORD_DATA = new Set(['list', 'acl', 'calendar', 'report', 'record', 'related', 'visible']);

function refreshRecords(queryClient: QueryClient, place: Place, appId: string): Promise<void> {
  const prefix = appKey(place, appId);
  return queryClient.invalidateQueries({
    predicate: (q) => prefix.every((part, i) => q.queryKey[i] === part) && RECORD_DATA.has(String(q.queryKey[prefix.length])),
  });
}

/** レコードの一覧: any record of the app added, edited, moved on or deleted. */
export function useLiveList(place: Place, appId: string): void {
  const queryClient = useQueryClient();
  const refresh = () => void refreshRecords(queryClient, place, appId);
  useLive({ app: [appId] }, { ready: refresh, 'record.changed': refresh });
}

/**
 * レコードの詳細: this record edited, moved on or deleted — the read view, comments and history
 * refetch — or a comment added or deleted: the comments refetch.
 */
export function useLiveRecord(place: Place, appId: string, recordId: string): void {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: [...appKey(place, appId), 'record', recordId] });
  const refreshComments = () => void queryClient.invalidateQueries({ queryKey: [...appKey(place, appId), 'record', recordId, 'comments'] });
  useLive({ record: [`${appId}:${recordId}`] }, { ready: refresh, 'record.changed': refresh, 'record.comment': refreshComments });
}
