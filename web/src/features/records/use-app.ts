// The app behind a record screen, read once and shared by its screens through React Query:
// the app, its settings, fields, views and the caller's rights, and the fields the caller can
// see (the keys of a record the server answers, which leaves out every field they may not read).
import { useQuery } from '@tanstack/react-query';
import { getApp, getAppRights, getAppSettings, getFormFields, getFormLayout, getProcessSettings, getReports, getViews } from '../../api/apps';
import type { Place } from '../../api/place';
import { getRecords } from '../../api/records';
import { useSession } from '../auth/session';

export const appKey = (place: Place, app: string) => ['records', place.guestSpaceId ?? '', app] as const;

const STALE = 60_000;

export function useAppMeta(place: Place, app: string) {
  const key = appKey(place, app);
  const appQ = useQuery({ queryKey: [...key, 'app'], queryFn: () => getApp(place, app), staleTime: STALE });
  const settings = useQuery({ queryKey: [...key, 'settings'], queryFn: () => getAppSettings(place, app), staleTime: STALE });
  const fields = useQuery({ queryKey: [...key, 'fields'], queryFn: () => getFormFields(place, app), staleTime: STALE });
  const rights = useQuery({ queryKey: [...key, 'rights'], queryFn: () => getAppRights(place, app), staleTime: STALE });
  const error = appQ.error ?? settings.error ?? fields.error ?? rights.error;
  const ready = appQ.data && settings.data && fields.data && rights.data;
  return {
    error,
    data: ready ? { app: appQ.data!, settings: settings.data!, properties: fields.data!.properties, rights: rights.data! } : undefined,
  };
}

export const useViews = (place: Place, app: string) =>
  useQuery({ queryKey: [...appKey(place, app), 'views'], queryFn: () => getViews(place, app).then((r) => r.views), staleTime: STALE });

export const useLayout = (place: Place, app: string) =>
  useQuery({ queryKey: [...appKey(place, app), 'layout'], queryFn: () => getFormLayout(place, app).then((r) => r.layout), staleTime: STALE });

export const useReports = (place: Place, app: string) =>
  useQuery({ queryKey: [...appKey(place, app), 'reports'], queryFn: () => getReports(place, app).then((r) => r.reports), staleTime: STALE });

export const useProcess = (place: Place, app: string) =>
  useQuery({ queryKey: [...appKey(place, app), 'process'], queryFn: () => getProcessSettings(place, app), staleTime: STALE });

/**
 * The field codes the caller can read, from one record's keys (the server leaves hidden fields
 * out of every answer); null while unknown or when there is no record to tell.
 */
export function useVisibleFields(place: Place, app: string): ReadonlySet<string> | null {
  const q = useQuery({
    queryKey: [...appKey(place, app), 'visible'],
    queryFn: async () => {
      const { records } = await getRecords(place, app, 'limit 1');
      return records[0] ? Object.keys(records[0]) : null;
    },
    staleTime: STALE,
  });
  return q.data ? new Set(q.data) : null;
}

export function useTimeZone(): string {
  return useSession().data?.user.timezone ?? 'UTC';
}
