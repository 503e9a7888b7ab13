// グループ（ロール）: every group (GET /v1/groups.json, all pages), one group's settings and its
// members; add, change and delete groups. The chosen group is in the address (?code=).
import { useQuery } from '@tanstack/react-query';
import type { GroupJson } from '../../../../common/api/groups.js';
import { createGroup, deleteGroup, groupMembers, listGroups, updateGroup } from '../../api/admin';
import { useStrings } from '../../i18n/area-strings';
import { Field } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { TextAreaField } from './admin-fields';
import { QueryError } from './admin-ui';
import { EntriesLayout, EntryButton, EntryDetail, type EntryErrors, type EntryKind, NewEntry, trimmed, useEntryChoice } from './directory-entries';
import { directoryStrings } from './directory-strings';
import { MemberList } from './member-list';

const KEY = ['admin', 'groups'] as const;

const GROUP: EntryKind<{ name: string; description: string }> = {
  id: 'group',
  queryKey: KEY,
  errorPrefix: 'groups[0].',
  fields: ['code', 'newCode', 'name', 'description'],
  read: (data) => ({ name: trimmed(data, 'name'), description: String(data.get('description') ?? '') }),
};

export function GroupsPage() {
  const g = useStrings(directoryStrings).groups;
  const choice = useEntryChoice<true>();
  const groups = useQuery({ queryKey: KEY, queryFn: listGroups });

  if (groups.isError) return <QueryError error={groups.error} />;
  if (!groups.data) return <Loading />;
  const current = groups.data.find((x) => x.code === choice.selected) ?? null;
  return (
    <EntriesLayout
      title={g.title}
      addLabel={g.add}
      onAdd={() => choice.add(true)}
      notice={choice.notice}
      listLabel={g.list}
      list={
        groups.data.length === 0 ? null : (
          <ul className="tree">
            {groups.data.map((x) => (
              <li key={x.id}>
                <EntryButton selected={x.code === choice.selected} onSelect={() => choice.select(x.code)}>
                  {x.name}
                </EntryButton>
              </li>
            ))}
          </ul>
        )
      }
      empty={g.empty}
      choose={g.choose}
      panel={
        choice.adding ? (
          <NewEntry kind={GROUP} title={g.add} create={createGroup} fields={(errors) => <GroupFields errors={errors} />} onCancel={choice.cancel} onCreated={choice.onCreated} />
        ) : current ? (
          <GroupDetail key={`${current.code}-${current.mtime}`} group={current} onSaved={choice.onSaved(current.code)} onDeleted={choice.onDeleted} />
        ) : null
      }
    />
  );
}

function GroupFields({ group, errors }: { group?: GroupJson; errors: EntryErrors }) {
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

function GroupDetail({ group, onSaved, onDeleted }: { group: GroupJson; onSaved(code: string, message: string): void; onDeleted(message: string): void }) {
  const g = useStrings(directoryStrings).groups;
  const members = useQuery({ queryKey: ['admin', 'group-members', group.code], queryFn: () => groupMembers(group.code) });
  return (
    <EntryDetail
      kind={GROUP}
      entry={group}
      update={updateGroup}
      remove={deleteGroup}
      deleteConfirm={g.deleteConfirm(group.name)}
      fields={(errors) => <GroupFields group={group} errors={errors} />}
      onSaved={onSaved}
      onDeleted={onDeleted}
    >
      <section className="panel" aria-labelledby="group-members">
        <h2 id="group-members">{g.members}</h2>
        <MemberList query={members} empty={g.noMembers} hint={g.membersHint} />
      </section>
    </EntryDetail>
  );
}
