// The editor behind RichTextEditor (loaded on first use): TipTap's StarterKit cut down to the tags
// the server keeps, a toolbar that follows the WAI-ARIA toolbar pattern (one tab stop, arrow keys
// between buttons), a link form instead of window.prompt, and an "@" picker for mentions.
// TipTap's own <style> injection is off: the page's CSP allows only our stylesheet.
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef, useState } from 'react';
import { useStrings } from '../i18n/area-strings';
import type { MentionCandidate, RichTextEditorProps } from './rich-text-editor';
import { matchCandidates, mentionQuery } from './rich-text';
import { editorStrings } from './rich-text-strings';
import { SAFE_URL, Toolbar } from './rich-text-toolbar';

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
  const s = useStrings(editorStrings);
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
