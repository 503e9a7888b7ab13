// A segment view's tabs: the values of its field — a choice field's options or the process's
// states, in the app's order — or those the view lists, while the app still has them. A tab is
// a value, never query text: the visitor's pick must be one of these, or it is refused.
import type { SegmentSettings } from '../../../../common/api/public-view-kinds.js';
import type { Property } from '../../../../common/fields/index.js';
import { enabledProcess } from '../../process/model.js';
import type { RecordSchema } from '../../records/schema.js';

/** The values the field may hold, in the app's order (options by index, states by index). */
export function segmentOptions(schema: RecordSchema, code: string): string[] {
  const p = schema.fields[code] as Property | undefined;
  if (!p) return [];
  if (p.type === 'STATUS') return [...(enabledProcess(schema.def)?.states ?? [])].sort((a, b) => a.index - b.index).map((s) => s.name);
  const options = (p.options ?? {}) as Record<string, { label?: string; index?: string | number }>;
  return Object.entries(options)
    .sort(([, a], [, b]) => Number(a.index ?? 0) - Number(b.index ?? 0))
    .map(([value]) => value);
}

/** The tabs visitors see now: the view's (or every option), each still a value of the field. */
export function segmentTabs(schema: RecordSchema, segment: SegmentSettings['segment']): Array<{ value: string; label: string }> {
  const options = segmentOptions(schema, segment.field);
  if (!segment.tabs) return options.map((value) => ({ value, label: value }));
  const present = new Set(options);
  return segment.tabs.filter((t) => present.has(t.value)).map((t) => ({ value: t.value, label: t.label || t.value }));
}
