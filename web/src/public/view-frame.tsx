// What every visitor page is drawn in: the view's answer or what stands instead of it (the gate,
// the loading line), with the tab titled after the view; and the view's frame — its heading and
// its text blocks above and below whatever the kind draws.
import type { ReactNode } from 'react';
import { RichText } from '../features/records/fields/rich-text';
import { Gate } from './gates';
import { useVisitorData } from './use-data';
import { Loading, ViewHeading, useDocumentTitle } from './view-parts';

interface AnswerProps<T> {
  token: string;
  /** The answer's path (`/public/{token}/…json`). */
  path: string;
  /** The page drawn from the answer; `loading` while the next one (another page, a search) is on its way. */
  children(data: T, loading: boolean): ReactNode;
}

export function ViewAnswer<T extends { view: { title: string } }>({ token, path, children }: AnswerProps<T>) {
  const answer = useVisitorData<T>(path);
  useDocumentTitle(answer.data?.view.title);
  if (answer.error) return <Gate key={answer.round} error={answer.error} token={token} onRetry={answer.reload} />;
  if (!answer.data) return <Loading />;
  return children(answer.data, answer.loading);
}

interface FrameProps {
  view: { title: string; description?: string; blocks: { above: string; below: string } };
  busy?: boolean;
  className?: string;
  children: ReactNode;
}

export function ViewFrame({ view, busy, className = 'pv-view', children }: FrameProps) {
  return (
    <article className={className} aria-busy={busy || undefined}>
      <ViewHeading view={view} />
      {view.blocks.above && <RichText html={view.blocks.above} className="rich-text pv-block" />}
      {children}
      {view.blocks.below && <RichText html={view.blocks.below} className="rich-text pv-block" />}
    </article>
  );
}
