// The editor behind RichTextEditor (loaded on first use): TipTap's StarterKit cut down to the tags
// the server keeps, a toolbar that follows the WAI-ARIA toolbar pattern (one tab stop, arrow keys
// between buttons), a link form instead of window.prompt, and an "@" picker for mentions.
// TipTap's own <style> injection is off: the page's CSP allows only our stylesheet.
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { defineStrings, useStrings } from '../i18n/area-strings';
import type { MentionCandidate, RichTextEditorProps } from './rich-text-editor';
import { matchCandidates, mentionQuery } from './rich-text';

const strings = defineStrings(
  {
    toolbar: 'Formatting',
    bold: 'Bold',
    italic: 'Italic',
    underline: 'Underline',
    strike: 'Strikethrough',
    heading: 'Heading',
    bulletList: 'Bulleted list',
    orderedList: 'Numbered list',
    quote: 'Quote',
    code: 'Code',
    link: 'Link',
    rule: 'Horizontal line',
    clear: 'Clear formatting',
    undo: 'Undo',
    redo: 'Redo',
    url: 'URL',
    apply: 'Apply',
    unlink: 'Remove link',
    cancel: 'Cancel',
    badUrl: 'Enter an address that starts with http://, https://, mailto: or tel:.',
    mentionList: 'People to mention',
    group: 'Group',
    department: 'Department',
  },
  {
    toolbar: '書式',
    bold: '太字',
    italic: '斜体',
    underline: '下線',
    strike: '取り消し線',
    heading: '見出し',
    bulletList: '箇条書き',
    orderedList: '番号付きリスト',
    quote: '引用',
    code: 'コード',
    link: 'リンク',
    rule: '罫線',
    clear: '書式をクリア',
    undo: '元に戻す',
    redo: 'やり直す',
    url: 'URL',
    apply: '適用',
    unlink: 'リンクを解除',
    cancel: 'キャンセル',
    badUrl: 'http://、https://、mailto:、tel: で始まるアドレスを入力してください。',
    mentionList: '宛先の候補',
    group: 'グループ',
    department: '組織',
  },
);

const SAFE_URL = /^(https?:\/\/|mailto:|tel:)/i;

function withScheme(url: string): string {
  const u = url.trim();
  if (!u) return u;
  if (SAFE_URL.test(u)) return u;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u)) return u; // another scheme: refused by SAFE_URL below
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(u)) return `mailto:${u}`;
  return `https://${u}`;
}

interface MentionState {
  query: string;
  from: number;
  to: number;
}

