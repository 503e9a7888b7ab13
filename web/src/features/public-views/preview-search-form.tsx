// The preview's search form: the visitors' own form (public/list-parts), its values sent with the
// preview request as a visitor's `f.` parameters would be (keys without `f.`) rather than put in a
// visitor address.
import type { SearchValues, VisitorSearchItem } from '../../../../common/api/public-search-forms.js';
import { SearchItemsForm } from '../../public/list-parts';

export function PreviewSearchForm({ items, values, onSearch }: { items: VisitorSearchItem[]; values: SearchValues; onSearch(values: SearchValues): void }) {
  const initial = () => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
  const submit = (draft: Record<string, string[]>) => {
    const out: SearchValues = {};
    for (const [k, v] of Object.entries(draft)) {
      const filled = v.filter(Boolean);
      if (filled.length > 0) out[k] = filled.length === 1 && !items.some((i) => i.key === k && i.kind === 'choice') ? filled[0]! : filled;
    }
    onSearch(out);
  };
  return <SearchItemsForm items={items} initial={initial} onSearch={submit} clear={() => onSearch({})} />;
}
