// レコードの一覧 (View screen), /app/:appId: the view selector, 絞り込む, the graph selector, the
// keyword box, the records of the view (table, or calendar for a calendar view) with paging and
// sorting, and the options the server allows: 「+」, App Settings, Export to File, Bulk Deletion.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, Suspense, lazy, useEffect, useId, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Property } from '../../../../common/fields/index.js';
import { usePlace } from '../../api/place';
import { type ApiRecord, evaluateAcl, getRecords } from '../../api/records';
import { useStrings } from '../../i18n/area-strings';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../ui/page-title';
import { AppHeader } from './app-header';
import { BulkDeleteDialog } from './bulk-delete';
import { ExportDialog } from './export-dialog';
import { FilterBuilder, filterFields } from './filter-builder';
import { type ListState, currentView, effectiveQuery, keywordFields, orderedViews, readListState, viewColumns, writeListState } from './list-state';
import { useLiveList } from './live-records';
import { Pager } from './pager';
import { composeQuery, filterFromExpr, parseSort, printSort, whereText } from './query/filter';
import { RecordTable } from './record-table';
import { strings } from './strings';
import { ErrorLine } from './ui';
import { appKey, useAppMeta, useProcess, useReports, useTimeZone, useViews, useVisibleFields } from './use-app';
import './records.css';

const CalendarView = lazy(() => import('./calendar-view').then((m) => ({ default: m.CalendarView })));
const GraphPanel = lazy(() => import('./graph-panel').then((m) => ({ default: m.GraphPanel })));

export function ListPage() {
  const appId = useParams().appId ?? '';
  const place = usePlace();
  const s = useStrings(strings);
  const meta = useAppMeta(place, appId);
  const views = useViews(place, appId);
  useLiveList(place, appId);
  usePageTitle(meta.data?.app.name ?? s.list.view);
  if (meta.error || views.error) {
    return (
      <div className="records-page">
        <ErrorLine error={meta.error ?? views.error} />
        <Link to="/">{s.portal}</Link>
      </div>
    );
  }
  if (!meta.data || !views.data) return <Loading />;
  return <ListScreen appId={appId} meta={meta.data} views={orderedViews(views.data)} />;
}

type Meta = NonNullable<ReturnType<typeof useAppMeta>['data']>;

