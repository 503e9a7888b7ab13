// レコードの条件通知: when a saved record meets a condition, these people are told, with this text
// (preview/app/notifications/perRecord.json).
import { useQuery } from '@tanstack/react-query';
import type { PerRecordNotificationsOut } from '../../../../../common/api/notifications.js';
import { getFields, getPerRecordNotifications, putPerRecordNotifications } from '../../../api/app-settings';
import { useStrings } from '../../../i18n/area-strings';
import { Field } from '../../../ui/form';
import { SettingsForm } from '../acl/acl-page';
import { entityChoices } from '../acl/field-acl-page';
import { ConditionEditor } from '../condition-editor';
import { useSettingsTarget } from '../settings-data';
import { strings } from '../strings';
import { notificationStrings } from './notification-strings';
import { Targets } from './targets';

type Item = PerRecordNotificationsOut['notifications'][number];

export function RecordNotificationsPage() {
  const s = useStrings(strings);
  const n = useStrings(notificationStrings);
  const { place, appId, key } = useSettingsTarget();
  const query = useQuery({ queryKey: key('notifications-record'), queryFn: async () => (await getPerRecordNotifications(place, appId)).notifications });
  const fieldsQ = useQuery({ queryKey: key('fields'), queryFn: () => getFields(place, appId) });
  const fields = fieldsQ.data?.properties ?? {};
  return (
    <SettingsForm<Item[]> title={s.sections.perRecordNotifications} hint={n.perRecordHint} query={query} part="notifications-record" save={(list) => putPerRecordNotifications(place, appId, list)}>
      {(list, set) => (
        <>
          {list.length === 0 && <p className="empty">{n.empty}</p>}
          {list.map((item, i) => {
            const patch = (p: Partial<Item>) => set(list.map((x, j) => (j === i ? { ...x, ...p } : x)));
            return (
              <section key={i} className="as-card" aria-label={n.item(i + 1)}>
                <div className="as-card__head">
                  <h3>{n.item(i + 1)}</h3>
                  <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(n.item(i + 1))} onClick={() => set(list.filter((_, j) => j !== i))}>
                    ×
                  </button>
                </div>
                <Field label={n.title} name={`title-${i}`} value={item.title} maxLength={100} onChange={(e) => patch({ title: e.target.value })} />
                {fieldsQ.data && <ConditionEditor legend={n.condition} fields={fields} value={item.filterCond} onChange={(filterCond) => patch({ filterCond })} />}
                <Targets legend={n.targets} value={item.targets} onChange={(targets) => patch({ targets })} fieldChoices={entityChoices(fields)} />
              </section>
            );
          })}
          <div>
            <button type="button" className="button" onClick={() => set([...list, { filterCond: '', title: '', targets: [] }])}>
              {n.add}
            </button>
          </div>
        </>
      )}
    </SettingsForm>
  );
}
