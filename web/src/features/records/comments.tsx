// コメント on a record: newest first, ten at a time with older / newer, a box to post with 宛先指定
// (mentions chosen from the people the app may name), and 削除する on one's own comments.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { Mention } from '../../../../common/api/comments.js';
import { MAX_COMMENTS_PER_PAGE } from '../../../../common/api/comments.js';
import type { Place } from '../../api/place';
import { addComment, deleteComment, listComments, pickEntities } from '../../api/records';
import { useStrings } from '../../i18n/area-strings';
import { useSession } from '../auth/session';
import { formatDateTime } from './fields/format';
import { strings } from './strings';
import { Dialog, ErrorLine } from './ui';
import { appKey } from './use-app';

export function Comments({ place, app, record, timeZone }: { place: Place; app: string; record: string; timeZone: string }) {
  const all = useStrings(strings);
  const s = all.comments;
  const me = useSession().data?.user.code;
  const queryClient = useQueryClient();
  const [offset, setOffset] = useState(0);
  const key = [...appKey(place, app), 'record', record, 'comments'];
  const page = useQuery({
    queryKey: [...key, offset],
    queryFn: () => listComments(place, app, record, offset, MAX_COMMENTS_PER_PAGE),
    placeholderData: keepPreviousData,
  });
  const [deleting, setDeleting] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => deleteComment(place, app, record, id),
    onSuccess: async () => {
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <section className="comments" aria-labelledby={`${record}-comments`}>
      <h2 id={`${record}-comments`} className="visually-hidden">{s.title}</h2>
      <CommentBox place={place} app={app} record={record} onPosted={() => (setOffset(0), queryClient.invalidateQueries({ queryKey: key }))} />
      {page.error ? (
        <ErrorLine error={page.error} />
      ) : page.data && page.data.comments.length === 0 ? (
        <p className="empty">{s.empty}</p>
      ) : (
        <ol className="comment-list">
          {page.data?.comments.map((c) => (
            <li key={c.id} className="comment">
              <div className="comment__head">
                <span className="comment__author">{c.creator.name}</span>
                <time dateTime={c.createdAt} className="muted">
                  {formatDateTime(c.createdAt, timeZone)}
                </time>
                {c.creator.code === me && (
                  <button type="button" className="link-button comment__delete" aria-label={s.deleteComment(c.id)} onClick={() => setDeleting(c.id)}>
                    {s.delete}
                  </button>
                )}
              </div>
              <p className="comment__text">{c.text}</p>
            </li>
          ))}
        </ol>
      )}
      {(page.data?.newer || page.data?.older) && (
        <div className="comment-pager">
          {page.data.newer && (
            <button type="button" className="button" onClick={() => setOffset(Math.max(0, offset - MAX_COMMENTS_PER_PAGE))}>
              {s.newer}
            </button>
          )}
          {page.data.older && (
            <button type="button" className="button" onClick={() => setOffset(offset + MAX_COMMENTS_PER_PAGE)}>
              {s.older}
            </button>
          )}
        </div>
      )}
      <Dialog title={s.delete} open={deleting !== null} onClose={() => setDeleting(null)}>
        <p>{s.deleteConfirm}</p>
        <ErrorLine error={remove.error} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setDeleting(null)}>
            {all.detail.cancel}
          </button>
          <button type="button" className="button button--danger" disabled={remove.isPending} onClick={() => deleting && remove.mutate(deleting)}>
            {s.delete}
          </button>
        </div>
      </Dialog>
    </section>
  );
}

function CommentBox({ place, app, record, onPosted }: { place: Place; app: string; record: string; onPosted(): void }) {
  const s = useStrings(strings);
  const ids = { text: useId(), mention: useId() };
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<Array<Mention & { name: string }>>([]);
  const [keyword, setKeyword] = useState('');
  const found = useQuery({
    queryKey: ['records', 'picker', app, 'USER', keyword],
    queryFn: () => pickEntities(app, 'USER', keyword),
    enabled: keyword.trim().length > 0,
    staleTime: 30_000,
  });
  const post = useMutation({
    mutationFn: () => addComment(place, app, record, text, mentions.map(({ code, type }) => ({ code, type }))),
    onSuccess: () => {
      setText('');
      setMentions([]);
      onPosted();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) post.mutate();
  };
  const add = (code: string, name: string) => {
    if (!mentions.some((m) => m.code === code)) setMentions([...mentions, { code, name, type: 'USER' }]);
    setKeyword('');
  };
  return (
    <form className="comment-box" onSubmit={submit}>
      <ErrorLine error={post.error} />
      <div className="field">
        <label htmlFor={ids.mention}>{s.comments.mention}</label>
        {mentions.length > 0 && (
          <ul className="chips">
            {mentions.map((m) => (
              <li key={m.code} className="chip">
                @{m.name}
                <button type="button" className="chip__remove" aria-label={s.filter.removeValue(m.name)} onClick={() => setMentions(mentions.filter((x) => x.code !== m.code))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input id={ids.mention} type="search" placeholder={s.comments.mentionSearch} value={keyword} onChange={(e) => setKeyword(e.target.value)} />
        {keyword.trim() && found.data && found.data.length > 0 && (
          <ul className="suggestions">
            {found.data.map((u) => (
              <li key={u.code}>
                <button type="button" className="link-button" aria-label={s.filter.pick(u.name)} onClick={() => add(u.code, u.name)}>
                  {u.name} <span className="muted">{u.code}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.text}>{s.comments.text}</label>
        <textarea id={ids.text} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <button type="submit" className="button button--primary" disabled={post.isPending || !text.trim()}>
        {s.comments.post}
      </button>
    </form>
  );
}
