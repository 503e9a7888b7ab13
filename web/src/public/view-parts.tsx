// Pieces every visitor page shares: the view's heading and description, the loading line, and the
// tab's title.
import { useEffect } from 'react';
import { useLang } from './lang';

export function ViewHeading({ view }: { view: { title: string; description?: string } }) {
  return (
    <header className="pv-heading">
      <h1>{view.title}</h1>
      {view.description && <p className="pv-multiline pv-description">{view.description}</p>}
    </header>
  );
}

export function Loading() {
  const { s } = useLang();
  return (
    <p className="pv-loading" role="status">
      {s.loading}
    </p>
  );
}

export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