export function RichTextEditorImpl({
  label,
  value,
  onChange,
  mentions,
  toolbar = true,
  error,
  hideLabel,
  disabled,
  autoFocus,
  id,
}: RichTextEditorProps & { id: string }) {
  const s = useStrings(strings);
  const labelId = `${id}-label`;
  const errorId = `${id}-error`;
  const listId = `${id}-mentions`;
  const emitted = useRef(value);
  const onChangeRef = useRef(onChange);
  const mentionsRef = useRef(mentions);
  const [mention, setMention] = useState<MentionState | null>(null);
  const [active, setActive] = useState(0);
  const mentionRef = useRef<{ state: MentionState | null; options: MentionCandidate[]; active: number }>({ state: null, options: [], active: 0 });
  const pickRef = useRef<(c: MentionCandidate) => void>(() => {});
  useEffect(() => {
    onChangeRef.current = onChange;
    mentionsRef.current = mentions;
  });

  const editor = useEditor({
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editable: !disabled,
    autofocus: autoFocus ? 'end' : false,
    content: value || '',
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        codeBlock: false,
        link: {
          openOnClick: false,
          autolink: true,
          linkOnPaste: true,
          defaultProtocol: 'https',
          protocols: ['mailto', 'tel'],
          isAllowedUri: (url) => SAFE_URL.test(url),
        },
      }),
    ],
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(error ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}),
        class: 'rte__content',
      },
      handleKeyDown: (_view, event) => {
        const m = mentionRef.current;
        if (!m.state || m.options.length === 0) return false;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          const step = event.key === 'ArrowDown' ? 1 : -1;
          setActive((a) => (a + step + m.options.length) % m.options.length);
          return true;
        }
        if (event.key === 'Enter' || event.key === 'Tab') {
          const chosen = m.options[m.active] ?? m.options[0];
          if (chosen) pickRef.current(chosen);
          return true;
        }
        if (event.key === 'Escape') {
          setMention(null);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => {
      const html = e.isEmpty ? '' : e.getHTML();
      emitted.current = html;
      onChangeRef.current(html);
      readMention(e);
    },
    onSelectionUpdate: ({ editor: e }) => readMention(e),
  });

  function readMention(e: Editor): void {
    if (!mentionsRef.current) return;
    const { $from, empty } = e.state.selection;
    if (!empty) return setMention(null);
    const before = $from.parent.textBetween(Math.max(0, $from.parentOffset - 40), $from.parentOffset, undefined, '\ufffc');
    const query = mentionQuery(before);
    if (query === null) return setMention(null);
    setMention({ query, from: $from.pos - query.length - 1, to: $from.pos });
    setActive(0);
  }

  function pick(c: MentionCandidate): void {
    const m = mentionRef.current.state;
    if (editor && m) editor.chain().focus().deleteRange({ from: m.from, to: m.to }).run();
    setMention(null);
    mentionsRef.current?.onPick(c);
  }

  // A value set from outside (a form reset, a comment posted) replaces the content.
  useEffect(() => {
    if (!editor || value === emitted.current) return;
    emitted.current = value;
    editor.commands.setContent(value || '', { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  const options = mention && mentions ? matchCandidates(mentions.candidates, mention.query) : [];
  useEffect(() => {
    mentionRef.current = { state: mention, options, active };
    pickRef.current = pick;
  });

  const activeOption = mention && options.length > 0 ? `${listId}-${Math.min(active, options.length - 1)}` : undefined;
  useEffect(() => {
    // A destroyed editor (useEditor replaces it when its options change) has no view to mark.
    if (!editor || editor.isDestroyed) return;
    const dom = editor.view.dom;
    if (activeOption) {
      dom.setAttribute('aria-controls', listId);
      dom.setAttribute('aria-activedescendant', activeOption);
      dom.setAttribute('aria-expanded', 'true');
    } else {
      dom.removeAttribute('aria-activedescendant');
      if (mentions) dom.setAttribute('aria-expanded', 'false');
    }
  }, [editor, activeOption, listId, mentions]);

  return (
    <div className={error ? 'rte rte--invalid' : 'rte'}>
      <span id={labelId} className={hideLabel ? 'rte__label visually-hidden' : 'rte__label'} onClick={() => editor?.commands.focus()}>
        {label}
      </span>
      <div className="rte__frame">
        {toolbar && editor && <Toolbar editor={editor} disabled={Boolean(disabled)} label={`${label}: ${s.toolbar}`} />}
        <EditorContent editor={editor} />
      </div>
      {mention && options.length > 0 && (
        <ul id={listId} role="listbox" aria-label={s.mentionList} className="rte__mentions">
          {options.map((c, i) => (
            <li
              key={`${c.type}:${c.code}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'rte__mention rte__mention--active' : 'rte__mention'}
              // Keep the caret in the editor: the pick happens on click.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(c)}
            >
              <span className="rte__mention-name">{c.name}</span>
              <span className="rte__mention-detail">{c.detail ?? (c.type === 'GROUP' ? s.group : c.type === 'ORGANIZATION' ? s.department : c.code)}</span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function Toolbar({ editor, disabled, label }: { editor: Editor; disabled: boolean; label: string }) {
  const s = useStrings(strings);
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
  const s = useStrings(strings);
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
