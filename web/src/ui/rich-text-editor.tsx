// The rich-text editor every area shares (space bodies, threads, comments, RICH_TEXT fields).
// This file is tiny on purpose: the editor itself (TipTap, ~100 KB) loads the first time one is
// shown, so no screen pays for it until it needs it. It writes only tags the server keeps
// (server/domain/rich-text.ts): paragraphs, headings h2–h4, bold, italic, underline, strike,
// lists, quotes, code, links (http, https, mailto, tel) and lines.
//
//   <RichTextEditor label="Body" value={html} onChange={setHtml} />
//   <RichTextEditor label="Comment" value={html} onChange={setHtml} toolbar={false}
//     mentions={{ candidates, onPick: (c) => addRecipient(c) }} />   // "@" opens a picker
import { Suspense, lazy, useId } from 'react';
import { useTranslation } from 'react-i18next';
import './rich-text-editor.css';

/** A person, group or department that "@" can pick (宛先指定). */
export interface MentionCandidate {
  type: 'USER' | 'GROUP' | 'ORGANIZATION';
  code: string;
  name: string;
  /** A second line: a guest's company, "Group", "Department"… */
  detail?: string;
}

export interface RichTextEditorProps {
  /** The visible label; the editing area is named by it (getByRole('textbox', { name })). */
  label: string;
  /** HTML; '' for empty. */
  value: string;
  /** HTML of the content; '' when it is empty. */
  onChange(html: string): void;
  /** "@" in the text opens a list of these; picking one removes the typed "@…" and calls onPick. */
  mentions?: { candidates: readonly MentionCandidate[]; onPick(candidate: MentionCandidate): void };
  /** false: no formatting buttons (comments, whose text the server keeps as plain text). */
  toolbar?: boolean;
  /** The server's message for this input, shown beneath it. */
  error?: string | undefined;
  /** Hide the label visually (it still names the editor). */
  hideLabel?: boolean;
  disabled?: boolean;
  /** Focus the editor when it appears. */
  autoFocus?: boolean;
  id?: string;
}

const Impl = lazy(async () => ({ default: (await import('./rich-text-editor-impl')).RichTextEditorImpl }));

export function RichTextEditor(props: RichTextEditorProps) {
  const auto = useId();
  const id = props.id ?? `rte-${auto}`;
  return (
    <Suspense fallback={<Placeholder {...props} id={id} />}>
      <Impl {...props} id={id} />
    </Suspense>
  );
}

/** What shows for the moment the editor's code is on its way: the label and an empty frame. */
function Placeholder({ label, hideLabel, id }: RichTextEditorProps & { id: string }) {
  const { t } = useTranslation();
  return (
    <div className="rte rte--loading">
      <span id={`${id}-label`} className={hideLabel ? 'rte__label visually-hidden' : 'rte__label'}>
        {label}
      </span>
      <div className="rte__frame" aria-busy="true">
        <p className="loading">{t('common.loading')}</p>
      </div>
    </div>
  );
}
