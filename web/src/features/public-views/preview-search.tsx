// The preview's search box: the visitors' own box (public/list-parts), asked of the preview rather
// than of a visitor address, and without the clear link (the preview has no address to clear).
import { KeywordSearch } from '../../public/list-parts';

export function PreviewSearch({ q, onSearch }: { q: string; onSearch(q: string): void }) {
  return <KeywordSearch q={q} onSearch={onSearch} />;
}
