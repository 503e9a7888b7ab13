// A dashboard view's layout: blocks on a grid of 12 columns — other views (list, card, calendar,
// graph, advanced graph, segment) of this app or of any other app the manager manages, grouped by
// app, text (the shared rich-text editor) and image links — each placed by column, width, row and
// height, in order, with a sketch of the grid. The views offered are the server's
// (`public-views.json?members=true`), the same rule it applies on saving (kinds/members.ts).
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { DASHBOARD_COLUMNS, type DashboardItem, MAX_DASHBOARD_ITEMS, MEMBER_KINDS } from '../../../../common/api/public-view-kinds.js';
import { useStrings } from '../../i18n/area-strings';
import { RichTextEditor } from '../../ui/rich-text-editor';
import { useSettingsTarget } from '../app-settings/settings-data';
import { listMemberCandidates, memberCandidatesKey } from './api';
import { editorStrings } from './editor-strings';
import { strings } from './strings';

interface Props {
  items: DashboardItem[];
  onChange(items: DashboardItem[]): void;
  /** The dashboard being edited (never its own member). */
  selfId: string | undefined;
  error?: string | undefined;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Where a new block goes: below every other, full width. */
function nextCell(items: DashboardItem[]) {
  const y = Math.min(99, items.reduce((m, it) => Math.max(m, it.y + it.h), 0));
  return { x: 0, y, w: DASHBOARD_COLUMNS, h: 4 };
}

export function DashboardEditor({ items, onChange, selfId, error }: Props) {
  const s = useStrings(editorStrings).dashboard;
  const pv = useStrings(strings);
  const id = useId();
  const { appId } = useSettingsTarget();
  const views = useQuery({ queryKey: memberCandidatesKey(appId), queryFn: () => listMemberCandidates(appId) });
  const members = (views.data?.views ?? []).filter((v) => v.id !== selfId && MEMBER_KINDS.has(v.kind));
  // One group per app, this app's first (the server's order).
  const groups = (views.data?.apps ?? []).map((app) => ({ app, views: members.filter((v) => v.app === app.id) })).filter((g) => g.views.length > 0);
  const update = (i: number, item: DashboardItem) => onChange(items.map((x, j) => (j === i ? item : x)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...items];
    const [it] = next.splice(i, 1);
    next.splice(i + by, 0, it!);
    onChange(next);
  };
  const add = (type: DashboardItem['type']) => {
    const cell = nextCell(items);
    const item: DashboardItem = type === 'view' ? { type, view: members[0]?.id ?? '', ...cell } : type === 'text' ? { type, html: '', ...cell, h: 2 } : { type, url: '', alt: '', ...cell, h: 1 };
    onChange([...items, item]);
  };
  const cellSelect = (i: number, item: DashboardItem, key: 'x' | 'w' | 'h', label: string, values: number[], shown: (n: number) => number) => (
    <div className="field">
      <label htmlFor={`${id}-${i}-${key}`}>{label}</label>
      <select
        id={`${id}-${i}-${key}`}
        value={item[key]}
        onChange={(e) => {
          const n = Number(e.target.value);
          // A block never runs past the grid's last column.
          update(i, key === 'x' ? { ...item, x: n, w: Math.min(item.w, DASHBOARD_COLUMNS - n) } : { ...item, [key]: n });
        }}
      >
        {values.map((n) => (
          <option key={n} value={n}>
            {shown(n)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset className={error ? 'as-fieldset pvm-kind field--invalid' : 'as-fieldset pvm-kind'}>
      <legend>{s.legend}</legend>
      <p className="field-hint">{s.hint}</p>
      {items.length === 0 && <p className="field-hint">{s.empty}</p>}
      <ol className="pvm-search-items">
        {items.map((item, i) => {
          const at = `${id}-${i}`;
          return (
            <li key={i}>
              <fieldset className="as-fieldset pvm-search-item">
                <legend>
                  {s.item(i + 1)}: {s.types[item.type]}
                </legend>
                {item.type === 'view' && (
                  <div className="field">
                    <label htmlFor={`${at}-view`}>{s.view}</label>
                    <select id={`${at}-view`} value={item.view} onChange={(e) => update(i, { ...item, view: e.target.value })}>
                      <option value="" />
                      {groups.map((g) => (
                        <optgroup key={g.app.id} label={g.app.id === appId ? s.thisApp(g.app.name) : g.app.name}>
                          {g.views.map((v) => (
                            <option key={v.id} value={v.id}>
                              {v.title} — {pv.kinds[v.kind]} {v.published ? '' : s.unpublished}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                    {views.data && members.length === 0 && <p className="field-hint">{s.noViews}</p>}
                  </div>
                )}
                {item.type === 'text' && <RichTextEditor label={`${s.item(i + 1)}: ${s.text}`} value={item.html} onChange={(html) => update(i, { ...item, html })} />}
                {item.type === 'image' && (
                  <div className="pvm-grid">
                    <div className="field">
                      <label htmlFor={`${at}-url`}>{s.url}</label>
                      <input id={`${at}-url`} type="url" inputMode="url" value={item.url} maxLength={2000} onChange={(e) => update(i, { ...item, url: e.target.value })} />
                    </div>
                    <div className="field">
                      <label htmlFor={`${at}-alt`}>{s.alt}</label>
                      <input id={`${at}-alt`} value={item.alt} maxLength={500} onChange={(e) => update(i, { ...item, alt: e.target.value })} />
                    </div>
                  </div>
                )}
                <div className="pvm-cells">
                  {cellSelect(i, item, 'x', s.column, range(0, DASHBOARD_COLUMNS - 1), (n) => n + 1)}
                  {cellSelect(i, item, 'w', s.width, range(1, DASHBOARD_COLUMNS - item.x), (n) => n)}
                  <div className="field">
                    <label htmlFor={`${at}-y`}>{s.row}</label>
                    <input id={`${at}-y`} type="number" inputMode="numeric" min={1} max={100} value={item.y + 1} onChange={(e) => update(i, { ...item, y: Math.min(99, Math.max(0, Math.trunc(Number(e.target.value) || 1) - 1)) })} />
                  </div>
                  {cellSelect(i, item, 'h', s.height, range(1, 20), (n) => n)}
                </div>
                <span className="pvm-picker__moves">
                  <button type="button" className="as-icon-button" aria-label={s.moveUp(i + 1)} disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" className="as-icon-button" aria-label={s.moveDown(i + 1)} disabled={i === items.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" className="button pvm-danger" aria-label={s.remove(i + 1)} onClick={() => onChange(items.filter((_, j) => j !== i))}>
                    ×
                  </button>
                </span>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {items.length > 0 && <Sketch items={items} label={s.sketch} name={(n) => s.item(n)} />}
      {items.length < MAX_DASHBOARD_ITEMS && (
        <div className="pvm-actions-row">
          <button type="button" className="button" onClick={() => add('view')}>
            {s.addView}
          </button>
          <button type="button" className="button" onClick={() => add('text')}>
            {s.addText}
          </button>
          <button type="button" className="button" onClick={() => add('image')}>
            {s.addImage}
          </button>
        </div>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/** The grid as visitors on a wide screen get it, each block numbered (a picture to assistive technology). */
function Sketch({ items, label, name }: { items: DashboardItem[]; label: string; name(n: number): string }) {
  return (
    <div className="pvm-sketch" role="img" aria-label={`${label}: ${items.map((it, i) => `${name(i + 1)} (${it.x + 1}, ${it.y + 1}; ${it.w}×${it.h})`).join(', ')}`}>
      {items.map((it, i) => (
        <span key={i} className={`pvm-sketch__block pvm-sketch__block--${it.type}`} style={{ gridColumn: `${it.x + 1} / span ${Math.min(it.w, DASHBOARD_COLUMNS - it.x)}`, gridRow: `${it.y + 1} / span ${it.h}` }}>
          {i + 1}
        </span>
      ))}
    </div>
  );
}
