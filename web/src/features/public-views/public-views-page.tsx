// 公開ビュー under the app's settings: the app's views with their type and state, and what the
// domain's plan keeps from visitors; publish or unpublish, regenerate the URL (shown once), delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicViewJson, PublicViewWithUrl } from '../../../../common/api/public-views.js';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../ui/page-title';
import { ConfirmDialog } from '../app-settings/confirm-dialog';
import { useSettingsTarget } from '../app-settings/settings-data';
import { deletePublicView, listPublicViews, publicViewsKey, publishPublicView, regeneratePublicViewUrl } from './api';
import { MissingFeatures, PlanTable } from './plans';
import { strings } from './strings';
import { UrlPanel } from './url-panel';
import './public-views.css';

type Asking = { kind: 'publish' | 'unpublish' | 'regenerate' | 'delete'; view: PublicViewJson };

export function PublicViewsPage() {
  const s = useStrings(strings);
  const { t } = useTranslation();
  const { appId, place } = useSettingsTarget();
  usePageTitle(s.title);
  const queryClient = useQueryClient();
  const views = useQuery({ queryKey: publicViewsKey(appId), queryFn: () => listPublicViews(appId) });
  const [asking, setAsking] = useState<Asking | null>(null);
  const [url, setUrl] = useState<PublicViewWithUrl | null>(null);

  const act = useMutation({
    mutationFn: async ({ kind, view }: Asking): Promise<PublicViewWithUrl | null> => {
      if (kind === 'delete') await deletePublicView(view.id);
      else if (kind === 'regenerate') return regeneratePublicViewUrl(view.id);
      else await publishPublicView(view.id, kind === 'publish');
      return null;
    },
    onSuccess: async (made) => {
      setAsking(null);
      if (made) setUrl(made);
      await queryClient.invalidateQueries({ queryKey: publicViewsKey(appId) });
    },
  });
  const ask = (a: Asking) => {
    act.reset();
    setAsking(a);
  };

  if (views.isError) return <p className="form-error">{errorText(views.error, t)}</p>;
  if (!views.data) return <Loading />;
  const confirmText = asking
    ? { publish: s.publishConfirm, unpublish: s.unpublishConfirm, regenerate: s.regenerateConfirm, delete: s.deleteConfirm(asking.view.title) }[asking.kind]
    : '';
  const confirmLabel = asking ? { publish: s.publish, unpublish: s.unpublish, regenerate: s.regenerate, delete: s.delete }[asking.kind] : '';

  return (
    <section className="pvm" aria-labelledby="pvm-title">
      <div className="pvm-head">
        <div>
          <h2 id="pvm-title">{s.title}</h2>
          <p className="muted">{s.hint}</p>
        </div>
        <Link className="button button--primary" to={place.page(`/app/${appId}/settings/public-views/new`)}>
          {s.create}
        </Link>
      </div>
      {url && <UrlPanel made={url} onClose={() => setUrl(null)} />}
      {views.data.length === 0 ? (
        <p className="muted">{s.none}</p>
      ) : (
        <ul className="pvm-list">
          {views.data.map((v) => (
            <li key={v.id} className="pvm-item panel">
              <div className="pvm-item__main">
                <h3 className="pvm-item__title">{v.title}</h3>
                <p className="pvm-item__meta">
                  <span>{s.kinds[v.kind]}</span>
                  <span className={v.published ? 'pvm-state pvm-state--on' : 'pvm-state'}>{v.published ? s.published : s.unpublished}</span>
                </p>
                <MissingFeatures features={v.missingFeatures} view={v} />
              </div>
              <div className="pvm-item__actions">
                <Link className="button" to={place.page(`/app/${appId}/settings/public-views/${v.id}`)} aria-label={s.editNamed(v.title)}>
                  {s.edit}
                </Link>
                <Link className="button" to={place.page(`/app/${appId}/settings/public-views/${v.id}/visitors`)} aria-label={s.visitorsNamed(v.title)}>
                  {s.visitors}
                </Link>
                <button type="button" className={v.published ? 'button' : 'button button--primary'} onClick={() => ask({ kind: v.published ? 'unpublish' : 'publish', view: v })}>
                  {v.published ? s.unpublish : s.publish}
                </button>
                <button type="button" className="button" onClick={() => ask({ kind: 'regenerate', view: v })}>
                  {s.regenerate}
                </button>
                <button type="button" className="button pvm-danger" onClick={() => ask({ kind: 'delete', view: v })}>
                  {s.delete}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <PlanTable />
      <ConfirmDialog
        open={asking !== null}
        title={confirmLabel}
        message={confirmText}
        confirm={confirmLabel}
        cancel={s.cancel}
        danger={asking?.kind === 'delete' || asking?.kind === 'regenerate'}
        pending={act.isPending}
        onConfirm={() => asking && act.mutate(asking)}
        onCancel={() => setAsking(null)}
      >
        {act.isError && (
          <p className="form-error" role="alert">
            {errorText(act.error, t)}
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
