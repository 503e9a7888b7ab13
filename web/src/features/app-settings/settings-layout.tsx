// アプリの設定: the frame of every settings screen. The app's name, the four tabs (フォーム, 一覧,
// グラフ, 設定), and — while the preview differs from what is live — the marker with アプリを更新
// (アプリを公開 for a new app) and 変更を中止. Whether the person may be here is the server's
// answer to the first preview read: a refusal becomes a calm page, not an error.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { deploy, deployStatus, getChanges, getSettings } from '../../api/app-settings';
import { ApiError } from '../../api/client';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../ui/page-title';
import { ConfirmDialog } from './confirm-dialog';
import { settingsKey, useSettingsTarget } from './settings-data';
import { strings } from './strings';
import { useStrings } from '../../i18n/area-strings';
import './app-settings.css';

const POLL_MS = 400;

async function deployAndWait(...[place, app, revert]: Parameters<typeof deploy>): Promise<void> {
  await deploy(place, app, revert);
  for (;;) {
    const { apps } = await deployStatus(place, app);
    const status = apps[0]?.status ?? 'SUCCESS';
    if (status === 'SUCCESS') return;
    if (status !== 'PROCESSING') throw new Error(status);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export function SettingsLayout() {
  const s = useStrings(strings);
  const { t } = useTranslation();
  const { appId, place, key } = useSettingsTarget();
  const queryClient = useQueryClient();
  const changes = useQuery({ queryKey: key('changes'), queryFn: () => getChanges(place, appId), retry: false });
  const settings = useQuery({ queryKey: key('settings'), queryFn: () => getSettings(place, appId), enabled: changes.isSuccess });
  const [asking, setAsking] = useState<'deploy' | 'discard' | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const name = settings.data?.name ?? '';
  const subsetting = /\/settings\/(general|process|notifications|acl|public-views)/.test(useLocation().pathname);
  usePageTitle(name ? s.appSettingsOf(name) : s.title);

  const run = useMutation({
    mutationFn: (revert: boolean) => deployAndWait(place, appId, revert),
    onSuccess: async (_, revert) => {
      setAsking(null);
      setResult(revert ? s.discarded : s.updated);
      await queryClient.invalidateQueries({ queryKey: settingsKey(place, appId) });
    },
    onError: () => setAsking(null),
  });

  if (changes.isError) return <Refusal error={changes.error} />;
  if (!changes.data) return <Loading />;
  const { deployed, changed } = changes.data;

  return (
    <div className="as">
      <header className="as-header">
        <div className="as-header__title">
          <h1>{s.title}</h1>
          {name && <p className="as-header__app">{name}</p>}
        </div>
        {deployed && (
          <Link to={place.page(`/app/${appId}`)} className="as-header__back">
            {s.backToApp}
          </Link>
        )}
      </header>

      {changed && (
        <section className="as-pending" aria-label={s.pending}>
          <p className="as-pending__text">
            <strong>{s.pending}</strong>
            {!deployed && <span className="muted"> {s.newApp}</span>}
          </p>
          <div className="as-pending__actions">
            {deployed && (
              <button type="button" className="button" onClick={() => setAsking('discard')} disabled={run.isPending}>
                {s.discard}
              </button>
            )}
            <button type="button" className="button button--primary" onClick={() => setAsking('deploy')} disabled={run.isPending}>
              {deployed ? s.update : s.activate}
            </button>
          </div>
        </section>
      )}
      {run.isError && (
        <div className="form-error" role="alert">
          <p>
            {s.deployFailed} {run.error instanceof ApiError ? errorText(run.error, t) : ''}
          </p>
        </div>
      )}
      {result && !changed && !run.isPending && !run.isError && (
        <p className="notice as-toast" role="status">
          {result}
        </p>
      )}

      <nav className="as-tabs" aria-label={s.tabs.label}>
        <NavLink to={place.page(`/app/${appId}/settings`)} end>
          {s.tabs.form}
        </NavLink>
        <NavLink to={place.page(`/app/${appId}/settings/views`)}>{s.tabs.views}</NavLink>
        <NavLink to={place.page(`/app/${appId}/settings/graphs`)}>{s.tabs.graphs}</NavLink>
        <NavLink to={place.page(`/app/${appId}/settings/app`)} className={({ isActive }) => (isActive || subsetting ? 'active' : '')}>
          {s.tabs.settings}
        </NavLink>
      </nav>
      <div className="as-body">
        <Outlet />
      </div>

      <ConfirmDialog
        open={asking === 'deploy'}
        title={deployed ? s.update : s.activate}
        message={deployed ? s.updateConfirm : s.activateConfirm}
        confirm={deployed ? s.update : s.activate}
        cancel={s.cancel}
        pending={run.isPending}
        onConfirm={() => run.mutate(false)}
        onCancel={() => setAsking(null)}
      >
        {run.isPending && <Progress text={s.updating} />}
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'discard'}
        title={s.discard}
        message={s.discardConfirm}
        confirm={s.discard}
        cancel={s.cancel}
        danger
        pending={run.isPending}
        onConfirm={() => run.mutate(true)}
        onCancel={() => setAsking(null)}
      >
        {run.isPending && <Progress text={s.discarding} />}
      </ConfirmDialog>
    </div>
  );
}

function Progress({ text }: { text: string }) {
  return (
    <p className="as-progress" role="status">
      <span className="as-spinner" aria-hidden="true" /> {text}
    </p>
  );
}

function Refusal({ error }: { error: unknown }) {
  const s = useStrings(strings);
  const { t } = useTranslation();
  usePageTitle(s.title);
  const refused = error instanceof ApiError && error.status === 403;
  return (
    <div className="as-refusal panel">
      <h1>{refused ? s.noPermission : errorText(error, t)}</h1>
      {refused && <p>{s.noPermissionHint}</p>}
      <p>
        <Link to="/">{s.backToPortal}</Link>
      </p>
    </div>
  );
}
