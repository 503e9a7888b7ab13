// Where the server's objections to a view go: beside the part of the create/edit form they are
// about (`settings.sort[1]` → sort, `frameAncestors[2]` → the embedding sites), the rest at the
// top; and, for a list typed one entry a line, which entry each objection is about. Pure.
import { ApiError } from '../../api/client';

/** The form's parts a server message can sit beside. */
export type FormPart = 'title' | 'description' | 'fields' | 'detail' | 'filter' | 'sort' | 'pageSize' | 'search' | 'searchForm' | 'above' | 'below' | 'password' | 'ipAllow' | 'frameAncestors' | 'kind' | 'match';

const PARTS: Record<string, FormPart> = {
  title: 'title',
  description: 'description',
  fields: 'fields',
  detail: 'detail',
  filter: 'filter',
  sort: 'sort',
  pageSize: 'pageSize',
  search: 'search',
  searchForm: 'searchForm',
  above: 'above',
  below: 'below',
  password: 'password',
  ipAllow: 'ipAllow',
  frameAncestors: 'frameAncestors',
  card: 'kind',
  calendar: 'kind',
  segment: 'kind',
  graph: 'kind',
  dashboard: 'kind',
  match: 'match',
};

/** `settings.blocks.above` → above, `ipAllow[2]` → ipAllow, `settings.detail.fields[0]` → detail. */
export function partOfKey(key: string): FormPart | null {
  const segments = key
    .replace(/^settings\./, '')
    .split(/[.[\]]/)
    .filter(Boolean);
  const first = segments[0] === 'blocks' ? segments[1] : segments[0];
  return (first && PARTS[first]) || null;
}

/** Codes that are about one part of the form as a whole (they name no input key). */
const CODE_PARTS: Record<string, FormPart> = { CB_PV04: 'fields', CB_PV11: 'filter', CB_PV12: 'sort', CB_PV34: 'searchForm', CB_PV38: 'match' };

/** The server's messages by form part; those it could not place stay for the top of the form. */
export function placeErrors(error: unknown): { byPart: Partial<Record<FormPart, string>>; unplaced: string[] } {
  const byPart: Partial<Record<FormPart, string>> = {};
  const unplaced: string[] = [];
  if (!(error instanceof ApiError)) return { byPart, unplaced };
  const codePart = CODE_PARTS[error.code];
  if (codePart) byPart[codePart] = error.message;
  for (const [key, messages] of Object.entries(error.fields)) {
    const part = partOfKey(key);
    const text = messages.join(' ');
    if (part) byPart[part] ??= text;
    else unplaced.push(text);
  }
  return { byPart, unplaced };
}

/**
 * The messages about a list the form sends one entry a line (`frameAncestors[1]`, or the list as a
 * whole: `frameAncestors`), each naming its entry as sent: `"http://a.example": The value is invalid.`
 */
export function entryProblems(error: unknown, key: string, sent: readonly string[], name: (entry: string, n: number) => string): string[] {
  if (!(error instanceof ApiError)) return [];
  const out: string[] = [];
  for (const [k, messages] of Object.entries(error.fields)) {
    const text = messages.join(' ');
    if (k === key) out.push(text);
    const m = k.startsWith(`${key}[`) ? /^\[(\d+)\]/.exec(k.slice(key.length)) : null;
    if (!m) continue;
    const i = Number(m[1]);
    out.push(`${name(sent[i] ?? '', i + 1)} ${text}`);
  }
  return out;
}

/**
 * What to say beside the embedding sites after a refused save: each bad site named, and a plan
 * refusal of access restrictions when the sites were what needed it (CB_PV02 names the feature).
 */
export function embeddingProblems(error: unknown, sent: readonly string[] | undefined, name: (entry: string, n: number) => string): string[] {
  const out = entryProblems(error, 'frameAncestors', sent ?? [], name);
  if (error instanceof ApiError && error.code === 'CB_PV02' && error.message.includes('accessRestriction') && (sent?.length ?? 0) > 0) out.push(error.message);
  return out;
}
