// Creating or changing a public view: type, title, description, the list's fields and order, the
// detail page, the fixed filter (the app settings' condition editor), sort, page size, search box,
// text blocks (the shared rich-text editor), password, IP allow-list and embedding sites
// (access-section.tsx). The server's objections
// appear beside the part they are about; after creating, the public URL is shown this once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { PublicViewJson, PublicViewWithUrl } from '../../../../common/api/public-views.js';
import { getLiveFields } from '../../api/app-settings';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../ui/page-title';
import { useSettingsTarget } from '../app-settings/settings-data';
import { AccessSection } from './access-section';
import { accessStrings } from './access-strings';
import { type ViewDraft, createPublicView, listPublicViews, publicViewsKey, updatePublicView } from './api';
import { ViewFormBody } from './view-form-body';
import { EMPTY_FORM, type ViewForm, draftOfForm, formOfView } from './view-form';
import { embeddingProblems, placeErrors } from './view-form-errors';
import { strings } from './strings';
import { UrlPanel } from './url-panel';
import { editorStrings } from './editor-strings';
import type { PreviewDraft } from './preview-panel';
import { ViewTabs } from './view-tabs';
import './public-views.css';

// The preview draws with the visitors' pages (and their charts and calendars): loaded when asked for.
const PreviewPanel = lazy(async () => ({ default: (await import('./preview-panel')).PreviewPanel }));

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
  const ed = useStrings(editorStrings);
  const a = useStrings(accessStrings);
  const [preview, setPreview] = useState<{ draft: PreviewDraft; round: number } | null>(null);
  const showPreview = () => {
    const d = draftOfForm(form, existing);
    const draft: PreviewDraft = { app: appId, ...(existing ? { id: existing.id } : {}), kind: form.kind, title: d.title, description: d.description, settings: d.settings };
    setPreview((p) => ({ draft, round: (p?.round ?? 0) + 1 }));
  };
  const save = useMutation({
    // The draft sent is kept (save.variables), so an objection to its n-th site names that site.
    mutationFn: async (draft: ViewDraft): Promise<PublicViewWithUrl | null> => {
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
    save.mutate(draftOfForm(form, existing));
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
    <>
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
        <AccessSection form={form} set={set} existing={existing} errors={byPart} embedProblems={embeddingProblems(save.error, save.variables?.frameAncestors, a.entry)} />
        <div className="as-actions pvm-actions">
          <button type="button" className="button" onClick={showPreview} aria-expanded={preview !== null}>
            {ed.preview.open}
          </button>
          <Link className="button" to={listPage}>
            {s.cancel}
          </Link>
          <button type="submit" className="button button--primary" disabled={save.isPending} aria-busy={save.isPending || undefined}>
            {s.save}
          </button>
        </div>
      </form>
      {/* Outside the form: the preview's own search and visitor fields are forms of their own. */}
      {preview && (
        <Suspense fallback={null}>
          <PreviewPanel draft={preview.draft} round={preview.round} onRefresh={showPreview} onClose={() => setPreview(null)} />
        </Suspense>
      )}
    </>
  );
}
