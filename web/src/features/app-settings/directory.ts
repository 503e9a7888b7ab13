// Suggestions for the entity pickers: the people, departments and groups the server lets this
// person choose for the app (our entity picker, which keeps a guest space's app to that space's
// people), and — for administrators, who may list the directory — the User API's lists. Anyone
// may still type a code: the server says when it names nobody (`errors["…entity.code"]`); the
// browser never decides who exists.
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { ENTITY_PICKER_PATH, type EntityPickerResponse } from '../../../../common/api/entity-picker.js';
import { GROUPS_PATH } from '../../../../common/api/groups.js';
import { ORGANIZATIONS_PATH } from '../../../../common/api/organizations.js';
import { USERS_PATH } from '../../../../common/api/users.js';
import { api } from '../../api/client';
import { useSettingsTarget } from './settings-data';

export interface Suggestion {
  code: string;
  name: string;
}

const PATHS: Record<string, { path: string; key: string }> = {
  USER: { path: USERS_PATH, key: 'users' },
  GROUP: { path: GROUPS_PATH, key: 'groups' },
  ORGANIZATION: { path: ORGANIZATIONS_PATH, key: 'organizations' },
};

export function useSuggestions(type: string, typed = ''): Suggestion[] {
  const { appId } = useSettingsTarget();
  const keyword = useDeferredValue(typed.trim());
  const source = PATHS[type];
  const picker = useQuery({
    queryKey: ['app-settings', 'picker', appId, type, keyword],
    queryFn: async () => (await api<EntityPickerResponse>('GET', ENTITY_PICKER_PATH, { query: { app: appId, kind: type, keyword: keyword || undefined, limit: 20 } })).entities,
    enabled: Boolean(source) && appId !== '',
    retry: false,
    staleTime: 60_000,
  });
  const directory = useQuery({
    queryKey: ['app-settings', 'directory', type],
    queryFn: async () => {
      const body = await api<Record<string, Suggestion[]>>('GET', source!.path, { query: { size: 100 } });
      return (body[source!.key] ?? []).map((x) => ({ code: x.code, name: x.name }));
    },
    // The picker answers for apps people can use; a new app is the administrators' directory's.
    enabled: Boolean(source) && picker.isError,
    retry: false,
    staleTime: 5 * 60_000,
  });
  return picker.data ?? directory.data ?? [];
}
