// Time zone choices for registration forms: every zone the browser knows, the person's own first
// being the default. The server checks the name the same way (Intl), so any listed one is valid.

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function timeZoneOptions(): Array<{ value: string; label: string }> {
  const zones = new Set<string>(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  zones.add('UTC');
  zones.add(browserTimeZone());
  return [...zones].sort().map((z) => ({ value: z, label: z.replaceAll('_', ' ') }));
}
