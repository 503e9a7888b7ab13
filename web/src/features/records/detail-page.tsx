// レコードの詳細, /app/:appId/show/:recordId: the record on its form with every field type, the
// process bar, 編集する / 再利用する / 削除する as the server allows them for this record, previous
// and next within the list the person came from, and the comments and change history beside it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { usePlace } from '../../api/place';
import { type ApiRecord, deleteRecords, evaluateAcl, getRecord } from '../../api/records';
import { useStrings } from '../../i18n/area-strings';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../ui/page-title';
import { AppHeader } from './app-header';
import { Comments } from './comments';
import { FieldValue } from './fields/field-value';
import { History } from './history';
import { LayoutView } from './layout-view';
import { useLiveRecord } from './live-records';
import { ProcessBar } from './process-bar';
import { recordLabel } from './record-table';
import { RecordNav } from './record-nav';
import { strings } from './strings';
import { Dialog, ErrorLine } from './ui';
import { appKey, useAppMeta, useLayout, useTimeZone } from './use-app';
import './records.css';

export function DetailPage() {
  const { appId = '', recordId = '' } = useParams();
  const place = usePlace();
  const s = useStrings(strings);
  const meta = useAppMeta(place, appId);
  const layout = useLayout(place, appId);
  const record = useQuery({ queryKey: [...appKey(place, appId), 'record', recordId, 'data'], queryFn: () => getRecord(place, appId, recordId) });
  useLiveRecord(place, appId, recordId);
  usePageTitle(meta.data ? `${s.detail.title} - ${meta.data.app.name}` : s.detail.title);
  const error = meta.error ?? layout.error ?? record.error;
  if (error) {
    const missing = error instanceof ApiError && error.code === 'GAIA_RE01';
    return (
      <div className="records-page">
        {missing ? <h1 className="page-error">{s.detail.notFound(recordId)}</h1> : <ErrorLine error={error} />}
        <Link to={meta.data ? place.page(`/app/${appId}`) : '/'}>{meta.data ? s.detail.back : s.portal}</Link>
      </div>
    );
  }
  if (!meta.data || !layout.data || !record.data) return <Loading />;
  return <Detail appId={appId} recordId={recordId} meta={meta.data} layout={layout.data} record={record.data} />;
}

type Meta = NonNullable<ReturnType<typeof useAppMeta>['data']>;

function Detail({ appId, recordId, meta, layout, record }: { appId: string; recordId: string; meta: Meta; layout: NonNullable<ReturnType<typeof useLayout>['data']>; record: ApiRecord }) {
  const s = useStrings(strings);
  const place = usePlace();
  const timeZone = useTimeZone();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [tab, setTab] = useState<'comments' | 'history'>(meta.settings.enableComments ? 'comments' : 'history');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const rights = useQuery({
    queryKey: [...appKey(place, appId), 'record', recordId, 'acl', String(record.$revision?.value ?? '')],
    queryFn: () => evaluateAcl(place, appId, [recordId]).then((r) => r[0]?.record),
  });
  const remove = useMutation({
    mutationFn: () => deleteRecords(place, appId, [recordId]),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...appKey(place, appId), 'list'] });
      navigate(listLink);
    },
  });
  const listParams = new URLSearchParams(params);
  listParams.delete('i');
  const listLink = `${place.page(`/app/${appId}`)}${listParams.size ? `?${listParams.toString()}` : ''}`;
  const label = recordLabel(record);
  const system = Object.values(record).filter((f) => ['CREATOR', 'CREATED_TIME', 'MODIFIER', 'UPDATED_TIME'].includes(f.type));
  const systemProps = Object.values(meta.properties);
  const showComments = meta.settings.enableComments;
  const showHistory = meta.settings.enableHistory;

  return (
    <div className="records-page record-detail">
      <AppHeader place={place} appId={appId} name={meta.app.name} current={`${s.detail.title} ${label}`} />
      <div className="record-detail__bar">
        <Link to={listLink} className="button">
          {s.detail.back}
        </Link>
        <RecordNav appId={appId} recordId={recordId} meta={meta} />
        <div className="record-detail__tools" role="group" aria-label={s.detail.recordTools}>
          {rights.data?.editable && (
            <Link className="button button--primary" to={place.page(`/app/${appId}/edit/${recordId}`)}>
              {s.detail.edit}
            </Link>
          )}
          {meta.rights.add && meta.settings.enableDuplicateRecord && (
            <Link className="button" to={`${place.page(`/app/${appId}/new`)}?copyFrom=${encodeURIComponent(recordId)}`}>
              {s.detail.duplicate}
            </Link>
          )}
          {rights.data?.deletable && (
            <button type="button" className="button button--danger-outline" onClick={() => setConfirmDelete(true)}>
              {s.detail.delete}
            </button>
          )}
        </div>
      </div>
      <ProcessBar place={place} app={appId} record={record} />
      <div className={showComments || showHistory ? 'record-detail__body' : 'record-detail__body record-detail__body--single'}>
        <div className="record-detail__main panel">
          {system.length > 0 && (
            <dl className="record-meta">
              {system.map((f) => {
                const p = systemProps.find((x) => x.type === f.type);
                return (
                  <div key={f.type}>
                    <dt>{p?.label ?? f.type}</dt>
                    <dd>
                      <FieldValue field={f} property={p} timeZone={timeZone} place={place} />
                    </dd>
                  </div>
                );
              })}
            </dl>
          )}
          <LayoutView layout={layout} properties={meta.properties} record={record} place={place} timeZone={timeZone} thumbnails={meta.settings.enableThumbnails} />
        </div>
        {(showComments || showHistory) && (
          <aside className="record-detail__side panel" aria-label={s.detail.sidePane}>
            <div role="tablist" className="tabs">
              {showComments && (
                <button type="button" role="tab" id="tab-comments" aria-controls="pane-comments" aria-selected={tab === 'comments'} onClick={() => setTab('comments')}>
                  {s.comments.title}
                </button>
              )}
              {showHistory && (
                <button type="button" role="tab" id="tab-history" aria-controls="pane-history" aria-selected={tab === 'history'} onClick={() => setTab('history')}>
                  {s.history.title}
                </button>
              )}
            </div>
            <div role="tabpanel" id={`pane-${tab}`} aria-labelledby={`tab-${tab}`}>
              {tab === 'comments' && showComments ? (
                <Comments place={place} app={appId} record={recordId} timeZone={timeZone} />
              ) : (
                <History place={place} app={appId} record={recordId} properties={meta.properties} timeZone={timeZone} revision={String(record.$revision?.value ?? '')} />
              )}
            </div>
          </aside>
        )}
      </div>
      <Dialog title={s.detail.delete} open={confirmDelete} onClose={() => setConfirmDelete(false)}>
        <p>{s.detail.deleteConfirm}</p>
        <ErrorLine error={remove.error} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
            {s.detail.cancel}
          </button>
          <button type="button" className="button button--danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
            {s.detail.delete}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
