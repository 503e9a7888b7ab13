// The comment box of a thread: 宛先指定 (recipients picked from the space's people, by the picker
// or by typing "@" in the text), the text in the shared editor, attachments (uploaded at once
// through POST file.json; images previewed), and 書き込む. The server keeps a comment's text as
// plain text (kintone's API), so the editor's lines and lists are sent as text.
import { useMutation } from '@tanstack/react-query';
import { type ChangeEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionType } from '../../../../common/api/comments.js';
import { MAX_COMMENT_FILES, MAX_MENTIONS } from '../../../../common/api/threads.js';
import type { Place } from '../../api/place';
import { addComment, uploadFile } from '../../api/threads';
import { useStrings } from '../../i18n/area-strings';
import { errorText, formErrors } from '../../ui/errors';
import { FormError } from '../../ui/form';
import { htmlToPlainText, isBlankHtml, matchCandidates } from '../../ui/rich-text';
import { type MentionCandidate, RichTextEditor } from '../../ui/rich-text-editor';
import { strings } from './strings';

export interface Recipient {
  type: MentionType;
  code: string;
  name: string;
}

interface Attachment {
  id: number;
  file: File;
  preview: string | null;
  fileKey: string | null;
  error: string | null;
}

export interface ReplyTarget {
  commentId: string;
  authorName: string;
  recipients: Recipient[];
}

