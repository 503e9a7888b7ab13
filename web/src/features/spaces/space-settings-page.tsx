// スペースの設定 (…/settings), for space administrators: 基本設定 (name, switches, sections,
// cover, delete), 参加メンバー (member-settings.tsx), and for guest spaces ゲスト
// (guest-settings.tsx). Whoever else types the address gets the friendly "no privilege" page:
// what the server's access.json says.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SPACE_COVER_PRESETS } from '../../../../common/api/spaces.js';
import { ApiError } from '../../api/client';
import type { Place } from '../../api/place';
import { type SpaceJson, deleteSpace, setSpaceCover, updateSpace } from '../../api/spaces';
import { uploadFile } from '../../api/threads';
import { useStrings } from '../../i18n/area-strings';
import { errorText, formErrors } from '../../ui/errors';
import { Field, FormError, Notice, SelectField, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../ui/page-title';
import { GuestSettings } from './guest-settings';
import { MemberSettings } from './member-settings';
import { spaceBase } from './space-header';
import { ConfirmDialog, GuestBadge, Refusal, spaceKeys, useSpaceData, useSpacePlace } from './space-ui';
import { strings } from './strings';

type Tab = 'appearance' | 'members' | 'guests';

export function SpaceSettingsPage() {
  const s = useStrings(strings).settings;
  const { spaceId, place } = useSpacePlace();
  const { space, access } = useSpaceData(place, spaceId);
  const [params, setParams] = useSearchParams();
  usePageTitle(s.title);

  if (space.isError) {
    if (space.error instanceof ApiError && space.error.code === 'GAIA_IL23') return <Refusal error={space.error} spaceId={spaceId} kind="settings" />;
    return <Refusal error={space.error} spaceId={spaceId} />;
  }
  if (access.isError) return <Refusal error={access.error} spaceId={spaceId} />;
  if (!space.data || !access.data) return <Loading />;
  if (!access.data.may.manage) return <Refusal spaceId={spaceId} kind="settings" />;
  const sp = space.data;
  const tabs: Tab[] = sp.isGuest ? ['appearance', 'members', 'guests'] : ['appearance', 'members'];
  const wanted = params.get('tab') as Tab | null;
  const tab: Tab = wanted && tabs.includes(wanted) ? wanted : 'appearance';
  const label = { appearance: s.appearance, members: s.members, guests: s.guests };

  return (
    <div className="settings">
      <nav className="breadcrumb">
        <Link to={spaceBase(sp)}>← {sp.name}</Link> {sp.isGuest && <GuestBadge />}
      </nav>
      <h1>{s.title}</h1>
      <div role="tablist" className="tabs" aria-label={s.title}>
        {tabs.map((t) => (
          <button
            key={t}
            id={`tab-${t}`}
            type="button"
            role="tab"
            aria-selected={t === tab}
            aria-controls={`panel-${t}`}
            tabIndex={t === tab ? 0 : -1}
            onClick={() => setParams({ tab: t }, { replace: true })}
            onKeyDown={(e) => {
              const i = tabs.indexOf(tab);
              const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : undefined;
              if (next) {
                e.preventDefault();
                setParams({ tab: next }, { replace: true });
                document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {label[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="panel">
        {tab === 'appearance' && <AppearanceTab key={sp.id} space={sp} place={place} />}
        {tab === 'members' && <MemberSettings space={sp} place={place} />}
        {tab === 'guests' && <GuestSettings space={sp} place={place} />}
      </div>
    </div>
  );
}

function AppearanceTab({ space, place }: { space: SpaceJson; place: Place }) {
  const s = useStrings(strings).settings;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => ({
    name: space.name,
    isPrivate: space.isPrivate,
    useMultiThread: space.useMultiThread,
    fixedMember: space.fixedMember,
    createApp: space.permissions.createApp,
    showAnnouncement: space.showAnnouncement,
    showThreadList: space.showThreadList,
    showAppList: space.showAppList,
    showMemberList: space.showMemberList,
    showRelatedLinkList: space.showRelatedLinkList ?? true,
  }));
  const [saved, setSaved] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: spaceKeys.space(space.id) }), queryClient.invalidateQueries({ queryKey: ['portal'] })]);
  const save = useMutation({
    mutationFn: () =>
      updateSpace(place, {
        id: space.id,
        name: form.name,
        ...(space.isGuest ? {} : { isPrivate: form.isPrivate }),
        useMultiThread: form.useMultiThread,
        fixedMember: form.fixedMember,
        permissions: { createApp: form.createApp },
        showAnnouncement: form.showAnnouncement,
        showThreadList: form.showThreadList,
        showAppList: form.showAppList,
        showMemberList: form.showMemberList,
        ...(form.useMultiThread ? { showRelatedLinkList: form.showRelatedLinkList } : {}),
      }),
    onSuccess: async () => {
      await refresh();
      setSaved(true);
    },
  });
  const cover = useMutation({
    mutationFn: async (choice: { preset: string } | { file: File }) => {
      if ('preset' in choice) return setSpaceCover(place, { id: space.id, coverType: 'PRESET', coverKey: choice.preset as (typeof SPACE_COVER_PRESETS)[number] });
      const fileKey = await uploadFile(place, choice.file);
      return setSpaceCover(place, { id: space.id, coverType: 'BLOB', fileKey });
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => deleteSpace(place, space.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['portal'] });
      navigate('/');
    },
  });
  const errors = formErrors(save.error, ['name'], t);
  const check = (key: 'fixedMember' | 'showAnnouncement' | 'showThreadList' | 'showAppList' | 'showMemberList' | 'showRelatedLinkList', label: string) => (
    <label className="check">
      <input type="checkbox" checked={form[key]} onChange={(e) => set(key, e.target.checked)} />
      {label}
    </label>
  );

  return (
    <>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {saved && <Notice>{s.saved}</Notice>}
        <FormError errors={errors} />
        <Field label={s.name} name="name" value={form.name} required maxLength={128} onChange={(e) => set('name', e.target.value)} error={errors.field('name')} />
        <label className="check">
          <input type="checkbox" checked={space.isGuest || form.isPrivate} disabled={space.isGuest} onChange={(e) => set('isPrivate', e.target.checked)} />
          {space.isGuest ? s.guestPrivate : s.private}
        </label>
        <div>
          <label className="check">
            <input type="checkbox" checked={form.useMultiThread} disabled={space.useMultiThread} onChange={(e) => set('useMultiThread', e.target.checked)} />
            {s.multiThread}
          </label>
          <p className="field-hint">{s.multiThreadNote}</p>
        </div>
        {check('fixedMember', s.fixedMember)}
        <SelectField
          label={s.createApp}
          name="createApp"
          value={form.createApp}
          onChange={(e) => set('createApp', e.target.value as 'EVERYONE' | 'ADMIN')}
          options={[
            { value: 'EVERYONE', label: s.createAppEveryone },
            { value: 'ADMIN', label: s.createAppAdmin },
          ]}
        />
        <fieldset>
          <legend>{s.widgets}</legend>
          {check('showAnnouncement', s.showAnnouncement)}
          {check('showThreadList', s.showThreadList)}
          {check('showAppList', s.showAppList)}
          {check('showMemberList', s.showMemberList)}
          {form.useMultiThread && check('showRelatedLinkList', s.showRelatedLinkList)}
        </fieldset>
        <div className="actions">
          <SubmitButton pending={save.isPending}>{s.save}</SubmitButton>
        </div>
      </form>
      <fieldset className="form" style={{ marginTop: '1.25rem' }}>
        <legend>{s.cover}</legend>
        <div className="covers">
          {SPACE_COVER_PRESETS.map((p) => (
            <label key={p} className="cover-choice">
              <input type="radio" name="cover" checked={space.coverType === 'PRESET' && space.coverKey === p} disabled={cover.isPending} onChange={() => cover.mutate({ preset: p })} />
              <span className={`cover-swatch space-cover--${p.toLowerCase()}`} aria-hidden="true" />
              {p.charAt(0) + p.slice(1).toLowerCase()}
            </label>
          ))}
        </div>
        <div className="field">
          <label htmlFor="cover-upload">{s.coverUpload}</label>
          <input
            id="cover-upload"
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            disabled={cover.isPending}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) cover.mutate({ file });
              e.target.value = '';
            }}
          />
        </div>
        {cover.error && (
          <p className="form-error" role="alert">
            {errorText(cover.error, t)}
          </p>
        )}
      </fieldset>
      <div className="actions" style={{ marginTop: '1.25rem' }}>
        <button type="button" className="button button--danger-outline" onClick={() => setConfirmDelete(true)}>
          {s.deleteSpace}
        </button>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        message={s.deleteConfirm(space.name)}
        action={s.deleteSpace}
        danger
        pending={remove.isPending}
        error={remove.error ? errorText(remove.error, t) : null}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirmDelete(false)}
      />
    </>
  );
}
