// Request-cache keys the administration screens share. Every key starts with 'admin', so a
// change anywhere refreshes what the area shows (invalidateQueries({ queryKey: ['admin'] })).

/** Licence usage: read by the area's frame (the warning banner) and the licences page. */
export const USAGE_KEY = ['admin', 'usage'] as const;
