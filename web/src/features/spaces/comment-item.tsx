// One thread comment: who and when, what it replies to, its text (plain, as the server keeps
// it), its files (images as thumbnails, others as download links), いいね! with who liked it,
// 返信 / 全員に返信, and 削除する on one's own.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../api/place';
import { type ThreadCommentJson, commentLikers, deleteComment, fileUrl, likeComment } from '../../api/threads';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import type { Recipient } from './comment-form';
import { ConfirmDialog, useFormatDate } from './space-ui';
import { strings } from './strings';

export function CommentItem({
  place,
  spaceId,
  threadId,
  comment,
  parent,
  myCode,
  canComment,
  nameOf,
  onReply,
  onChanged,
}: {
  place: Place;
  spaceId: string;
  threadId: string;
  comment: ThreadCommentJson;
  parent: ThreadCommentJson | undefined;
  myCode: string;
  canComment: boolean;
  nameOf(type: Recipient['type'], code: string): string;
  onReply(recipients: Recipient[]): void;
  onChanged(): void;
}) {
  const s = useStrings(strings).thread;
  const { t } = useTranslation();
  const format = useFormatDate();
  const [confirm, setConfirm] = useState(false);
  const [showLikers, setShowLikers] = useState(false);
  const like = useMutation({ mutationFn: (on: boolean) => likeComment(place, spaceId, threadId, comment.id, on), onSuccess: onChanged });
  const remove = useMutation({
    mutationFn: () => deleteComment(place, spaceId, threadId, comment.id),
    onSuccess: () => {
      setConfirm(false);
      onChanged();
    },
  });
  const mine = comment.creator.code.toLowerCase() === myCode.toLowerCase();
  const author: Recipient = { type: 'USER', code: comment.creator.code, name: comment.creator.name };
  const others: Recipient[] = comment.mentions
    .filter((m) => !(m.type === 'USER' && m.code.toLowerCase() === myCode.toLowerCase()))
    .map((m) => ({ type: m.type, code: m.code, name: nameOf(m.type, m.code) }));

  return (
    <article id={`comment-${comment.id}`} className="comment" aria-label={`${comment.creator.name} ${format(comment.createdAt)}`}>
      <header className="comment__head">
        <span className="comment__author">{comment.creator.name || comment.creator.code}</span>
        <time dateTime={comment.createdAt} className="muted">
          {format(comment.createdAt)}
        </time>
      </header>
      {comment.parent && (
        <p className="comment__parent muted">
          <a href={`#comment-${comment.parent}`}>↪ {s.inReplyTo(parent ? parent.creator.name : `#${comment.parent}`)}</a>
        </p>
      )}
      {comment.text && <p className="comment__text">{comment.text}</p>}
      {comment.files.length > 0 && (
        <ul className="comment__files">
          {comment.files.map((f) => {
            const url = fileUrl(place, f.fileKey);
            return (
              <li key={f.fileKey}>
                {f.contentType.startsWith('image/') ? (
                  <a href={url} target="_blank" rel="noopener noreferrer" aria-label={s.download(f.name)}>
                    <img src={url} alt={f.name} className="comment__image" loading="lazy" width={f.width ? Number(f.width) : undefined} />
                  </a>
                ) : (
                  <a href={url} download={f.name}>
                    ↓ {f.name}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <footer className="comment__actions">
        {canComment && (
          <button type="button" className="link-button" aria-pressed={comment.likedByMe} disabled={like.isPending} onClick={() => like.mutate(!comment.likedByMe)}>
            {comment.likedByMe ? `♥ ${s.unlike}` : `♡ ${s.like}`}
          </button>
        )}
        {Number(comment.likeCount) > 0 && (
          <button type="button" className="link-button" aria-expanded={showLikers} onClick={() => setShowLikers(!showLikers)}>
            {s.likes(comment.likeCount)}
          </button>
        )}
        {canComment && (
          <button type="button" className="link-button" onClick={() => onReply(mine ? [] : [author])}>
            {s.reply}
          </button>
        )}
        {canComment && (
          <button
            type="button"
            className="link-button"
            onClick={() => onReply([...(mine ? [] : [author]), ...others.filter((o) => !(o.type === 'USER' && o.code.toLowerCase() === author.code.toLowerCase()))])}
          >
            {s.replyAll}
          </button>
        )}
        {mine && (
          <button type="button" className="link-button link-button--danger" onClick={() => setConfirm(true)}>
            {s.deleteComment}
          </button>
        )}
      </footer>
      {(like.error || remove.error) && !confirm && (
        <p className="form-error" role="alert">
          {errorText(like.error ?? remove.error, t)}
        </p>
      )}
      {showLikers && <Likers spaceId={spaceId} threadId={threadId} commentId={comment.id} count={comment.likeCount} />}
      <ConfirmDialog
        open={confirm}
        message={s.deleteCommentConfirm}
        action={s.deleteComment}
        danger
        pending={remove.isPending}
        error={remove.error ? errorText(remove.error, t) : null}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirm(false)}
      />
    </article>
  );
}

function Likers({ spaceId, threadId, commentId, count }: { spaceId: string; threadId: string; commentId: string; count: string }) {
  const s = useStrings(strings).thread;
  const { t } = useTranslation();
  const likers = useQuery({ queryKey: ['thread', threadId, 'likers', commentId, count], queryFn: () => commentLikers(spaceId, threadId, commentId) });
  return (
    <div className="likers" role="region" aria-label={s.likedBy}>
      <strong>{s.likedBy}</strong>
      {likers.isError ? (
        <p className="form-error">{errorText(likers.error, t)}</p>
      ) : !likers.data ? (
        <Loading />
      ) : likers.data.users.length === 0 ? (
        <p className="empty">{s.noLikes}</p>
      ) : (
        <ul className="likers__list">
          {likers.data.users.map((u) => (
            <li key={u.code}>{u.name}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
