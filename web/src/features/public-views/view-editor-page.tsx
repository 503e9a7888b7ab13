// Creating or changing a public view: type, title, description, the list's fields and order, the
// detail page, the fixed filter (the app settings' condition editor), sort, page size, search box,
// text blocks (the shared rich-text editor), password and IP allow-list. The server's objections
// appear beside the part they are about; after creating, the public URL is shown this once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { MIN_PASSWORD_LENGTH, type PublicViewJson, type PublicViewWithUrl } from '../../../../common/api/public-views.js';
import { planFor } from '../../../../common/licences/view-plans.js';
import { getLiveFields } from '../../api/app-settings';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { Field } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../ui/page-title';
import { useSettingsTarget } from '../app-settings/settings-data';
import { createPublicView, listPublicViews, publicViewsKey, updatePublicView } from './api';
import { ViewFormBody } from './view-form-body';
import { EMPTY_FORM, type ViewForm, draftOfForm, formOfView, placeErrors } from './view-form';
import { strings } from './strings';
import { UrlPanel } from './url-panel';
import { ViewTabs } from './view-tabs';
import './public-views.css';

export function ViewEditorPage() {
  const { viewId } = useParams();
  const { appId, place } = useSettingsTarget();
  const fields = useQuery({ queryKey: ['app-live-fields', appId], queryFn: () => getLiveFields(place, appId) });
  const views = useQuery({ queryKey: publicViewsKey(appId), queryFn: () => listPublicViews(appId), enabled: viewId !== undefined });
  const { t } = useTranslation();
  const error = fields.error ?? views.error;
  if (error) return <p className="form-error">{errorText(error, t)}</p>;
  if (!fields.data || (viewId && !views.data)) return <Loading />;
  const existing = viewId ? views.data?.find((v) => v.id === viewId) : undefined;
  if (viewId && !existing) return <p className="form-error">{t('errors.unexpected')}</p>;
  return <Editor key={existing ? `${existing.id}-${existing.configVersion}` : 'new'} existing={existing} properties={fields.data.properties} />;
}

function Editor({ existing, properties }: { existing: PublicViewJson | undefined; properties: Parameters<typeof ViewFormBody>[0]['properties'] }) {
  const s = useStrings(strings);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { appId, place } = useSettingsTarget();
  const listPage = place.page(`/app/${appId}/settings/public-views`);
  usePageTitle(existing ? s.form.editTitle : s.form.newTitle);
  const [form, setForm] = useState<ViewForm>(() => (existing ? formOfView(existing) : EMPTY_FORM));
  const [made, setMade] = useState<PublicViewWithUrl | null>(null);
  const save = useMutation({
    mutationFn: async (): Promise<PublicViewWithUrl | null> => {
      const draft = draftOfForm(form, existing);
      if (existing) {
        await updatePublicView(existing.id, existing.configVersion, draft);
        return null;
      }
      return createPublicView(appId, form.kind, draft);
    },
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: publicViewsKey(appId) });
      if (result) setMade(result);
      else await navigate(listPage);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const set = <K extends keyof ViewForm>(key: K, value: ViewForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  if (made) {
    return (
      <section className="pvm" aria-labelledby="pvm-made">
        <h2 id="pvm-made">{made.view.title}</h2>
        <p className="notice" role="status">
          {s.created}
        </p>
        <UrlPanel made={made} onClose={() => void navigate(listPage)} closeLabel={s.back} />
      </section>
    );
  }

  const { byPart, unplaced } = placeErrors(save.error);
  return (
    <form className="pvm pvm-form" onSubmit={submit} noValidate aria-labelledby="pvm-form-title">
      <div className="pvm-head">
        <h2 id="pvm-form-title">{existing ? s.form.editTitle : s.form.newTitle}</h2>
        <Link to={listPage}>{s.back}</Link>
      </div>
      {existing && <ViewTabs viewId={existing.id} />}
      {save.isError && (
        <div className="form-error" role="alert">
          <p>{errorText(save.error, t)}</p>
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ViewFormBody form={form} set={set} existing={existing} properties={properties} errors={byPart} />
      <section className="panel" aria-labelledby="pvm-access">
        <h3 id="pvm-access">{s.form.access}</h3>
        <fieldset className="as-fieldset">
          <legend>{s.form.password}</legend>
          <p className="field-hint">{s.form.requires(s.plans[planFor('accessRestriction')])}</p>
          <label className="as-check">
            <input type="checkbox" checked={form.passwordOn} onChange={(e) => set('passwordOn', e.target.checked)} /> {s.form.passwordOn}
          </label>
          {form.passwordOn && (
            <Field
              label={s.form.passwordNew}
              name="password"
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => set('password', e.target.value)}
              hint={existing?.hasPassword ? s.form.passwordKeep : s.form.passwordHint(MIN_PASSWORD_LENGTH)}
              error={byPart.password}
            />
          )}
        </fieldset>
        <div className={byPart.ipAllow ? 'field field--invalid' : 'field'}>
          <label htmlFor="pvm-ip">{s.form.ip}</label>
          <textarea id="pvm-ip" rows={3} value={form.ipAllow} onChange={(e) => set('ipAllow', e.target.value)} aria-describedby="pvm-ip-hint" />
          <p id="pvm-ip-hint" className="field-hint">
            {s.form.ipHint} {s.form.requires(s.plans[planFor('ipRestriction')])}
          </p>
          {byPart.ipAllow && <p className="field-error">{byPart.ipAllow}</p>}
        </div>
      </section>
      <div className="as-actions pvm-actions">
        <Link className="button" to={listPage}>
          {s.cancel}
        </Link>
        <button type="submit" className="button button--primary" disabled={save.isPending} aria-busy={save.isPending || undefined}>
          {s.save}
        </button>
      </div>
    </form>
  );
}