export function CommentForm({
  place,
  spaceId,
  threadId,
  candidates,
  reply,
  onCancelReply,
  onPosted,
}: {
  place: Place;
  spaceId: string;
  threadId: string;
  candidates: readonly MentionCandidate[];
  reply: ReplyTarget | null;
  onCancelReply(): void;
  onPosted(): void;
}) {
  const s = useStrings(strings).thread;
  const { t } = useTranslation();
  const fileInput = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [html, setHtml] = useState('');
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [files, setFiles] = useState<Attachment[]>([]);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const nextId = useRef(1);

  // A reply starts with its recipients (返信: the author; 全員に返信: everyone named before).
  useEffect(() => {
    if (!reply) return;
    setRecipients(reply.recipients.slice(0, MAX_MENTIONS));
    formRef.current?.scrollIntoView({ block: 'nearest' });
  }, [reply]);

  // Previews are object URLs: let them go when the form does.
  const previews = useRef<string[]>([]);
  useEffect(() => {
    const urls = previews.current;
    return () => urls.forEach((u) => URL.revokeObjectURL(u));
  }, []);

  function addRecipient(c: Recipient): void {
    setRecipients((list) => (list.some((r) => r.type === c.type && r.code === c.code) || list.length >= MAX_MENTIONS ? list : [...list, { type: c.type, code: c.code, name: c.name }]));
  }

  async function onFiles(e: ChangeEvent<HTMLInputElement>): Promise<void> {
    const chosen = [...(e.target.files ?? [])];
    e.target.value = '';
    setFileProblem(null);
    const room = MAX_COMMENT_FILES - files.length;
    if (chosen.length > room) setFileProblem(s.tooManyFiles(MAX_COMMENT_FILES));
    const added = chosen.slice(0, Math.max(0, room)).map(
      (file): Attachment => ({ id: nextId.current++, file, preview: file.type.startsWith('image/') ? URL.createObjectURL(file) : null, fileKey: null, error: null }),
    );
    for (const a of added) if (a.preview) previews.current.push(a.preview);
    setFiles((list) => [...list, ...added]);
    await Promise.all(
      added.map(async (a) => {
        try {
          const fileKey = await uploadFile(place, a.file);
          setFiles((list) => list.map((x) => (x.id === a.id ? { ...x, fileKey } : x)));
        } catch (err) {
          setFiles((list) => list.map((x) => (x.id === a.id ? { ...x, error: errorText(err, t) } : x)));
        }
      }),
    );
  }

  const post = useMutation({
    mutationFn: () => {
      const text = htmlToPlainText(html);
      const keys = files.filter((f) => f.fileKey).map((f) => ({ fileKey: f.fileKey! }));
      return addComment(place, {
        space: spaceId,
        thread: threadId,
        comment: {
          ...(text.trim() ? { text } : {}),
          ...(keys.length ? { files: keys } : {}),
          ...(recipients.length ? { mentions: recipients.map((r) => ({ type: r.type, code: r.code })) } : {}),
        },
        ...(reply ? { parent: reply.commentId } : {}),
      });
    },
    onSuccess: () => {
      setHtml('');
      setRecipients([]);
      setFiles([]);
      onPosted();
    },
  });
  const errors = formErrors(post.error, ['comment.text'], t);
  const uploading = files.some((f) => !f.fileKey && !f.error);
  const empty = isBlankHtml(html) && !files.some((f) => f.fileKey);

  return (
    <form
      ref={formRef}
      className="comment-form"
      aria-label={s.comment}
      onSubmit={(e) => {
        e.preventDefault();
        if (!empty && !uploading) post.mutate();
      }}
    >
      <FormError errors={errors} />
      {reply && (
        <p className="comment-form__reply">
          {s.replyingTo(reply.authorName)}{' '}
          <button type="button" className="link-button" onClick={onCancelReply}>
            {s.cancelReply}
          </button>
        </p>
      )}
      <MentionPicker candidates={candidates} recipients={recipients} onAdd={addRecipient} onRemove={(r) => setRecipients((l) => l.filter((x) => x !== r))} />
      <RichTextEditor
        label={s.comment}
        value={html}
        onChange={setHtml}
        toolbar={false}
        error={errors.field('comment.text')}
        mentions={{ candidates, onPick: (c) => addRecipient(c) }}
      />
      {files.length > 0 && (
        <ul className="attachments">
          {files.map((f) => (
            <li key={f.id} className="attachment">
              {f.preview && <img src={f.preview} alt="" className="attachment__thumb" />}
              <span className="attachment__name">{f.file.name}</span>
              {!f.fileKey && !f.error && <span className="muted">{s.uploading}</span>}
              {f.error && <span className="field-error">{f.error}</span>}
              <button type="button" className="link-button" aria-label={s.removeFile(f.file.name)} onClick={() => setFiles((l) => l.filter((x) => x.id !== f.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {fileProblem && <p className="field-error">{fileProblem}</p>}
      <div className="comment-form__actions">
        <label htmlFor={fileInput} className="button button--small file-button">
          ＋ {s.attach}
        </label>
        <input id={fileInput} type="file" multiple className="visually-hidden" onChange={(e) => void onFiles(e)} disabled={files.length >= MAX_COMMENT_FILES} />
        <button type="submit" className="button button--primary" disabled={post.isPending || uploading || empty}>
          {s.post}
        </button>
      </div>
    </form>
  );
}

/** 宛先指定: a combobox over the space's people; chosen ones show as removable chips. */
function MentionPicker({
  candidates,
  recipients,
  onAdd,
  onRemove,
}: {
  candidates: readonly MentionCandidate[];
  recipients: Recipient[];
  onAdd(r: Recipient): void;
  onRemove(r: Recipient): void;
}) {
  const s = useStrings(strings).thread;
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const options = useMemo(
    () => matchCandidates(candidates.filter((c) => !recipients.some((r) => r.type === c.type && r.code === c.code)), query),
    [candidates, recipients, query],
  );
  const choose = (c: MentionCandidate) => {
    onAdd(c);
    setQuery('');
    setActive(0);
  };
  const shown = open && options.length > 0;
  return (
    <div className="mention-picker">
      <label htmlFor={id} className="mention-picker__label">
        {s.mention}
      </label>
      <div className="mention-picker__box">
        {recipients.map((r) => (
          <span key={`${r.type}:${r.code}`} className="chip">
            @{r.name}
            <button type="button" className="chip__remove" aria-label={s.removeMention(r.name)} onClick={() => onRemove(r)}>
              ×
            </button>
          </span>
        ))}
        <input
          id={id}
          role="combobox"
          aria-expanded={shown}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={shown ? `${id}-opt-${active}` : undefined}
          value={query}
          placeholder={s.mentionPlaceholder}
          autoComplete="off"
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && options.length) {
              e.preventDefault();
              setOpen(true);
              setActive((a) => (a + 1) % options.length);
            } else if (e.key === 'ArrowUp' && options.length) {
              e.preventDefault();
              setActive((a) => (a - 1 + options.length) % options.length);
            } else if (e.key === 'Enter' && shown) {
              e.preventDefault();
              const c = options[active];
              if (c) choose(c);
            } else if (e.key === 'Escape') {
              setOpen(false);
            } else if (e.key === 'Backspace' && query === '' && recipients.length) {
              onRemove(recipients[recipients.length - 1]!);
            }
          }}
        />
      </div>
      {shown && (
        <ul id={`${id}-list`} role="listbox" aria-label={s.mention} className="rte__mentions mention-picker__list">
          {options.map((c, i) => (
            <li
              key={`${c.type}:${c.code}`}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'rte__mention rte__mention--active' : 'rte__mention'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(c)}
            >
              <span className="rte__mention-name">{c.name}</span>
              {c.detail && <span className="rte__mention-detail">{c.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
