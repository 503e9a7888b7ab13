// 組織: the department tree (GET /v1/organizations.json, all pages), one department's settings
// and the users in it; add, change (also its place in the tree) and delete departments. The
// chosen department is in the address (?code=), so a reload or a shared link keeps it.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { OrganizationJson } from '../../../../common/api/organizations.js';
import { createOrganization, deleteOrganization, listOrganizations, organizationMembers, updateOrganization } from '../../api/admin';
import { useStrings } from '../../i18n/area-strings';
import { Field, SelectField } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { TextAreaField } from './admin-fields';
import { QueryError } from './admin-ui';
import { type DepartmentNode, departmentTree, descendantCodes, flatten } from './department-tree';
import { EntriesLayout, EntryButton, EntryDetail, type EntryErrors, type EntryKind, NewEntry, trimmed, useEntryChoice } from './directory-entries';
import { directoryStrings } from './directory-strings';
import { MemberList } from './member-list';

const KEY = ['admin', 'organizations'] as const;

const DEPARTMENT: EntryKind<{ name: string; parentCode: string | null; description: string; sortOrder: string | null }> = {
  id: 'department',
  queryKey: KEY,
  errorPrefix: 'organizations[0].',
  fields: ['code', 'newCode', 'name', 'parentCode', 'description', 'sortOrder'],
  read: (data) => {
    const sortOrder = trimmed(data, 'sortOrder');
    return {
      name: trimmed(data, 'name'),
      parentCode: trimmed(data, 'parentCode') || null,
      description: String(data.get('description') ?? ''),
      sortOrder: sortOrder === '' ? null : sortOrder,
    };
  },
};

export function DepartmentsPage() {
  const d = useStrings(directoryStrings).departments;
  const choice = useEntryChoice<{ parent: string }>();
  const orgs = useQuery({ queryKey: KEY, queryFn: listOrganizations });

  if (orgs.isError) return <QueryError error={orgs.error} />;
  if (!orgs.data) return <Loading />;
  const tree = departmentTree(orgs.data);
  const current = orgs.data.find((o) => o.code === choice.selected) ?? null;
  const adding = choice.adding;
  return (
    <EntriesLayout
      title={d.title}
      addLabel={d.add}
      onAdd={() => choice.add({ parent: '' })}
      notice={choice.notice}
      listLabel={d.tree}
      list={tree.length === 0 ? null : <Tree nodes={tree} selected={choice.selected} onSelect={choice.select} />}
      empty={d.empty}
      choose={d.choose}
      panel={
        adding ? (
          <NewEntry
            kind={DEPARTMENT}
            title={d.add}
            create={createOrganization}
            fields={(errors) => <DepartmentFields all={orgs.data} parent={adding.parent} exclude={new Set()} errors={errors} />}
            onCancel={choice.cancel}
            onCreated={choice.onCreated}
          />
        ) : current ? (
          <DepartmentDetail
            key={`${current.code}-${current.mtime}`}
            department={current}
            all={orgs.data}
            onAddChild={() => choice.add({ parent: current.code })}
            onSaved={choice.onSaved(current.code)}
            onDeleted={choice.onDeleted}
          />
        ) : null
      }
    />
  );
}

function Tree({ nodes, selected, onSelect }: { nodes: DepartmentNode[]; selected: string | null; onSelect(code: string): void }) {
  return (
    <ul className="tree">
      {nodes.map((n) => (
        <li key={n.department.id}>
          <EntryButton selected={n.department.code === selected} onSelect={() => onSelect(n.department.code)}>
            {n.department.name}
          </EntryButton>
          {n.children.length > 0 && <Tree nodes={n.children} selected={selected} onSelect={onSelect} />}
        </li>
      ))}
    </ul>
  );
}

function parentOptions(all: OrganizationJson[], exclude: Set<string>, topLevel: string) {
  const nodes = flatten(departmentTree(all)).filter((n) => !exclude.has(n.department.code));
  return [{ value: '', label: topLevel }, ...nodes.map((n) => ({ value: n.department.code, label: `${'　'.repeat(n.depth)}${n.department.name}` }))];
}

function DepartmentFields({ all, department, parent, exclude, errors }: { all: OrganizationJson[]; department?: OrganizationJson; parent: string; exclude: Set<string>; errors: EntryErrors }) {
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

interface DetailProps {
  department: OrganizationJson;
  all: OrganizationJson[];
  onAddChild(): void;
  onSaved(code: string, message: string): void;
  onDeleted(message: string): void;
}

function DepartmentDetail({ department, all, onAddChild, onSaved, onDeleted }: DetailProps) {
  const d = useStrings(directoryStrings).departments;
  const [includeSubs, setIncludeSubs] = useState(false);
  const members = useQuery({ queryKey: ['admin', 'organization-members', department.code, includeSubs], queryFn: () => organizationMembers(department.code, includeSubs) });
  const exclude = descendantCodes(departmentTree(all), department.code);

  return (
    <EntryDetail
      kind={DEPARTMENT}
      entry={department}
      update={updateOrganization}
      remove={deleteOrganization}
      deleteConfirm={d.deleteConfirm(department.name)}
      fields={(errors) => <DepartmentFields all={all} department={department} parent={department.parentCode ?? ''} exclude={exclude} errors={errors} />}
      actions={
        <button type="button" className="button" onClick={onAddChild}>
          {d.addChild}
        </button>
      }
      onSaved={onSaved}
      onDeleted={onDeleted}
    >
      <section className="panel" aria-labelledby="department-members">
        <h2 id="department-members">{d.members}</h2>
        <label className="check">
          <input type="checkbox" checked={includeSubs} onChange={(e) => setIncludeSubs(e.target.checked)} />
          {d.includeSubs}
        </label>
        <MemberList query={members} empty={d.noMembers} hint={d.membersHint} />
      </section>
    </EntryDetail>
  );
}