function ListScreen({ appId, meta, views }: { appId: string; meta: Meta; views: ReturnType<typeof orderedViews> }) {
  const s = useStrings(strings);
  const place = usePlace();
  const timeZone = useTimeZone();
  const [params, setParams] = useSearchParams();
  const state = readListState(params);
  const view = currentView(views, state.view);
  const visible = useVisibleFields(place, appId);
  const properties = meta.properties;
  const kwFields = useMemo(() => keywordFields(properties, visible), [properties, visible]);
  const q = effectiveQuery(state, view, kwFields);
  const [filterOpen, setFilterOpen] = useState(false);
  const [dialog, setDialog] = useState<'export' | 'bulk' | null>(null);
  const process = useProcess(place, appId);
  const reports = useReports(place, appId);
  const ids = { view: useId(), graph: useId(), kw: useId() };

  const set = (patch: Partial<ListState>) => setParams(writeListState({ ...state, ...patch }));
  const calendar = view.type === 'CALENDAR';
  const allColumns = viewColumns(view, properties);

  const offset = (state.page - 1) * state.size;
  const listQuery = composeQuery({ where: q.where, orderBy: q.orderBy, limit: state.size, offset });
  const requested = requestFields(allColumns, properties);
  const records = useQuery({
    queryKey: [...appKey(place, appId), 'list', listQuery, requested],
    queryFn: ({ signal }) => getRecords(place, appId, listQuery, { fields: requested, totalCount: true, signal }),
    placeholderData: keepPreviousData,
    enabled: !calendar,
  });
  const list = records.data?.records ?? [];
  const total = Number(records.data?.totalCount ?? 0);
  // A column of a field the caller may not read never shows: the server leaves it out of records.
  const seen = new Set(list.flatMap((r) => Object.keys(r)));
  const columns = allColumns.filter((c) => seen.has(c) || seen.has(tableOfColumn(c, properties) ?? '') || (visible === null && list.length === 0));
  const pageIds = list.map((r) => String(r.$id?.value ?? '')).filter(Boolean);
  const rights = useQuery({
    queryKey: [...appKey(place, appId), 'acl', pageIds],
    queryFn: () => evaluateAcl(place, appId, pageIds),
    enabled: meta.rights.edit && pageIds.length > 0,
  });
  const editable = new Set((rights.data ?? []).filter((r) => r.record.editable).map((r) => r.id));

  // A page past the end (records deleted meanwhile) goes back to the last one.
  useEffect(() => {
    if (records.data && list.length === 0 && state.page > 1 && total > 0) set({ page: Math.ceil(total / state.size) });
  });

  const fields = useMemo(() => filterFields(properties, visible), [properties, visible]);
  const statuses = process.data?.enable && process.data.states ? Object.values(process.data.states).sort((a, b) => Number(a.index) - Number(b.index)).map((x) => x.name) : [];
  const filterText = whereText(q.filter);
  const reportList = Object.values(reports.data ?? {}).sort((a, b) => Number(a.index) - Number(b.index));

  const listSearch = writeListState(state).toString();
  const detailLink = (r: ApiRecord, i: number) => {
    const p = new URLSearchParams(listSearch);
    p.set('i', String(offset + i));
    return `${place.page(`/app/${appId}/show/${String(r.$id?.value)}`)}?${p.toString()}`;
  };
  const editLink = (r: ApiRecord) => (editable.has(String(r.$id?.value)) ? place.page(`/app/${appId}/edit/${String(r.$id?.value)}`) : null);

  const onSort = (code: string) => {
    const cur = q.orderBy[0];
    const direction = cur?.field.code === code && cur.direction === 'asc' ? 'desc' : 'asc';
    set({ sort: printSort([{ field: { code, pos: 0 }, direction }]), page: 1 });
  };

  const search = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const kw = String(new FormData(e.currentTarget).get('kw') ?? '');
    set({ kw, page: 1 });
  };

  return (
    <div className="records-page">
      <AppHeader place={place} appId={appId} name={meta.app.name} />
      <div className="list-toolbar">
        <div className="list-toolbar__main">
          <span className="inline-field">
            <label htmlFor={ids.view}>{s.list.view}</label>
            <select id={ids.view} value={view.id} onChange={(e) => setParams(writeListState({ ...state, view: e.target.value, q: null, sort: null, page: 1 }))}>
              {views.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.id === '' ? s.list.allRecords : v.name}
                </option>
              ))}
            </select>
          </span>
          <button type="button" className="button" aria-expanded={filterOpen} onClick={() => setFilterOpen(!filterOpen)}>
            {s.list.filter}
          </button>
          {reportList.length > 0 && (
            <span className="inline-field">
              <label htmlFor={ids.graph}>{s.list.graph}</label>
              <select id={ids.graph} value={state.graph ?? ''} onChange={(e) => set({ graph: e.target.value || null })}>
                <option value="">{s.list.noGraph}</option>
                {reportList.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </span>
          )}
        </div>
        <div className="list-toolbar__side">
          {meta.rights.add && (
            <Link className="button button--primary" to={place.page(`/app/${appId}/new`)}>
              <span aria-hidden="true">＋</span>
              <span>{s.list.addRecord}</span>
            </Link>
          )}
          {meta.rights.import && (
            <Link className="button" to={place.page(`/app/${appId}/import`)}>
              {s.list.importFile}
            </Link>
          )}
          {meta.rights.export && (
            <button type="button" className="button" onClick={() => setDialog('export')}>
              {s.list.exportFile}
            </button>
          )}
          {meta.settings.enableBulkDeletion && meta.rights.delete && !calendar && total > 0 && (
            <button type="button" className="button button--danger-outline" onClick={() => setDialog('bulk')}>
              {s.list.bulkDelete}
            </button>
          )}
          {meta.rights.manage && (
            <Link className="button" to={place.page(`/app/${appId}/settings`)}>
              {s.list.appSettings}
            </Link>
          )}
        </div>
      </div>

      <form role="search" className="keyword" onSubmit={search} key={state.kw}>
        <label htmlFor={ids.kw} className="visually-hidden">
          {s.list.keyword}
        </label>
        <input id={ids.kw} name="kw" type="search" defaultValue={state.kw} placeholder={s.list.keyword} />
        <button type="submit" className="button">
          {s.list.search}
        </button>
      </form>

      {filterText && !filterOpen && (
        <div className="filter-chip" role="group" aria-label={s.list.currentFilter}>
          <code>{filterText}</code>
          <button type="button" className="chip__remove" aria-label={s.list.removeFilter} onClick={() => set({ q: '', page: 1 })}>
            ×
          </button>
        </div>
      )}
      {q.invalid && <p className="form-error">{s.list.invalidFilter}</p>}

      {filterOpen && (
        <FilterBuilder
          app={appId}
          fields={fields}
          initial={filterFromExpr(q.filter)}
          raw={filterText}
          sort={q.orderBy}
          statuses={statuses}
          timeZone={timeZone}
          onApply={(where, sort) => {
            setFilterOpen(false);
            set({ q: where, sort, page: 1 });
          }}
          onCancel={() => setFilterOpen(false)}
        />
      )}

      {state.graph && (
        <Suspense fallback={<Loading />}>
          <GraphPanel place={place} app={appId} reportId={state.graph} report={reportList.find((r) => r.id === state.graph)} filter={filterText} />
        </Suspense>
      )}

      {view.type === 'CUSTOM' && <p className="muted">{s.list.customView}</p>}

      {calendar ? (
        <Suspense fallback={<Loading />}>
          <CalendarView place={place} app={appId} view={view} properties={properties} where={q.where} timeZone={timeZone} listSearch={listSearch} />
        </Suspense>
      ) : (
        <section className="list-body" aria-label={view.id === '' ? s.list.allRecords : view.name} aria-busy={records.isFetching || undefined}>
          {records.error ? (
            <ErrorLine error={records.error} />
          ) : !records.data ? (
            <Loading />
          ) : list.length === 0 ? (
            <p className="empty panel">{filterText || state.kw ? s.list.noMatch : s.list.noRecords}</p>
          ) : (
            <>
              <Pager page={state.page} size={state.size} total={total} shown={list.length} onPage={(page) => set({ page })} onSize={(size) => set({ size, page: 1 })} />
              <RecordTable
                records={list}
                columns={columns}
                properties={properties}
                place={place}
                timeZone={timeZone}
                thumbnails={meta.settings.enableThumbnails}
                sort={q.orderBy.length ? q.orderBy : parseSort('')}
                onSort={onSort}
                detailLink={detailLink}
                editLink={editLink}
              />
              <Pager page={state.page} size={state.size} total={total} shown={list.length} onPage={(page) => set({ page })} />
            </>
          )}
        </section>
      )}

      {dialog === 'export' && (
        <ExportDialog
          open
          onClose={() => setDialog(null)}
          place={place}
          app={appId}
          fileName={`${meta.app.name || `app-${appId}`}.csv`}
          columns={columns.length ? columns : allColumns}
          properties={properties}
          query={composeQuery({ where: q.where, orderBy: q.orderBy })}
          timeZone={timeZone}
        />
      )}
      {dialog === 'bulk' && <BulkDeleteDialog open onClose={() => setDialog(null)} place={place} app={appId} where={q.where} total={total} />}
    </div>
  );
}

function tableOfColumn(code: string, properties: Record<string, Property>): string | undefined {
  for (const p of Object.values(properties)) if (p.type === 'SUBTABLE' && (p.fields as Record<string, Property> | undefined)?.[code]) return p.code;
  return undefined;
}

/** What a page asks for: the columns (a table's column through its table), the id and the record number. */
function requestFields(columns: string[], properties: Record<string, Property>): string[] {
  const number = Object.values(properties).find((p) => p.type === 'RECORD_NUMBER')?.code;
  return [...new Set(['$id', ...(number ? [number] : []), ...columns.map((c) => tableOfColumn(c, properties) ?? c)])];
}

