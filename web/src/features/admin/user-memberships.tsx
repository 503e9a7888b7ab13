// A user's departments (with the priority department) and groups, as checklists of everything
// the domain has. Saving replaces the user's list (PUT /v1/userOrganizations.json,
// /v1/userGroups.json), as the cybozu User API does.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupJson } from '../../../../common/api/groups.js';
import type { OrganizationTitleJson } from '../../../../common/api/memberships.js';
import type { OrganizationJson } from '../../../../common/api/organizations.js';
import { listGroups, listOrganizations, replaceUserGroups, replaceUserOrganizations, userGroups, userOrganizations } from '../../api/admin';
import { useStrings } from '../../i18n/area-strings';
import { FormError, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { QueryError } from './admin-ui';
import { departmentTree, flatten } from './department-tree';
import { directoryStrings } from './directory-strings';
import { keyedErrors } from './field-errors';
import { strings } from './strings';

export function UserMemberships({ code, onSaved }: { code: string; onSaved(message: string): void }) {
  const orgs = useQuery({ queryKey: ['admin', 'organizations'], queryFn: listOrganizations });
  const groups = useQuery({ queryKey: ['admin', 'groups'], queryFn: listGroups });
  const mine = useQuery({ queryKey: ['admin', 'user', code, 'organizations'], queryFn: () => userOrganizations(code) });
  const myGroups = useQuery({ queryKey: ['admin', 'user', code, 'groups'], queryFn: () => userGroups(code) });
  const error = orgs.error ?? groups.error ?? mine.error ?? myGroups.error;
  if (error) return <QueryError error={error} />;
  if (!orgs.data || !groups.data || !mine.data || !myGroups.data) return <Loading />;
  return (
    <>
      <DepartmentsForm key={`o-${mine.dataUpdatedAt}`} code={code} all={orgs.data} mine={mine.data} onSaved={onSaved} />
      <GroupsForm key={`g-${myGroups.dataUpdatedAt}`} code={code} all={groups.data} mine={myGroups.data} onSaved={onSaved} />
    </>
  );
}

function DepartmentsForm({ code, all, mine, onSaved }: { code: string; all: OrganizationJson[]; mine: OrganizationTitleJson[]; onSaved(m: string): void }) {
  const { t } = useTranslation();
  const s = useStrings(strings);
  const d = useStrings(directoryStrings).user;
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState(() => new Set(mine.map((m) => m.organization.code)));
  const [primary, setPrimary] = useState(() => mine.find((m) => m.primary)?.organization.code ?? '');
  const save = useMutation({
    mutationFn: () => {
      const list = all.map((o) => o.code).filter((c) => checked.has(c));
      return replaceUserOrganizations(code, list, list.includes(primary) ? primary : (list[0] ?? null));
    },
    onSuccess: () => {
      onSaved(s.saved);
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
  const errors = keyedErrors(save.error, t, () => null);
  const nodes = flatten(departmentTree(all));
  const chosen = nodes.filter((n) => checked.has(n.department.code));

  function toggle(c: string, on: boolean): void {
    setChecked((prev) => {
      const next = new Set(prev);
      if (on) next.add(c);
      else next.delete(c);
      return next;
    });
  }

  function onSubmit(e: FormEvent): void {
    e.preventDefault();
    save.mutate();
  }

  return (
    <section className="panel" aria-labelledby="user-departments">
      <h2 id="user-departments">{d.departments}</h2>
      {nodes.length === 0 ? (
        <p className="empty">{d.noDepartments}</p>
      ) : (
        <form className="form admin-form" onSubmit={onSubmit}>
          <FormError errors={errors} />
          <fieldset className="checklist">
            <legend className="visually-hidden">{d.departments}</legend>
            {nodes.map((n) => (
              <label key={n.department.id} className="checklist__item" style={{ paddingInlineStart: `${n.depth * 1.25}rem` }}>
                <input type="checkbox" checked={checked.has(n.department.code)} onChange={(e) => toggle(n.department.code, e.target.checked)} />
                {n.department.name}
              </label>
            ))}
          </fieldset>
          {chosen.length > 0 && (
            <div className="field">
              <label htmlFor="user-primary">{d.primary}</label>
              <select id="user-primary" value={checked.has(primary) ? primary : chosen[0]!.department.code} onChange={(e) => setPrimary(e.target.value)}>
                {chosen.map((n) => (
                  <option key={n.department.id} value={n.department.code}>
                    {n.department.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="form-actions">
            <SubmitButton pending={save.isPending}>{s.save}</SubmitButton>
          </div>
        </form>
      )}
    </section>
  );
}

function GroupsForm({ code, all, mine, onSaved }: { code: string; all: GroupJson[]; mine: GroupJson[]; onSaved(m: string): void }) {
  const { t } = useTranslation();
  const s = useStrings(strings);
  const d = useStrings(directoryStrings).user;
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState(() => new Set(mine.map((g) => g.code)));
  const save = useMutation({
    mutationFn: () => replaceUserGroups(code, all.map((g) => g.code).filter((c) => checked.has(c))),
    onSuccess: () => {
      onSaved(s.saved);
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
  const errors = keyedErrors(save.error, t, () => null);

  return (
    <section className="panel" aria-labelledby="user-groups">
      <h2 id="user-groups">{d.groups}</h2>
      {all.length === 0 ? (
        <p className="empty">{d.noGroups}</p>
      ) : (
        <form
          className="form admin-form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <FormError errors={errors} />
          <fieldset className="checklist">
            <legend className="visually-hidden">{d.groups}</legend>
            {all.map((g) => (
              <label key={g.id} className="checklist__item">
                <input
                  type="checkbox"
                  checked={checked.has(g.code)}
                  onChange={(e) =>
                    setChecked((prev) => {
                      const next = new Set(prev);
                      if (e.target.checked) next.add(g.code);
                      else next.delete(g.code);
                      return next;
                    })
                  }
                />
                {g.name}
              </label>
            ))}
          </fieldset>
          <div className="form-actions">
            <SubmitButton pending={save.isPending}>{s.save}</SubmitButton>
          </div>
        </form>
      )}
    </section>
  );
}
