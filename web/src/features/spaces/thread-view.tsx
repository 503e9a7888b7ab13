// A thread: its title and body (editable by its author and space administrators), follow, the
// comment box, and the comments newest first with "older" paging. Shown on its own page and,
// for a single-thread space, right under the space's announcement. New comments arrive live.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MAX_COMMENTS_PER_PAGE } from '../../../../common/api/threads.js';
import { useLive } from '../../api/live';
import type { Place } from '../../api/place';
import { deleteThread, followThread, getThread, listComments, updateThread } from '../../api/threads';
import { useStrings } from '../../i18n/area-strings';
import { errorText, formErrors } from '../../ui/errors';
import { Field, FormError, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import type { MentionCandidate } from '../../ui/rich-text-editor';
import { RichTextEditor } from '../../ui/rich-text-editor';
import { useSession } from '../auth/session';
import { CommentForm, type Recipient, type ReplyTarget } from './comment-form';
import { CommentItem } from './comment-item';
import { ConfirmDialog, Refusal, RichHtml, spaceKeys, useSpaceData, useSpacePeople } from './space-ui';
import { strings } from './strings';

export function ThreadView({ place, spaceId, threadId, embedded }: { place: Place; spaceId: string; threadId: string; embedded?: boolean }) {
  const s = useStrings(strings);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useSession().data?.user;
  const headingId = useId();
  const { space, access } = useSpaceData(place, spaceId);
  const thread = useQuery({ queryKey: spaceKeys.thread(threadId), queryFn: () => getThread(place, threadId) });
  const people = useSpacePeople(spaceId, access.data?.may.comment === true);
  const comments = useInfiniteQuery({
    queryKey: spaceKeys.comments(threadId),
    queryFn: ({ pageParam }) => listComments(place, spaceId, threadId, pageParam, MAX_COMMENTS_PER_PAGE),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.older ? pages.length * MAX_COMMENTS_PER_PAGE : undefined),
    enabled: thread.isSuccess,
  });
  const [reply, setReply] = useState<ReplyTarget | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const refreshComments = () => queryClient.invalidateQueries({ queryKey: spaceKeys.comments(threadId) });
  useLive({ thread: [threadId] }, { ready: () => void refreshComments(), 'thread.comment': () => void refreshComments() }, thread.isSuccess);

  // A link to one comment (#comment-12) scrolls to it once it is shown.
  const list = useMemo(() => comments.data?.pages.flatMap((p) => p.comments) ?? [], [comments.data]);
  useEffect(() => {
    const hash = window.location.hash.slice(1);
    if (hash.startsWith('comment-')) document.getElementById(hash)?.scrollIntoView({ block: 'center' });
  }, [list.length]);

  const follow = useMutation({
    mutationFn: (on: boolean) => followThread(place, threadId, on),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: spaceKeys.thread(threadId) }),
  });
  const remove = useMutation({
    mutationFn: () => deleteThread(place, threadId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: spaceKeys.threads(spaceId) });
      navigate(space.data?.isGuest ? `/guest/${spaceId}` : `/space/${spaceId}`);
    },
  });

  const candidates = useMemo((): MentionCandidate[] => {
    if (!people.data) return [];
    const out: MentionCandidate[] = [];
    for (const m of people.data.members) {
      if (me?.kind === 'guest' && m.type !== 'USER') continue; // guests mention people only
      if (m.type === 'USER' && m.code.toLowerCase() === me?.code.toLowerCase()) continue;
      out.push({ type: m.type, code: m.code, name: m.name, ...(m.type === 'GROUP' ? { detail: s.space.group } : m.type === 'ORGANIZATION' ? { detail: s.space.department } : {}) });
    }
    for (const g of people.data.guests) {
      if (!g.valid || g.code.toLowerCase() === me?.code.toLowerCase()) continue;
      out.push({ type: 'USER', code: g.code, name: g.name, detail: g.company ? `${s.space.guests} · ${g.company}` : s.space.guests });
    }
    return out;
  }, [people.data, me, s.space]);
  const nameOf = (type: Recipient['type'], code: string) =>
    candidates.find((c) => c.type === type && c.code.toLowerCase() === code.toLowerCase())?.name ?? code;

  if (thread.isError) return embedded ? <p className="form-error">{errorText(thread.error, t)}</p> : <Refusal error={thread.error} spaceId={spaceId} kind="thread" />;
  if (!thread.data || !space.data) return <Loading />;
  const th = thread.data;
  const may = access.data?.may;
  const own = th.creator.code.toLowerCase() === (me?.code ?? '').toLowerCase();
  const canEdit = Boolean(may && (may.editAnyThread || (own && may.createThread)));
  const byId = new Map(list.map((c) => [c.id, c]));

  return (
    <div className="thread">
      {!embedded && (
        <header className="thread__head">
          <h1 id={headingId}>{th.name}</h1>
          <div className="thread__actions">
            {may?.follow && (
              <button type="button" className="button button--small" aria-pressed={th.following} disabled={follow.isPending} onClick={() => follow.mutate(!th.following)}>
                {th.following ? s.thread.unfollow : s.thread.follow}
              </button>
            )}
            {canEdit && !editing && (
              <button type="button" className="button button--small" onClick={() => setEditing(true)}>
                {s.thread.edit}
              </button>
            )}
            {canEdit && !th.isDefault && (
              <button type="button" className="button button--small button--danger-outline" onClick={() => setConfirmDelete(true)}>
                {s.thread.delete}
              </button>
            )}
          </div>
        </header>
      )}
      {embedded && may?.follow && (
        <div className="thread__actions">
          <button type="button" className="button button--small" aria-pressed={th.following} disabled={follow.isPending} onClick={() => follow.mutate(!th.following)}>
            {th.following ? s.thread.unfollow : s.thread.follow}
          </button>
        </div>
      )}
      {follow.error && (
        <p className="form-error" role="alert">
          {errorText(follow.error, t)}
        </p>
      )}
      {editing ? (
        <ThreadEditor place={place} threadId={threadId} name={th.name} body={th.body ?? ''} onClose={() => setEditing(false)} />
      ) : (
        th.body && (
          <section className="panel">
            <RichHtml html={th.body} />
          </section>
        )
      )}
      <section className="panel" aria-labelledby={`${headingId}-c`}>
        <h2 id={`${headingId}-c`}>{s.thread.comments}</h2>
        {may?.comment && (
          <CommentForm
            place={place}
            spaceId={spaceId}
            threadId={threadId}
            candidates={candidates}
            reply={reply}
            onCancelReply={() => setReply(null)}
            onPosted={() => {
              setReply(null);
              void refreshComments();
            }}
          />
        )}
        {comments.isError ? (
          <p className="form-error" role="alert">
            {errorText(comments.error, t)}
          </p>
        ) : !comments.data ? (
          <Loading />
        ) : list.length === 0 ? (
          <p className="empty">{s.thread.noComments}</p>
        ) : (
          <div className="comments">
            {list.map((c) => (
              <CommentItem
                key={c.id}
                place={place}
                spaceId={spaceId}
                threadId={threadId}
                comment={c}
                parent={c.parent ? byId.get(c.parent) : undefined}
                myCode={me?.code ?? ''}
                canComment={may?.comment === true}
                nameOf={nameOf}
                onReply={(recipients) => setReply({ commentId: c.id, authorName: c.creator.name, recipients })}
                onChanged={() => void refreshComments()}
              />
            ))}
            {comments.hasNextPage && (
              <button type="button" className="button" disabled={comments.isFetchingNextPage} onClick={() => void comments.fetchNextPage()}>
                {s.thread.older}
              </button>
            )}
          </div>
        )}
      </section>
      <ConfirmDialog
        open={confirmDelete}
        message={s.thread.deleteConfirm(th.name)}
        action={s.thread.delete}
        danger
        pending={remove.isPending}
        error={remove.error ? errorText(remove.error, t) : null}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirmDelete(false)}
      />
    </div>
  );
}

function ThreadEditor({ place, threadId, name: initialName, body: initialBody, onClose }: { place: Place; threadId: string; name: string; body: string; onClose(): void }) {
  const s = useStrings(strings);
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(initialName);
  const [body, setBody] = useState(initialBody);
  const save = useMutation({
    mutationFn: () => updateThread(place, { id: threadId, name, body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: spaceKeys.thread(threadId) });
      onClose();
    },
  });
  const errors = formErrors(save.error, ['name', 'body'], t);
  return (
    <form
      className="form panel"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <FormError errors={errors} />
      <Field label={s.space.threadName} name="name" value={name} required maxLength={128} onChange={(e) => setName(e.target.value)} error={errors.field('name')} />
      <RichTextEditor label={s.space.threadBody} value={body} onChange={setBody} error={errors.field('body')} />
      <div className="actions">
        <SubmitButton pending={save.isPending}>{s.thread.save}</SubmitButton>
        <button type="button" className="button" onClick={onClose}>
          {s.thread.cancel}
        </button>
      </div>
    </form>
  );
}
