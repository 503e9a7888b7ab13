// 参加メンバー as an editable list: users, groups and departments found by name through the
// server's candidates, each with the space-administrator flag (and, for departments, "include
// sub-departments"). At least one member and one administrator: said before saving, and the
// server checks it again.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { memberCandidates } from '../../api/spaces';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { SelectField } from '../../ui/form';
import { type EditableMember, addMember } from './format';
import { strings } from './strings';

type Kind = EditableMember['type'];

export function MemberEditor({ members, onChange }: { members: EditableMember[]; onChange(next: EditableMember[]): void }) {
  const s = useStrings(strings);
  const kindName = { USER: s.settings.user, GROUP: s.settings.group, ORGANIZATION: s.settings.department };
  const update = (i: number, change: Partial<EditableMember>) => onChange(members.map((m, j) => (j === i ? { ...m, ...change } : m)));
  return (
    <div className="picker">
      <ul className="list" aria-label={s.settings.members}>
        {members.map((m, i) => (
          <li key={`${m.type}:${m.code}`} className="member-row">
            <span className="member-row__name">
              {m.name} {m.type !== 'USER' && <span className="badge">{kindName[m.type]}</span>}
            </span>
            <label className="check">
              <input type="checkbox" checked={m.isAdmin} onChange={(e) => update(i, { isAdmin: e.target.checked })} aria-label={`${m.name}: ${s.settings.isAdmin}`} />
              {s.settings.isAdmin}
            </label>
            {m.type === 'ORGANIZATION' && (
              <label className="check">
                <input type="checkbox" checked={m.includeSubs} onChange={(e) => update(i, { includeSubs: e.target.checked })} aria-label={`${m.name}: ${s.settings.includeSubs}`} />
                {s.settings.includeSubs}
              </label>
            )}
            <button type="button" className="link-button link-button--danger" aria-label={s.settings.remove(m.name)} onClick={() => onChange(members.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <CandidatePicker onPick={(c) => onChange(addMember(members, c))} />
    </div>
  );
}

function CandidatePicker({ onPick }: { onPick(c: { type: Kind; code: string; name: string }): void }) {
  const s = useStrings(strings).settings;
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<Kind>('USER');
  const [text, setText] = useState('');
  const [keyword, setKeyword] = useState<string | null>(null);
  const found = useQuery({
    queryKey: ['space-candidates', kind, keyword],
    queryFn: ({ signal }) => memberCandidates(kind, keyword ?? '', signal),
    enabled: keyword !== null,
  });
  return (
    <div className="picker">
      <div className="picker__row">
        <SelectField
          label={s.memberKind}
          name="kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            setKeyword(null);
          }}
          options={[
            { value: 'USER', label: s.user },
            { value: 'GROUP', label: s.group },
            { value: 'ORGANIZATION', label: s.department },
          ]}
        />
        <div className="field">
          <label htmlFor={id}>{s.find}</label>
          <input
            id={id}
            type="search"
            value={text}
            placeholder={s.findPlaceholder}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                setKeyword(text.trim());
              }
            }}
          />
        </div>
        <button type="button" className="button" onClick={() => setKeyword(text.trim())}>
          {s.find}
        </button>
      </div>
      {keyword !== null &&
        (found.isError ? (
          <p className="form-error">{errorText(found.error, t)}</p>
        ) : !found.data ? null : found.data.length === 0 ? (
          <p className="empty">{s.noCandidates}</p>
        ) : (
          <ul className="list" aria-label={s.find}>
            {found.data.map((c) => (
              <li key={c.code} className="list__row">
                <span>
                  {c.name} <span className="muted">{c.code}</span>
                </span>
                <button type="button" className="button button--small" aria-label={`${s.add}: ${c.name}`} onClick={() => onPick(c)}>
                  {s.add}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
