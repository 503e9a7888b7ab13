// Previous / next record within the list the person opened this record from: the list's address
// rides along (`?view=…&q=…&sort=…&i=<position>`), and the same query asked around that position
// finds the neighbours. Opened from anywhere else, there is no list to walk.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePlace } from '../../api/place';
import { getRecords } from '../../api/records';
import { useStrings } from '../../i18n/area-strings';
import { currentView, effectiveQuery, keywordFields, orderedViews, readListState } from './list-state';
import { composeQuery } from './query/filter';
import { strings } from './strings';
import { appKey, type useAppMeta, useViews, useVisibleFields } from './use-app';

type Meta = NonNullable<ReturnType<typeof useAppMeta>['data']>;

export function RecordNav({ appId, recordId, meta }: { appId: string; recordId: string; meta: Meta }) {
  const s = useStrings(strings).detail;
  const place = usePlace();
  const [params] = useSearchParams();
  const views = useViews(place, appId);
  const visible = useVisibleFields(place, appId);
  const index = Number(params.get('i'));
  const hasList = params.has('i') && Number.isSafeInteger(index) && index >= 0;
  const query = useMemo(() => {
    if (!hasList || !views.data) return null;
    const state = readListState(params);
    const view = currentView(orderedViews(views.data), state.view);
    const q = effectiveQuery(state, view, keywordFields(meta.properties, visible));
    return composeQuery({ where: q.where, orderBy: q.orderBy, limit: index === 0 ? 2 : 3, offset: Math.max(0, index - 1) });
  }, [hasList, views.data, params, meta.properties, visible, index]);
  const around = useQuery({
    queryKey: [...appKey(place, appId), 'list', 'around', query],
    queryFn: () => getRecords(place, appId, query!, { fields: ['$id'] }),
    enabled: query !== null,
  });
  if (!around.data) return null;
  const ids = around.data.records.map((r) => String(r.$id?.value));
  const at = index === 0 ? 0 : 1;
  // The list moved since (a record added or deleted): better no arrows than wrong ones.
  if (ids[at] !== recordId) return null;
  const link = (id: string, i: number) => {
    const p = new URLSearchParams(params);
    p.set('i', String(i));
    return `${place.page(`/app/${appId}/show/${id}`)}?${p.toString()}`;
  };
  const prev = at === 1 ? ids[0] : undefined;
  const next = ids[at + 1];
  return (
    <nav className="record-nav" aria-label={s.title}>
      {prev ? (
        <Link className="button button--icon" to={link(prev, index - 1)} aria-label={s.previous}>
          ‹
        </Link>
      ) : (
        <span className="button button--icon" aria-disabled="true">
          ‹
        </span>
      )}
      {next ? (
        <Link className="button button--icon" to={link(next, index + 1)} aria-label={s.next}>
          ›
        </Link>
      ) : (
        <span className="button button--icon" aria-disabled="true">
          ›
        </span>
      )}
    </nav>
  );
}
