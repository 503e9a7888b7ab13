// The manager's preview on the view's editor: the draft on the form as visitors would see it, made
// by the server's visitor code (POST /v1/public-view/preview.json, manager-only, nothing saved or
// published) and drawn by the visitors' own page components (web/src/public/), in the page's
// language. Pages, tabs, search and detail pages move inside the panel; a MyPage is previewed as
// a visitor whose address (and, optionally, attributes) the manager names. Loaded on first use.
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PUBLIC_VIEW_PREVIEW_PATH, type PublicViewPreviewJson } from '../../../../common/api/public-view-preview.js';
import { api } from '../../api/client';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { placeErrors } from './view-form-errors';
import { editorStrings } from './editor-strings';
import { LangProvider } from '../../public/lang';
import { PreviewBody, type PreviewPlace } from './preview-body';
import '../../public/frame.css';
import '../../public/records.css';
import '../../public/gates.css';
import '../../public/view-kinds.css';

/** The draft part of the request (the editor makes it from the form). */
export interface PreviewDraft {
  app: string;
  id?: string | undefined;
  kind: string;
  title: string;
  description: string;
  settings: Record<string, unknown> | undefined;
}

function attributesOf(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf('=');
    if (at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return Object.keys(out).length ? out : undefined;
}

const noop = () => undefined;

export function PreviewPanel({ draft, round, onRefresh, onClose }: { draft: PreviewDraft; round: number; onRefresh(): void; onClose(): void }) {
  const s = useStrings(editorStrings).preview;
  const { t, i18n } = useTranslation();
  const id = useId();
  const [place, setPlace] = useState<PreviewPlace>({});
  const [as, setAs] = useState({ email: '', attributes: '' });
  const [asked, setAsked] = useState(as);
  const section = useRef<HTMLElement>(null);
  // Each time it is asked for, the preview comes into view and takes the focus (it sits below the form).
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'start' });
    section.current?.focus({ preventScroll: true });
  }, [round]);
  const myPage = draft.kind === 'myPage';
  const body = {
    ...draft,
    settings: draft.settings ?? {},
    ...place,
    ...(myPage && asked.email.trim() ? { as: { email: asked.email.trim(), ...(attributesOf(asked.attributes) ? { attributes: attributesOf(asked.attributes) } : {}) } } : {}),
  };
  const answer = useQuery({
    queryKey: ['public-view-preview', round, JSON.stringify(body)],
    queryFn: () => api<PublicViewPreviewJson>('POST', PUBLIC_VIEW_PREVIEW_PATH, { body }),
    // A MyPage shows nothing without a visitor: asked once one is named.
    enabled: !myPage || asked.email.trim() !== '',
    retry: false,
    staleTime: Infinity,
    placeholderData: (prev) => prev,
  });
  const submitAs = (e: FormEvent) => {
    e.preventDefault();
    setPlace({});
    setAsked(as);
  };
  const { byPart, unplaced } = placeErrors(answer.error);
  const messages = [...Object.values(byPart), ...unplaced];
  return (
    <section ref={section} tabIndex={-1} className="panel pvm-preview" aria-labelledby={`${id}-title`}>
      <div className="pvm-head">
        <h3 id={`${id}-title`}>{s.title}</h3>
        <span className="pvm-actions-row">
          <button type="button" className="button" onClick={onRefresh}>
            {s.refresh}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {s.close}
          </button>
        </span>
      </div>
      <p className="field-hint">{s.hint}</p>
      {myPage && (
        <form className="pvm-grid" onSubmit={submitAs}>
          <div className="field">
            <label htmlFor={`${id}-as`}>{s.asEmail}</label>
            <input id={`${id}-as`} type="email" autoComplete="off" value={as.email} onChange={(e) => setAs({ ...as, email: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-attrs`}>{s.asAttributes}</label>
            <textarea id={`${id}-attrs`} rows={2} value={as.attributes} onChange={(e) => setAs({ ...as, attributes: e.target.value })} aria-describedby={`${id}-attrs-hint`} />
            <p id={`${id}-attrs-hint`} className="field-hint">
              {s.asHint}
            </p>
          </div>
          <div>
            <button type="submit" className="button button--primary">
              {s.asShow}
            </button>
          </div>
        </form>
      )}
      {answer.isError && (
        <div className="form-error" role="alert">
          <p>{errorText(answer.error, t)}</p>
          {messages.length > 0 && (
            <ul>
              {messages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {answer.isLoading && (
        <p className="muted" role="status">
          {s.loading}
        </p>
      )}
      {answer.data && !answer.isError && (
        <div className="pvm-preview__frame" aria-busy={answer.isFetching || undefined}>
          <LangProvider key={i18n.language} initial={i18n.language === 'ja' ? 'ja' : 'en'} onChange={noop}>
            <PreviewBody answer={answer.data} place={place} go={setPlace} />
          </LangProvider>
        </div>
      )}
    </section>
  );
}
