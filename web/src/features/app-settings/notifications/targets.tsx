// The recipients of a per-record or reminder notification, as an entity list.
import type { NotificationEntity, NotificationTarget } from '../../../../../common/api/notifications.js';
import { EntityList, type EntityRow } from '../entity-list';

export function Targets({ legend, value, onChange, fieldChoices }: { legend: string; value: NotificationTarget[]; onChange(v: NotificationTarget[]): void; fieldChoices: ReadonlyArray<{ code: string; label: string }> }) {
  return (
    <EntityList
      legend={legend}
      types={['USER', 'GROUP', 'ORGANIZATION', 'FIELD_ENTITY']}
      value={value.map((t) => ({ type: t.entity.type, code: t.entity.code }))}
      onChange={(rows: EntityRow[]) => onChange(rows.map((r) => ({ entity: { type: r.type as NotificationEntity['type'], code: r.code ?? '' }, includeSubs: false })))}
      fieldChoices={fieldChoices}
    />
  );
}
