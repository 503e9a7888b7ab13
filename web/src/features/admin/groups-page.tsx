// グループ（ロール）: every group (GET /v1/groups.json, all pages), one group's settings and its
// members; add, change and delete groups. The chosen group is in the address (?code=).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { GroupJson } from '../../../../common/api/groups.js';
import { createGroup, deleteGroup, groupMembers, listGroups, updateGroup } from '../../api/admin';
import { useStrings } from '../../i18n/area-strings';
import { Field, FormError, Notice, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { TextAreaField } from './admin-fields';
import { ActionError, ConfirmButton, PageHeading, QueryError } from './admin-ui';
import { directoryStrings } from './directory-strings';
import { itemField, keyedErrors } from './field-errors';
import { MemberList } from './member-list';
import { strings } from './strings';

const KEY = ['admin', 'groups'] as const;
const FIELDS = ['code', 'newCode', 'name', 'description'] as const;

export function GroupsPage() {
  const g = useStrings(directoryStrings).groups;
  const [params, setParams] = useSearchParams();
  const selected = params.get('code');
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const groups = useQuery({ queryKey: KEY, queryFn: listGroups });
  const select = (code: string | null) => {
    setAdding(false);
    setParams(code ? { code } : {});
  };

  if (groups.isError) return <QueryError error={groups.error} />;
  if (!groups.data) return <Loading />;
  const current = groups.data.find((x) => x.code === selected) ?? null;
  return (
    <div className="admin-page">
      <PageHeading title={g.title}>
        <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
          {g.add}
        </button>
      </PageHeading>
      {notice && <Notice>{notice}</Notice>}
      <div className="split">
        <nav className="panel split__list" aria-label={g.list}>
          {groups.data.length === 0 ? (
            <p className="empty">{g.empty}</p>
          ) : (
            <ul className="tree">
              {groups.data.map((x) => (
                <li key={x.id}>
                  <button type="button" className={x.code === selected ? 'tree__item tree__item--selected' : 'tree__item'} aria-current={x.code === selected ? 'true' : undefined} onClick={() => select(x.code)}>
                    {x.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <div className="split__detail">
          {adding ? (
            <NewGroup
              onCancel={() => setAdding(false)}
              onCreated={(code, message) => {
                setNotice(message);
                select(code);
              }}
            />
          ) : current ? (
            <GroupDetail
              key={`${current.code}-${current.mtime}`}
              group={current}
              onSaved={(code, message) => {
                setNotice(message);
                if (code !== current.code) select(code);
              }}
              onDeleted={(message) => {
                setNotice(message);
                select(null);
              }}
            />
          ) : (
            <p className="panel muted">{g.choose}</p>
          )}
        </div>
      </div>
    </div>
  );
}

function GroupFields({ group, errors }: { group?: GroupJson; errors: ReturnType<typeof keyedErrors> }) {
  const g = useStrings(directoryStrings).groups;
  const codeName = group ? 'newCode' : 'code';
  return (
    <>
      <Field label={g.code} name={codeName} defaultValue={group?.code} autoCapitalize="none" spellCheck={false} autoComplete="off" required error={errors.field(codeName)} />
      <Field label={g.name} name="name" defaultValue={group?.name} autoComplete="off" required error={errors.field('name')} />
      <TextAreaField label={g.description} name="description" defaultValue={group?.description} rows={2} error={errors.field('description')} />
    </>
  );
}

function read(form: HTMLFormElement) {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  return { code: value('code'), newCode: value('newCode'), name: value('name'), description: String(data.get('description') ?? '') };
}

function NewGroup({ onCancel, onCreated }: { onCancel(): void; onCreated(code: string, message: string): void }) {
  const { t } = useTranslation();
  const s = useStrings(strings);
  const g = useStrings(directoryStrings).groups;
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createGroup,
    onSuccess: async (_a, input) => {
      await queryClient.invalidateQueries({ queryKey: KEY });
      onCreated(input.code, s.saved);
    },
  });
  const errors = keyedErrors(create.error, t, itemField('groups[0].', FIELDS));

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const { newCode: _n, ...input } = read(e.currentTarget);
    create.mutate(input);
  }

  return (
    <section className="panel" aria-labelledby="group-new">
      <h2 id="group-new">{g.add}</h2>
      <form className="form admin-form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <GroupFields errors={errors} />
        <div className="form-actions">
          <SubmitButton pending={create.isPending}>{s.add}</SubmitButton>
          <button type="button" className="button" onClick={onCancel}>
            {s.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

function GroupDetail({ group, onSaved, onDeleted }: { group: GroupJson; onSaved(code: string, message: string): void; onDeleted(message: string): void }) {
  const { t } = useTranslation();
  const s = useStrings(strings);
  const g = useStrings(directoryStrings).groups;
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: updateGroup,
    onSuccess: async (_a, change) => {
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      onSaved(change.newCode ?? group.code, s.saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteGroup(group.code),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      onDeleted(s.deleted);
    },
  });
  const members = useQuery({ queryKey: ['admin', 'group-members', group.code], queryFn: () => groupMembers(group.code) });
  const errors = keyedErrors(save.error, t, itemField('groups[0].', FIELDS));

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const { code: _c, newCode, ...rest } = read(e.currentTarget);
    save.mutate({ code: group.code, ...(newCode !== group.code ? { newCode } : {}), ...rest });
  }

  return (
    <>
      <section className="panel" aria-labelledby="group-edit">
        <h2 id="group-edit">{group.name}</h2>
        <form className="form admin-form" onSubmit={onSubmit} noValidate>
          <FormError errors={errors} />
          <GroupFields group={group} errors={errors} />
          <div className="form-actions">
            <SubmitButton pending={save.isPending}>{s.save}</SubmitButton>
          </div>
        </form>
        <ActionError error={remove.error} />
        <div className="button-row button-row--end">
          <ConfirmButton label={s.delete} message={g.deleteConfirm(group.name)} confirmLabel={s.delete} pending={remove.isPending} onConfirm={() => remove.mutate()} />
        </div>
      </section>
      <section className="panel" aria-labelledby="group-members">
        <h2 id="group-members">{g.members}</h2>
        <MemberList query={members} empty={g.noMembers} hint={g.membersHint} />
      </section>
    </>
  );
}
