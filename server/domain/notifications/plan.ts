// Notifications planned before their people are known: each event lists the references it
// names, and whether those people get it "to me". All references of one change are resolved in
// one go (recipients.ts), then written at once (deliver.ts).
import type { StoredRecord } from '../../storage/records.repo.js';
import type { Ctx } from '../context.js';
import type { AppDefinition } from '../apps/definition.js';
import { type NotificationEvent, deliver } from './deliver.js';
import { Audience, type PeopleRef, refsOf, resolvePeople } from './recipients.js';
import type { NotificationTarget } from './settings-model.js';

export interface PlannedEvent extends Omit<NotificationEvent, 'audience'> {
  reach: Array<{ refs: PeopleRef[]; toMe: boolean }>;
}

type Record = Pick<StoredRecord, 'data' | 'creatorId' | 'modifierId'> | null;

/**
 * General notification rows reach "All" through the people they name, and "To me" through the
 * fields of the record (kintone's rule: a user, department or group field, the creator, the
 * assignees).
 */
export function generalReach(def: AppDefinition, rows: NotificationTarget[], record: Record): PlannedEvent['reach'] {
  return rows.map((t) => ({ refs: refsOf(def, t, record), toMe: t.entity.type === 'FIELD_ENTITY' }));
}

/** Per-record and reminder targets: every one of them "to me". */
export function targetReach(def: AppDefinition, targets: NotificationTarget[], record: Record): PlannedEvent['reach'] {
  return targets.map((t) => ({ refs: refsOf(def, t, record), toMe: true }));
}

export async function deliverPlanned(ctx: Ctx, domainId: string, planned: PlannedEvent[]): Promise<void> {
  if (planned.length === 0) return;
  const people = await resolvePeople(ctx, domainId, planned.flatMap((p) => p.reach.flatMap((r) => r.refs)));
  const events = planned.map(({ reach, ...event }) => {
    const audience = new Audience();
    for (const r of reach) for (const ref of r.refs) audience.add(people.usersOf(ref), r.toMe);
    return { ...event, audience };
  });
  await deliver(ctx, events);
}
