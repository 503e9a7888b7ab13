// スレッド of a multi-thread space: the list, paged, newest activity as the server orders it, and
// 「スレッドを作成」 for those access.json allows (title, rich-text body, notify everyone).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Place } from '../../api/place';
import type { SpaceAccessJson, SpaceJson } from '../../api/spaces';
import { createThread, listThreads } from '../../api/threads';
import { useStrings } from '../../i18n/area-strings';
import { errorText, formErrors } from '../../ui/errors';
import { Field, FormError, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { RichTextEditor } from '../../ui/rich-text-editor';
import { spaceBase } from './space-header';
import { spaceKeys, useFormatDate } from './space-ui';
import { strings } from './strings';

const PAGE = 20;

export function SpaceThreads({ space, access, place }: { space: SpaceJson; access: SpaceAccessJson | undefined; place: Place }) {
  const s = useStrings(strings).space;
  const { t } = useTranslation();
  const headingId = useId();
  const format = useFormatDate();
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const threads = useQuery({
    queryKey: [...spaceKeys.threads(space.id), offset],
    queryFn: () => listThreads(place, space.id, offset, PAGE),
    placeholderData: keepPreviousData,
  });
  const total = Number(threads.data?.totalCount ?? 0);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel__head">
        <h2 id={headingId}>{s.threads}</h2>
        {access?.may.createThread && !creating && (
          <button type="button" className="button button--small" onClick={() => setCreating(true)}>
            ＋ {s.createThread}
          </button>
        )}
      </div>
      {creating && <NewThreadForm space={space} place={place} onClose={() => setCreating(false)} />}
      {threads.isError ? (
        <p className="form-error" role="alert">
          {errorText(threads.error, t)}
        </p>
      ) : !threads.data ? (
        <Loading />
      ) : threads.data.threads.length === 0 ? (
        <p className="empty">{s.noThreads}</p>
      ) : (
        <>
          <ul className="thread-list">
            {threads.data.threads.map((th) => (
              <li key={th.id}>
                <Link to={`${spaceBase(space)}/thread/${th.id}`} className="thread-list__name">
                  {th.name}
                </Link>
                <span className="muted">
                  {s.comments(th.commentCount)} · {s.updated(format(th.modifiedAt))}
                </span>
              </li>
            ))}
          </ul>
          {total > PAGE && (
            <nav className="pager" aria-label={s.threads}>
              <button type="button" className="button button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                ‹ {s.previous}
              </button>
              <span>{s.page(offset + 1, Math.min(offset + PAGE, total), total)}</span>
              <button type="button" className="button button--small" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
                {s.next} ›
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}

function NewThreadForm({ space, place, onClose }: { space: SpaceJson; place: Place; onClose(): void }) {
  const s = useStrings(strings);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [body, setBody] = useState('');
  const [notifyAll, setNotifyAll] = useState(false);
  const create = useMutation({
    mutationFn: () => createThread(place, { space: space.id, name, ...(body ? { body } : {}), ...(notifyAll ? { notifyAll } : {}) }),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: spaceKeys.threads(space.id) });
      navigate(`${spaceBase(space)}/thread/${id}`);
    },
  });
  const errors = formErrors(create.error, ['name', 'body'], t);
  return (
    <form
      className="form new-thread"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <FormError errors={errors} />
      <Field label={s.space.threadName} name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={128} error={errors.field('name')} autoFocus />
      <RichTextEditor label={s.space.threadBody} value={body} onChange={setBody} error={errors.field('body')} />
      <label className="check">
        <input type="checkbox" checked={notifyAll} onChange={(e) => setNotifyAll(e.target.checked)} />
        {s.space.notifyAll}
      </label>
      <div className="actions">
        <SubmitButton pending={create.isPending}>{s.space.createThread}</SubmitButton>
        <button type="button" className="button" onClick={onClose}>
          {s.settings.cancel}
        </button>
      </div>
    </form>
  );
}
