// アプリのアクセス権: who may view, add, edit, delete records, manage the app, import and export,
// per user, group, department, the app creator and Everyone, in order (preview/app/acl.json).
import { useQuery } from '@tanstack/react-query';
import type { AppAclRight } from '../../../../../common/api/acl.js';
import { getAppAcl, putAppAcl } from '../../../api/app-settings';
import { useStrings } from '../../../i18n/area-strings';
import { useSettingsTarget } from '../settings-data';
import { strings } from '../strings';
import { SettingsForm } from './acl-page';
import { aclStrings } from './acl-strings';
import { RightsTable } from './rights-table';

const FLAGS = ['recordViewable', 'recordAddable', 'recordEditable', 'recordDeletable', 'appEditable', 'recordImportable', 'recordExportable'] as const;

export function AppAclPage() {
  const s = useStrings(strings);
  const a = useStrings(aclStrings);
  const { place, appId, key } = useSettingsTarget();
  const query = useQuery({ queryKey: key('app-acl'), queryFn: async () => (await getAppAcl(place, appId)).rights });
  return (
    <SettingsForm title={s.sections.appPermissions} hint={a.rowsHint} query={query} part="app-acl" save={(rights) => putAppAcl(place, appId, rights)}>
      {(rights, set) => (
        <RightsTable<AppAclRight & { entity: { type: string; code: string | null } }>
          caption={s.sections.appPermissions}
          rows={rights as Array<AppAclRight & { entity: { type: string; code: string | null } }>}
          onChange={(rows) => set(rows as AppAclRight[])}
          columns={FLAGS.map((k) => ({ key: k, label: a.app[k] }))}
          adderTypes={['USER', 'GROUP', 'ORGANIZATION', 'CREATOR', 'EVERYONE']}
          newRow={(entity) => ({ entity: entity as AppAclRight['entity'], includeSubs: false, appEditable: false, recordViewable: true, recordAddable: false, recordEditable: false, recordDeletable: false, recordImportable: false, recordExportable: false })}
        />
      )}
    </SettingsForm>
  );
}
