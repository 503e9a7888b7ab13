// The side sections of a space: アプリ (links to each app in its place), 参加メンバー (with names
// from people.json; guests marked with their company) and 関連リンク (edited by those
// access.json allows).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { spaceLinkInput } from '../../../../common/api/space-extras.js';
import type { Place } from '../../api/place';
import { type SpaceAccessJson, type SpaceJson, type SpaceLinkJson, getSpaceLinks, setSpaceLinks } from '../../api/spaces';
import { useStrings } from '../../i18n/area-strings';
import { errorText, formErrors } from '../../ui/errors';
import { Field, FormError, SelectField } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { appPage, spacePage } from './format';
import { spaceKeys, useSpacePeople } from './space-ui';
import { strings } from './strings';

function Panel({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel panel--side" aria-labelledby={id}>
      <div className="panel__head">
        <h2 id={id}>{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

export function SpaceApps({ space, access, place }: { space: SpaceJson; access: SpaceAccessJson | undefined; place: Place }) {
  const s = useStrings(strings).space;
  return (
    <Panel
      title={s.apps}
      action={
        access?.may.createApp ? (
          <Link className="button button--small" to={`${place.page('/app/new')}?space=${encodeURIComponent(space.id)}`}>
            ＋ {s.addApp}
          </Link>
        ) : undefined
      }
    >
      {space.attachedApps.length === 0 ? (
        <p className="empty">{s.noApps}</p>
      ) : (
        <ul className="list">
          {space.attachedApps.map((a) => (
            <li key={a.appId}>
              <Link to={appPage(a.appId, space.isGuest ? space.id : null)} className="list__name">
                {a.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function SpacePeople({ space }: { space: SpaceJson }) {
  const s = useStrings(strings).space;
  const { t } = useTranslation();
  const people = useSpacePeople(space.id);
  let body: ReactNode;
  if (people.isError)
    body = (
      <p className="form-error" role="alert">
        {errorText(people.error, t)}
      </p>
    );
  else if (!people.data) body = <Loading />;
  else {
    const { members, guests, truncated } = people.data;
    body = (
      <>
        <ul className="people">
          {members.map((m) => (
            <li key={`${m.type}:${m.code}`}>
              <span className="people__name">{m.name}</span>
              {m.type === 'GROUP' && <span className="badge">{s.group}</span>}
              {m.type === 'ORGANIZATION' && <span className="badge">{m.includeSubs ? `${s.department} (${s.includeSubs})` : s.department}</span>}
              {m.isAdmin && <span className="badge badge--admin">{s.admin}</span>}
            </li>
          ))}
        </ul>
        {truncated && <p className="muted">{s.implicitMore}</p>}
        {guests.length > 0 && (
          <>
            <h3 className="people__heading">{s.guests}</h3>
            <ul className="people">
              {guests.map((g) => (
                <li key={g.code}>
                  <span className="people__name">{g.company ? `${g.name}（${g.company}）` : g.name}</span>
                  <span className="badge badge--guest">{s.guestBadge}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </>
    );
  }
  return <Panel title={s.members}>{body}</Panel>;
}

type SpaceLinkInput = z.input<typeof spaceLinkInput>;

function linkName(l: SpaceLinkJson): string {
  if (l.type === 'URL') return l.title || l.url;
  return l.name;
}

function toInput(l: SpaceLinkJson): SpaceLinkInput {
  if (l.type === 'APP') return { type: 'APP', app: l.app };
  if (l.type === 'SPACE') return { type: 'SPACE', space: l.space };
  return { type: 'URL', url: l.url, ...(l.title ? { title: l.title } : {}) };
}

export function SpaceLinks({ space, access, place }: { space: SpaceJson; access: SpaceAccessJson | undefined; place: Place }) {
  const s = useStrings(strings).space;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const links = useQuery({ queryKey: spaceKeys.links(space.id), queryFn: () => getSpaceLinks(place, space.id) });
  const save = useMutation({
    mutationFn: (next: SpaceLinkInput[]) => setSpaceLinks(place, space.id, next),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: spaceKeys.links(space.id) }),
  });
  const canEdit = access?.may.links === true;

  let body: ReactNode;
  if (links.isError)
    body = (
      <p className="form-error" role="alert">
        {errorText(links.error, t)}
      </p>
    );
  else if (!links.data) body = <Loading />;
  else
    body = (
      <>
        {links.data.length === 0 ? (
          <p className="empty">{s.noLinks}</p>
        ) : (
          <ul className="list">
            {links.data.map((l, i) => (
              <li key={i} className="list__row">
                {l.type === 'URL' ? (
                  <a href={l.url} target="_blank" rel="noopener noreferrer" className="list__name">
                    {linkName(l)}
                  </a>
                ) : l.type === 'APP' ? (
                  <Link to={`/app/${l.app}`} className="list__name">
                    {l.name}
                  </Link>
                ) : (
                  <Link to={spacePage(l.space, false)} className="list__name">
                    {l.name}
                  </Link>
                )}
                {editing && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={s.removeLink(linkName(l))}
                    disabled={save.isPending}
                    onClick={() => save.mutate(links.data.filter((_, j) => j !== i).map(toInput))}
                  >
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {editing && <AddLinkForm pending={save.isPending} error={save.error} onAdd={(l) => save.mutate([...links.data.map(toInput), l])} />}
      </>
    );
  return (
    <Panel
      title={s.links}
      action={
        canEdit ? (
          <button type="button" className="button button--small" aria-pressed={editing} onClick={() => setEditing(!editing)}>
            {s.editLinks}
          </button>
        ) : undefined
      }
    >
      {body}
    </Panel>
  );
}

function AddLinkForm({ pending, error, onAdd }: { pending: boolean; error: unknown; onAdd(l: SpaceLinkInput): void }) {
  const s = useStrings(strings).space;
  const { t } = useTranslation();
  const [type, setType] = useState<'URL' | 'APP' | 'SPACE'>('URL');
  const [value, setValue] = useState('');
  const [title, setTitle] = useState('');
  const errors = formErrors(error, [], t);
  return (
    <form
      className="form link-form"
      onSubmit={(e) => {
        e.preventDefault();
        const v = value.trim();
        if (!v) return;
        onAdd(type === 'URL' ? { type, url: v, ...(title.trim() ? { title: title.trim() } : {}) } : type === 'APP' ? { type, app: v } : { type, space: v });
        setValue('');
        setTitle('');
      }}
    >
      <FormError errors={errors} />
      <SelectField
        label={s.linkType}
        name="type"
        value={type}
        onChange={(e) => setType(e.target.value as typeof type)}
        options={[
          { value: 'URL', label: s.linkTypeUrl },
          { value: 'APP', label: s.linkTypeApp },
          { value: 'SPACE', label: s.linkTypeSpace },
        ]}
      />
      <Field
        label={type === 'URL' ? s.linkUrl : type === 'APP' ? s.linkApp : s.linkSpace}
        name="value"
        type={type === 'URL' ? 'url' : 'text'}
        inputMode={type === 'URL' ? 'url' : 'numeric'}
        value={value}
        required
        onChange={(e) => setValue(e.target.value)}
      />
      {type === 'URL' && <Field label={s.linkTitle} name="title" value={title} maxLength={128} onChange={(e) => setTitle(e.target.value)} />}
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {s.addLink}
        </button>
      </div>
    </form>
  );
}
