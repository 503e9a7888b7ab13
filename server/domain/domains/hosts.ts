// Host names as the Host header carries them: lower-case, no trailing dot, port dropped.
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function normaliseHost(raw: string): string | null {
  let h = raw.trim().toLowerCase();
  if (h.startsWith('[')) return null; // IPv6 literal: never a tenant's name
  h = h.replace(/:\d+$/, '').replace(/\.$/, '');
  return HOST.test(h) ? h : null;
}
