// Live events for written and deleted records (events/bus.ts): app and record ids and the new
// revision (null: deleted), in slices a bus message carries comfortably.
import type { RecordChange } from '../../events/bus.js';
import type { Ctx } from '../context.js';

const PER_EVENT = 500;

export function recordsChanged(ctx: Ctx, appId: number, records: RecordChange[]): void {
  for (let i = 0; i < records.length; i += PER_EVENT) {
    ctx.events.publish({ kind: 'record.changed', appId, records: records.slice(i, i + PER_EVENT) });
  }
}
