// Which compressed form of an answer a client takes (Accept-Encoding), for the answers kept
// compressed ahead of time: the web app's pages (plugins/web-pages.ts) and public views' data.

/** Browsers send a handful of distinct headers: each is read once. */
const seen = new Map<string, ReadonlySet<string>>();
const MAX_SEEN = 200;

function acceptedBy(header: string): ReadonlySet<string> {
  let accepted = seen.get(header);
  if (!accepted) {
    const out = new Set<string>();
    for (const part of header.slice(0, 500).split(',')) {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
    }
    accepted = out;
    if (seen.size >= MAX_SEEN) seen.clear();
    seen.set(header, accepted);
  }
  return accepted;
}

/** The encoding to answer with: br, then gzip, where the client takes it (q > 0) and we have it. */
export function pickEncoding(header: string | undefined, have: { br: boolean; gzip: boolean }): 'br' | 'gzip' | null {
  if (!header) return null;
  const accepted = acceptedBy(header);
  if (have.br && (accepted.has('br') || accepted.has('*'))) return 'br';
  if (have.gzip && (accepted.has('gzip') || accepted.has('*'))) return 'gzip';
  return null;
}
