// What every settings screen shares: the app it is about, where it is (a guest space or not),
// the request cache keys of its preview settings, and what to refresh after a save.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import { type Place, usePlace } from '../../api/place';

export interface SettingsTarget {
  appId: string;
  place: Place;
  /** The cache key of one preview setting of this app (`fields`, `layout`, `views`…). */
  key(part: string): readonly unknown[];
}

export function settingsKey(place: Place, appId: string, part?: string): readonly unknown[] {
  const base = ['app-settings', place.guestSpaceId ?? '', appId] as const;
  return part ? [...base, part] : base;
}

export function useSettingsTarget(): SettingsTarget {
  const appId = useParams().appId ?? '';
  const place = usePlace();
  return { appId, place, key: (part) => settingsKey(place, appId, part) };
}

/**
 * After a preview write: the setting itself (and anything derived from it) and the
 * "changes not yet applied" marker are read again.
 */
export function useSettingsSaved(): (...parts: string[]) => Promise<void> {
  const queryClient = useQueryClient();
  const { place, appId } = useSettingsTarget();
  return useCallback(
    async (...parts: string[]) => {
      const keys = parts.length ? parts : [undefined];
      await Promise.all([
        ...keys.map((p) => queryClient.invalidateQueries({ queryKey: settingsKey(place, appId, p) })),
        queryClient.invalidateQueries({ queryKey: settingsKey(place, appId, 'changes') }),
      ]);
    },
    [queryClient, place, appId],
  );
}
