// The visitor's frame: the language switch, then the page the address names — the view (of
// whichever kind its `view.json` names) or one record. Calendars, graphs and dashboards load their
// libraries only when such a view is opened. Nothing here knows of the signed-in app.
import { Suspense, lazy, useState } from 'react';
import { CardsPage } from './cards-page';
import { DetailPage } from './detail-page';
import { SignedInBar, useLinkSignIn } from './email-sign-in';
import { Gate, NotFound } from './gates';
import { useLang } from './lang';
import { ListPage } from './list-page';
import { usePlace, viewHref } from './location';
import { SegmentPage } from './segment-page';
import { type Family, useViewKind } from './view-kind';
import { Loading, useDocumentTitle } from './view-parts';

const CalendarPage = lazy(async () => ({ default: (await import('./calendar-page')).CalendarPage }));
const GraphPage = lazy(async () => ({ default: (await import('./graph-page')).GraphPage }));
const DashboardPage = lazy(async () => ({ default: (await import('./dashboard-page')).DashboardPage }));

export function VisitorApp() {
  const { s, lang, setLang } = useLang();
  const place = usePlace();
  // The view address the visitor last saw, so "Back" from a record keeps their page and search.
  const [lastView, setLastView] = useState<string | null>(null);
  const here = place.page === 'view' ? viewHref(place.token, place.params, {}) : null;
  if (here !== null && here !== lastView) setLastView(here);
  return (
    <>
      <div className="pv-bar">
        <button type="button" className="pv-lang" lang={s.otherLanguageCode} aria-label={`${s.language}: ${s.otherLanguage}`} onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')}>
          {s.otherLanguage}
        </button>
      </div>
      <main className="pv-main">
        {place.page === 'view' && <ViewPage key={place.token} token={place.token} params={place.params} />}
        {place.page === 'record' && <DetailPage key={`${place.member}-${place.id}`} token={place.token} id={place.id} member={place.member} back={lastView} />}
        {place.page === 'unknown' && <NotFound />}
      </main>
    </>
  );
}

function ViewPage({ token, params }: { token: string; params: URLSearchParams }) {
  const link = useLinkSignIn(token);
  if (!link.ready) return <Loading />;
  return (
    <>
      {link.error && (
        <p className="pv-error pv-banner" role="alert">
          {link.error}
        </p>
      )}
      <KindPage token={token} params={params} />
    </>
  );
}

function KindPage({ token, params }: { token: string; params: URLSearchParams }) {
  const kind = useViewKind(token);
  useDocumentTitle(kind.start?.title);
  if (kind.error) return <Gate key={kind.round} error={kind.error} token={token} onRetry={kind.retry} />;
  if (kind.notFound) return <NotFound />;
  if (!kind.family) return <Loading />;
  return (
    <>
      {kind.start?.signIn && <SignedInBar token={token} />}
      <FamilyPage family={kind.family} token={token} params={params} timeZone={kind.start?.timeZone} />
    </>
  );
}

function FamilyPage({ family, token, params, timeZone }: { family: Family; token: string; params: URLSearchParams; timeZone: string | undefined }) {
  switch (family) {
    case 'list':
      return <ListPage token={token} params={params} />;
    case 'card':
      return <CardsPage token={token} params={params} />;
    case 'segment':
      return <SegmentPage token={token} params={params} />;
    case 'calendar':
      return (
        <Suspense fallback={<Loading />}>
          <CalendarPage token={token} params={params} timeZone={timeZone} />
        </Suspense>
      );
    case 'graph':
      return (
        <Suspense fallback={<Loading />}>
          <GraphPage token={token} />
        </Suspense>
      );
    case 'dashboard':
      return (
        <Suspense fallback={<Loading />}>
          <DashboardPage token={token} />
        </Suspense>
      );
  }
}
