// 組織: the department tree (GET /v1/organizations.json, all pages), one department's settings
// and the users in it; add, change (also its place in the tree) and delete departments. The
// chosen department is in the address (?code=), so a reload or a shared link keeps it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { OrganizationJson } from '../../../../common/api/organizations.js';
import { createOrganization, deleteOrganization, listOrganizations, organizationMembers, updateOrganization } from '../../api/admin';
import { useStrings } from '../../i18n/area-strings';
import { Field, FormError, Notice, SelectField, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { TextAreaField } from './admin-fields';
import { ActionError, ConfirmButton, PageHeading, QueryError } from './admin-ui';
import { type DepartmentNode, departmentTree, descendantCodes, flatten } from './department-tree';
import { directoryStrings } from './directory-strings';
import { itemField, keyedErrors } from './field-errors';
import { MemberList } from './member-list';
import { strings } from './strings';

const KEY = ['admin', 'organizations'] as const;

export function DepartmentsPage() {
  const d = useStrings(directoryStrings).departments;
  const [params, setParams] = useSearchParams();
  const selected = params.get('code');
  const [adding, setAdding] = useState<{ parent: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const orgs = useQuery({ queryKey: KEY, queryFn: listOrganizations });
  const select = (code: string | null) => {
    setAdding(null);
    setParams(code ? { code } : {});
  };

  if (orgs.isError) return <QueryError error={orgs.error} />;
  if (!orgs.data) return <Loading />;
  const tree = departmentTree(orgs.data);
  const current = orgs.data.find((o) => o.code === selected) ?? null;
  return (
    <div className="admin-page">
      <PageHeading title={d.title}>
        <button type="button" className="button button--primary" onClick={() => setAdding({ parent: '' })}>
          {d.add}
        </button>
      </PageHeading>
      {notice && <Notice>{notice}</Notice>}
      <div className="split">
        <nav className="panel split__list" aria-label={d.tree}>
          {tree.length === 0 ? <p className="empty">{d.empty}</p> : <Tree nodes={tree} selected={selected} onSelect={select} />}
        </nav>
        <div className="split__detail">
          {adding ? (
            <NewDepartment
              all={orgs.data}
              parent={adding.parent}
              onCancel={() => setAdding(null)}
              onCreated={(code, message) => {
                setNotice(message);
                select(code);
              }}
            />
          ) : current ? (
            <DepartmentDetail
              key={`${current.code}-${current.mtime}`}
              department={current}
              all={orgs.data}
              onAddChild={() => setAdding({ parent: current.code })}
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
            <p className="panel muted">{d.choose}</p>
          )}
        </div>
      </div>
    </div>
  );
}

function Tree({ nodes, selected, onSelect }: { nodes: DepartmentNode[]; selected: string | null; onSelect(code: string): void }) {
  return (
    <ul className="tree">
      {nodes.map((n) => (
        <li key={n.department.id}>
          <button type="button" className={n.department.code === selected ? 'tree__item tree__item--selected' : 'tree__item'} aria-current={n.department.code === selected ? 'true' : undefined} onClick={() => onSelect(n.department.code)}>
            {n.department.name}
          </button>
          {n.children.length > 0 && <Tree nodes={n.children} selected={selected} onSelect={onSelect} />}
        </li>
      ))}
    </ul>
  );
}

const FIELDS = ['code', 'newCode', 'name', 'parentCode', 'description', 'sortOrder'] as const;

function parentOptions(all: OrganizationJson[], exclude: Set<string>, topLevel: string) {
  const nodes = flatten(departmentTree(all)).filter((n) => !exclude.has(n.department.code));
  return [{ value: '', label: topLevel }, ...nodes.map((n) => ({ value: n.department.code, label: `${'　'.repeat(n.depth)}${n.department.name}` }))];
}

function DepartmentFields({ all, department, parent, exclude, errors }: { all: OrganizationJson[]; department?: OrganizationJson; parent: string; exclude: Set<string>; errors: ReturnType<typeof keyedErrors> }) {
  const d = useStrings(directoryStrings).departments;
  const codeName = department ? 'newCode' : 'code';
  return (
    <>
      <Field label={d.code} name={codeName} defaultValue={department?.code} autoCapitalize="none" spellCheck={false} autoComplete="off" required error={errors.field(codeName)} />
      <Field label={d.name} name="name" defaultValue={department?.name} autoComplete="off" required error={errors.field('name')} />
      <SelectField label={d.parent} name="parentCode" defaultValue={parent} options={parentOptions(all, exclude, d.topLevel)} error={errors.field('parentCode')} />
      <TextAreaField label={d.description} name="description" defaultValue={department?.description} rows={2} error={errors.field('description')} />
      <Field label={d.sortOrder} name="sortOrder" inputMode="numeric" defaultValue={department?.sortOrder ?? ''} error={errors.field('sortOrder')} />
    </>
  );
}

function read(form: HTMLFormElement) {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const sortOrder = value('sortOrder');
  return {
    code: value('code'),
    newCode: value('newCode'),
    name: value('name'),
    parentCode: value('parentCode') || null,
    description: String(data.get('description') ?? ''),
    sortOrder: sortOrder === '' ? null : sortOrder,
  };
}

function NewDepartment({ all, parent, onCancel, onCreated }: { all: OrganizationJson[]; parent: string; onCancel(): void; onCreated(code: string, message: string): void }) {
  const { t } = useTranslation();
  const s = useStrings(strings);
  const d = useStrings(directoryStrings).departments;
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createOrganization,
    onSuccess: async (_a, input) => {
      await queryClient.invalidateQueries({ queryKey: KEY });
      onCreated(input.code, s.saved);
    },
  });
  const errors = keyedErrors(create.error, t, itemField('organizations[0].', FIELDS));

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const { newCode: _n, ...input } = read(e.currentTarget);
    create.mutate(input);
  }

  return (
    <section className="panel" aria-labelledby="department-new">
      <h2 id="department-new">{d.add}</h2>
      <form className="form admin-form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <DepartmentFields all={all} parent={parent} exclude={new Set()} errors={errors} />
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

interface DetailProps {
  department: OrganizationJson;
  all: OrganizationJson[];
  onAddChild(): void;
  onSaved(code: string, message: string): void;
  onDeleted(message: string): void;
}

function DepartmentDetail({ department, all, onAddChild, onSaved, onDeleted }: DetailProps) {
  const { t } = useTranslation();
  const s = useStrings(strings);
  const d = useStrings(directoryStrings).departments;
  const queryClient = useQueryClient();
  const [includeSubs, setIncludeSubs] = useState(false);
  const save = useMutation({
    mutationFn: updateOrganization,
    onSuccess: async (_a, change) => {
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      onSaved(change.newCode ?? department.code, s.saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteOrganization(department.code),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      onDeleted(s.deleted);
    },
  });
  const members = useQuery({ queryKey: ['admin', 'organization-members', department.code, includeSubs], queryFn: () => organizationMembers(department.code, includeSubs) });
  const errors = keyedErrors(save.error, t, itemField('organizations[0].', FIELDS));
  const exclude = descendantCodes(departmentTree(all), department.code);

  function onSubmit(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const { code: _c, newCode, ...rest } = read(e.currentTarget);
    save.mutate({ code: department.code, ...(newCode !== department.code ? { newCode } : {}), ...rest });
  }

  return (
    <>
      <section className="panel" aria-labelledby="department-edit">
        <h2 id="department-edit">{department.name}</h2>
        <form className="form admin-form" onSubmit={onSubmit} noValidate>
          <FormError errors={errors} />
          <DepartmentFields all={all} department={department} parent={department.parentCode ?? ''} exclude={exclude} errors={errors} />
          <div className="form-actions">
            <SubmitButton pending={save.isPending}>{s.save}</SubmitButton>
            <button type="button" className="button" onClick={onAddChild}>
              {d.addChild}
            </button>
          </div>
        </form>
        <ActionError error={remove.error} />
        <div className="button-row button-row--end">
          <ConfirmButton label={s.delete} message={d.deleteConfirm(department.name)} confirmLabel={s.delete} pending={remove.isPending} onConfirm={() => remove.mutate()} />
        </div>
      </section>
      <section className="panel" aria-labelledby="department-members">
        <h2 id="department-members">{d.members}</h2>
        <label className="check">
          <input type="checkbox" checked={includeSubs} onChange={(e) => setIncludeSubs(e.target.checked)} />
          {d.includeSubs}
        </label>
        <MemberList query={members} empty={d.noMembers} hint={d.membersHint} />
      </section>
    </>
  );
}
