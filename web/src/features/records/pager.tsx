// The pager (top-right and again at the bottom): `1 - 20 (of 152)` with previous and next, and
// kintone's page sizes.
import { useId } from 'react';
import { useStrings } from '../../i18n/area-strings';
import { PAGE_SIZES } from './list-state';
import { strings } from './strings';

export interface PagerProps {
  page: number;
  size: number;
  total: number;
  shown: number;
  onPage(page: number): void;
  onSize?: (size: number) => void;
}

export function Pager({ page, size, total, shown, onPage, onSize }: PagerProps) {
  const s = useStrings(strings).list;
  const id = useId();
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = (page - 1) * size + shown;
  return (
    <nav className="pager" aria-label={s.pagerNav}>
      {onSize && (
        <span className="pager__size">
          <label htmlFor={id}>{s.perPage}</label>
          <select id={id} value={size} onChange={(e) => onSize(Number(e.target.value))}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </span>
      )}
      <span className="pager__count" aria-live="polite">
        {s.pager(from, to, total)}
      </span>
      <button type="button" className="button button--icon" aria-label={s.previous} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ‹
      </button>
      <button type="button" className="button button--icon" aria-label={s.next} disabled={to >= total} onClick={() => onPage(page + 1)}>
        ›
      </button>
    </nav>
  );
}
