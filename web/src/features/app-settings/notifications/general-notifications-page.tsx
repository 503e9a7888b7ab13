// アプリの条件通知: who hears of added and edited records, comments, status changes and imports
// (preview/app/notifications/general.json).
import { useQuery } from '@tanstack/react-query';
import type { GeneralNotificationsOut } from '../../../../../common/api/notifications.js';
import { getFields, getGeneralNotifications, putGeneralNotifications } from '../../../api/app-settings';
import { useStrings } from '../../../i18n/area-strings';
import { SettingsForm } from '../acl/acl-page';
import { entityChoices } from '../acl/field-acl-page';
import { RightsTable, type RightsRow } from '../acl/rights-table';
import { Check } from '../form/inputs';
import { useSettingsTarget } from '../settings-data';
import { strings } from '../strings';
import { notificationStrings } from './notification-strings';

type Draft = Omit<GeneralNotificationsOut, 'revision'>;
type Row = Draft['notifications'][number];
const FLAGS = ['recordAdded', 'recordEdited', 'commentAdded', 'statusChanged', 'fileImported'] as const;

export function GeneralNotificationsPage() {
  const s = useStrings(strings);
  const n = useStrings(notificationStrings);
  const { place, appId, key } = useSettingsTarget();
  const query = useQuery({
    queryKey: key('notifications-general'),
    queryFn: async (): Promise<Draft> => {
      const { revision: _r, ...rest } = await getGeneralNotifications(place, appId);
      return rest;
    },
  });
  const fieldsQ = useQuery({ queryKey: key('fields'), queryFn: () => getFields(place, appId) });
  return (
    <SettingsForm<Draft> title={s.sections.generalNotifications} hint={n.generalHint} query={query} part="notifications-general" save={(d) => putGeneralNotifications(place, appId, d)}>
      {(d, set) => (
        <>
          <RightsTable<Row & RightsRow>
            caption={s.sections.generalNotifications}
            rows={d.notifications as Array<Row & RightsRow>}
            onChange={(rows) => set({ ...d, notifications: rows })}
            columns={FLAGS.map((k) => ({ key: k, label: n[k] }))}
            adderTypes={['USER', 'GROUP', 'ORGANIZATION', 'FIELD_ENTITY', 'EVERYONE']}
            newRow={(entity) => ({ entity: entity as Row['entity'], includeSubs: false, recordAdded: true, recordEdited: true, commentAdded: true, statusChanged: true, fileImported: false })}
            fieldChoices={entityChoices(fieldsQ.data?.properties ?? {})}
          />
          <Check label={n.notifyToCommenter} checked={d.notifyToCommenter} onChange={(v) => set({ ...d, notifyToCommenter: v })} />
        </>
      )}
    </SettingsForm>
  );
}
