// 参加メンバー (the members tab of a space's settings): the space's members as they are set — users,
// departments (with their sub-departments or not) and groups, each a member or an administrator —
// changed together and saved at once; a list without an administrator is refused before saving.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../api/place';
import { type SpaceJson, setSpaceMembers } from '../../api/spaces';
import { useStrings } from '../../i18n/area-strings';
import { ErrorLine } from '../../ui/error-line';
import { formErrors } from '../../ui/errors';
import { FormError, Notice, SubmitButton } from '../../ui/form';
import { Loading } from '../../ui/loading';
import { type EditableMember, memberListProblem } from './format';
import { MemberEditor } from './member-editor';
import { spaceKeys, useSpacePeople } from './space-ui';
import { strings } from './strings';

export function MemberSettings({ space, place }: { space: SpaceJson; place: Place }) {
  const people = useSpacePeople(space.id);
  if (people.isError) return <ErrorLine error={people.error} />;
  if (!people.data) return <Loading />;
  const initial: EditableMember[] = people.data.members
    .filter((m) => !m.isImplicit)
    .map((m) => ({ type: m.type, code: m.code, name: m.name, isAdmin: m.isAdmin, includeSubs: m.includeSubs ?? false }));
  return <MembersForm space={space} place={place} initial={initial} />;
}

function MembersForm({ space, place, initial }: { space: SpaceJson; place: Place; initial: EditableMember[] }) {
  const s = useStrings(strings).settings;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [members, setMembers] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      setSpaceMembers(
        place,
        space.id,
        members.map((m) => ({ entity: { type: m.type, code: m.code }, isAdmin: m.isAdmin, ...(m.type === 'ORGANIZATION' ? { includeSubs: m.includeSubs } : {}) })),
      ),
    onSuccess: async () => {
      setSaved(true);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: spaceKeys.people(space.id) }),
        queryClient.invalidateQueries({ queryKey: spaceKeys.access(space.id) }),
        queryClient.invalidateQueries({ queryKey: spaceKeys.space(space.id) }),
      ]);
    },
  });
  const errors = formErrors(save.error, [], t);
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        const p = memberListProblem(members);
        setProblem(p ? s[p] : null);
        if (!p) save.mutate();
      }}
    >
      {saved && <Notice>{s.saved}</Notice>}
      <FormError errors={errors} />
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <MemberEditor
        members={members}
        onChange={(next) => {
          setSaved(false);
          setMembers(next);
        }}
      />
      <div className="actions">
        <SubmitButton pending={save.isPending}>{s.save}</SubmitButton>
      </div>
    </form>
  );
}
