// スペースを作成 / ゲストスペースを作成 (/space/new, /space/new?guest=1): name, members (the
// creator first, as space administrator), private, and a template when there are any. Whether the
// person may create a (guest) space at all is the server's answer to the POST.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { createSpace, createSpaceFromTemplate, listTemplates } from '../../api/spaces';
import { useStrings } from '../../i18n/area-strings';
import { formErrors } from '../../ui/errors';
import { Field, FormError, SelectField, SubmitButton } from '../../ui/form';
import { usePageTitle } from '../../ui/page-title';
import { useSession } from '../auth/session';
import { type EditableMember, memberListProblem } from './format';
import { MemberEditor } from './member-editor';
import { spacePage } from './format';
import './spaces.css';
import { strings } from './strings';

export function NewSpacePage() {
  const s = useStrings(strings);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const user = useSession().data?.user;
  const [isGuest, setIsGuest] = useState(params.get('guest') === '1');
  const [name, setName] = useState('');
  const [isPrivate, setIsPrivate] = useState(false);
  const [template, setTemplate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [members, setMembers] = useState<EditableMember[]>(() =>
    user ? [{ type: 'USER', code: user.code, name: user.name, isAdmin: true, includeSubs: false }] : [],
  );
  const title = isGuest ? s.create.guestTitle : s.create.title;
  usePageTitle(title);
  // Templates are offered to those who may create spaces; a refusal simply means none.
  const templates = useQuery({ queryKey: ['space-templates'], queryFn: listTemplates, retry: false });

  const create = useMutation({
    mutationFn: async () => {
      const list = members.map((m) => ({ entity: { type: m.type, code: m.code }, isAdmin: m.isAdmin, ...(m.type === 'ORGANIZATION' ? { includeSubs: m.includeSubs } : {}) }));
      const common = { name, members: list, ...(isGuest ? { isGuest: true } : { isPrivate }) };
      if (template) return (await createSpaceFromTemplate({ id: template, ...common })).id;
      return (await createSpace({ ...common, useMultiThread: true })).id;
    },
    onSuccess: async (id) => {
      await queryClient.invalidateQueries({ queryKey: ['portal'] });
      navigate(spacePage(id, isGuest));
    },
  });
  const errors = formErrors(create.error, ['name'], t);

  if (user?.kind === 'guest') return null;
  return (
    <div className="settings">
      <h1>{title}</h1>
      <form
        className="form panel"
        onSubmit={(e) => {
          e.preventDefault();
          const p = memberListProblem(members);
          setProblem(p ? s.settings[p] : null);
          if (!p) create.mutate();
        }}
      >
        <FormError errors={errors} />
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <Field label={s.settings.name} name="name" value={name} required maxLength={128} autoFocus onChange={(e) => setName(e.target.value)} error={errors.field('name')} />
        {user?.isAdmin && (
          <label className="check">
            <input type="checkbox" checked={isGuest} onChange={(e) => setIsGuest(e.target.checked)} />
            {s.create.guestSpace}
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={isGuest || isPrivate} disabled={isGuest} onChange={(e) => setIsPrivate(e.target.checked)} />
          {isGuest ? s.settings.guestPrivate : s.settings.private}
        </label>
        {templates.data && templates.data.length > 0 && (
          <SelectField
            label={s.create.template}
            name="template"
            value={template}
            onChange={(e) => setTemplate(e.target.value)}
            options={[{ value: '', label: s.create.noTemplate }, ...templates.data.map((tp) => ({ value: tp.id, label: tp.name }))]}
          />
        )}
        <fieldset>
          <legend>{s.settings.members}</legend>
          <MemberEditor members={members} onChange={setMembers} />
        </fieldset>
        <div className="actions">
          <SubmitButton pending={create.isPending}>{s.create.create}</SubmitButton>
          <button type="button" className="button" onClick={() => navigate(-1)}>
            {s.settings.cancel}
          </button>
        </div>
      </form>
    </div>
  );
}
