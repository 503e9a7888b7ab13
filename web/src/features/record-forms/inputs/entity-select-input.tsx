// ユーザー選択 / User Selection, 組織選択 / Department Selection, グループ選択 / Group Selection:
// chips of the chosen ones and a search box whose list comes from the server's people picker
// (inside a guest space only that space's people: the server decides, GET /v1/app/entity-picker.json).
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useDeferredValue, useId, useState } from 'react';
import type { EntityPickerKind } from '../../../../../common/api/entity-picker.js';
import { pickEntities } from '../../../api/record-forms';
import type { EntityValue } from '../model/values';
import type { InputProps } from './types';

const KIND: Record<string, EntityPickerKind> = { USER_SELECT: 'USER', ORGANIZATION_SELECT: 'ORGANIZATION', GROUP_SELECT: 'GROUP' };

export function EntitySelectInput(props: InputProps<EntityValue[]>) {
  const { s } = props.env;
  const kind = KIND[props.property.type] ?? 'USER';
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const keyword = useDeferredValue(text.trim());
  const listId = useId();
  const label = props.ariaLabel ?? String(props.property.label ?? props.property.code);
  const found = useQuery({
    queryKey: ['record-forms', 'picker', props.env.appId, kind, keyword],
    queryFn: ({ signal }) => pickEntities(props.env.appId, kind, keyword, signal),
    enabled: open && !props.readOnly,
    staleTime: 30_000,
  });
  const chosen = new Set(props.value.map((e) => e.code));
  const options = (found.data ?? []).filter((e) => !chosen.has(e.code));

  const pick = (e: EntityValue) => {
    props.onChange([...props.value, { code: e.code, name: e.name }]);
    setText('');
    setActive(0);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const option = options[active];
      if (open && option) pick(option);
      else setOpen(true);
    } else if (e.key === 'Escape') setOpen(false);
  };

  return (
    <div className="rf-entities" role={props.ariaLabel ? 'group' : undefined} aria-label={props.ariaLabel}>
      {props.value.length > 0 && (
        <ul className="rf-chips">
          {props.value.map((e) => (
            <li key={e.code} className="rf-chip">
              <span>{e.name}</span>
              {!props.readOnly && (
                <button type="button" className="rf-chip__remove" aria-label={s.remove(e.name)} onClick={() => props.onChange(props.value.filter((x) => x.code !== e.code))}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!props.readOnly && (
        <div className="rf-combo">
          <input
            id={props.id}
            type="search"
            className="rf-input"
            role="combobox"
            autoComplete="off"
            aria-label={s.searchPeople(label)}
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
            aria-invalid={props.invalid || undefined}
            aria-describedby={props.describedBy}
            placeholder={s.pickerKinds[kind]}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(0);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKey}
          />
          {open && (
            <ul id={listId} role="listbox" className="rf-combo__list" aria-label={s.searchPeople(label)}>
              {found.isPending && <li className="rf-combo__note">…</li>}
              {found.isSuccess && options.length === 0 && <li className="rf-combo__note">{s.noMatches}</li>}
              {options.map((e, i) => (
                <li
                  key={e.code}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'rf-combo__option rf-combo__option--active' : 'rf-combo__option'}
                  // mousedown, not click: the box keeps its focus and the list stays until the pick.
                  onMouseDown={(ev) => {
                    ev.preventDefault();
                    pick(e);
                  }}
                >
                  <span>{e.name}</span>
                  {e.name !== e.code && <span className="rf-combo__code">{e.code}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
