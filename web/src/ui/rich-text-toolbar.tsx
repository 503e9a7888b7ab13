// The editor's formatting toolbar (WAI-ARIA toolbar: one tab stop, arrow keys between buttons)
// and its link form, which stands in for window.prompt and accepts only http(s), mailto and tel.
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useStrings } from '../i18n/area-strings';
import { editorStrings } from './rich-text-strings';

export const SAFE_URL = /^(https?:\/\/|mailto:|tel:)/i;

function withScheme(url: string): string {
  const u = url.trim();
  if (!u) return u;
  if (SAFE_URL.test(u)) return u;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u)) return u; // another scheme: refused by SAFE_URL below
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(u)) return `mailto:${u}`;
  return `https://${u}`;
}

export function Toolbar({ editor, disabled, label }: { editor: Editor; disabled: boolean; label: string }) {
  const s = useStrings(editorStrings);
  const ref = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const [linkOpen, setLinkOpen] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      heading: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      code: e.isActive('code'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const buttons: Array<{ key: string; label: string; icon: ReactNode; pressed?: boolean; disabled?: boolean; run(): void }> = [
    { key: 'bold', label: s.bold, icon: <b>B</b>, pressed: state.bold, run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', label: s.italic, icon: <i>I</i>, pressed: state.italic, run: () => editor.chain().focus().toggleItalic().run() },
    { key: 'underline', label: s.underline, icon: <u>U</u>, pressed: state.underline, run: () => editor.chain().focus().toggleUnderline().run() },
    { key: 'strike', label: s.strike, icon: <s>S</s>, pressed: state.strike, run: () => editor.chain().focus().toggleStrike().run() },
    { key: 'heading', label: s.heading, icon: 'H', pressed: state.heading, run: () => editor.chain().focus().toggleHeading({ level: 3 }).run() },
    { key: 'bulletList', label: s.bulletList, icon: '•≡', pressed: state.bulletList, run: () => editor.chain().focus().toggleBulletList().run() },
    { key: 'orderedList', label: s.orderedList, icon: '1≡', pressed: state.orderedList, run: () => editor.chain().focus().toggleOrderedList().run() },
    { key: 'quote', label: s.quote, icon: '❝', pressed: state.quote, run: () => editor.chain().focus().toggleBlockquote().run() },
    { key: 'code', label: s.code, icon: '</>', pressed: state.code, run: () => editor.chain().focus().toggleCode().run() },
    { key: 'link', label: s.link, icon: <span className="rte__tool-text">{s.link}</span>, pressed: state.link || linkOpen, run: () => setLinkOpen((o) => !o) },
    { key: 'rule', label: s.rule, icon: '―', run: () => editor.chain().focus().setHorizontalRule().run() },
    { key: 'clear', label: s.clear, icon: <s>T</s>, run: () => editor.chain().focus().unsetAllMarks().clearNodes().run() },
    { key: 'undo', label: s.undo, icon: '↶', disabled: !state.canUndo, run: () => editor.chain().focus().undo().run() },
    { key: 'redo', label: s.redo, icon: '↷', disabled: !state.canRedo, run: () => editor.chain().focus().redo().run() },
  ];

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    const keys: Record<string, (i: number) => number> = {
      ArrowRight: (i) => (i + 1) % buttons.length,
      ArrowLeft: (i) => (i - 1 + buttons.length) % buttons.length,
      Home: () => 0,
      End: () => buttons.length - 1,
    };
    const move = keys[e.key];
    if (!move || (e.target as HTMLElement).tagName === 'INPUT') return;
    e.preventDefault();
    const next = move(focusIndex);
    setFocusIndex(next);
    ref.current?.querySelectorAll<HTMLButtonElement>('.rte__tool')[next]?.focus();
  }

  return (
    <>
      <div ref={ref} role="toolbar" aria-label={label} className="rte__toolbar" onKeyDown={onKeyDown}>
        {buttons.map((b, i) => (
          <button
            key={b.key}
            type="button"
            className={b.pressed ? 'rte__tool rte__tool--on' : 'rte__tool'}
            aria-label={b.label}
            title={b.label}
            aria-pressed={b.pressed === undefined ? undefined : b.pressed}
            tabIndex={i === focusIndex ? 0 : -1}
            disabled={disabled || b.disabled}
            onFocus={() => setFocusIndex(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={b.run}
          >
            <span aria-hidden="true">{b.icon}</span>
          </button>
        ))}
      </div>
      {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
    </>
  );
}

function LinkForm({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const s = useStrings(editorStrings);
  const id = useId();
  const [url, setUrl] = useState(() => (editor.getAttributes('link').href as string | undefined) ?? '');
  const [bad, setBad] = useState(false);

  function apply(): void {
    const href = withScheme(url);
    if (!SAFE_URL.test(href)) {
      setBad(true);
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: url.trim(), marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose();
  }

  return (
    // Not a <form>: the editor may itself sit inside one, and forms do not nest.
    <div className="rte__link" role="group" aria-label={s.link}>
      <div className={bad ? 'field field--invalid' : 'field'}>
        <label htmlFor={id}>{s.url}</label>
        <input
          id={id}
          type="url"
          inputMode="url"
          value={url}
          autoFocus
          aria-invalid={bad || undefined}
          aria-describedby={bad ? `${id}-error` : undefined}
          onChange={(e) => {
            setUrl(e.target.value);
            setBad(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onClose();
              editor.commands.focus();
            }
          }}
        />
        {bad && (
          <p id={`${id}-error`} className="field-error">
            {s.badUrl}
          </p>
        )}
      </div>
      <div className="rte__link-actions">
        <button type="button" className="button" onClick={apply}>
          {s.apply}
        </button>
        {editor.isActive('link') && (
          <button
            type="button"
            className="button"
            onClick={() => {
              editor.chain().focus().extendMarkRange('link').unsetLink().run();
              onClose();
            }}
          >
            {s.unlink}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => {
            onClose();
            editor.commands.focus();
          }}
        >
          {s.cancel}
        </button>
      </div>
    </div>
  );
}
