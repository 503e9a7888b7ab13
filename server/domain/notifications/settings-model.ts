// An app's notification settings as its definition keeps them (`AppDefinition.notifications`):
// kintone's general, per-record and reminder notifications. Definitions saved before these
// existed, and new apps, have kintone's defaults: a comment notifies the record's creator and
// last modifier (the general rows below) and those who commented before (notifyToCommenter).
import type {
  GeneralNotification,
  NotificationEntity,
  NotificationTarget,
  PerRecordNotification,
  ReminderNotification,
} from '../../../common/api/notifications.js';
import type { Property } from '../../../common/fields/index.js';
import type { AppDefinition } from '../apps/definition.js';

export type { GeneralNotification, NotificationEntity, NotificationTarget, PerRecordNotification, ReminderNotification };

export interface NotificationSettings {
  general: GeneralNotification[];
  notifyToCommenter: boolean;
  perRecord: PerRecordNotification[];
  reminder: ReminderNotification[];
  /** The zone reminders' dates and times of day are read in. */
  reminderTimezone: string;
}

export const DEFAULT_REMINDER_TIMEZONE = 'Asia/Tokyo';

/** Field types whose values name people: what a FIELD_ENTITY may name. */
export const PEOPLE_FIELD_TYPES: ReadonlySet<string> = new Set(['USER_SELECT', 'ORGANIZATION_SELECT', 'GROUP_SELECT', 'CREATOR', 'MODIFIER', 'STATUS_ASSIGNEE']);

/** Fields a reminder may count from. */
export const REMINDER_FIELD_TYPES: ReadonlySet<string> = new Set(['DATE', 'DATETIME', 'CREATED_TIME', 'UPDATED_TIME']);

const defaults = new WeakMap<Record<string, Property>, NotificationSettings>();

function defaultSettings(fields: Record<string, Property>): NotificationSettings {
  let found = defaults.get(fields);
  if (!found) {
    const field = (type: string) => Object.values(fields).find((p) => p.type === type)?.code;
    const general = [field('CREATOR'), field('MODIFIER')]
      .filter((c): c is string => c !== undefined)
      .map((code) => ({
        entity: { type: 'FIELD_ENTITY' as const, code },
        includeSubs: false,
        recordAdded: false,
        recordEdited: false,
        commentAdded: true,
        statusChanged: false,
        fileImported: false,
      }));
    found = { general, notifyToCommenter: true, perRecord: [], reminder: [], reminderTimezone: DEFAULT_REMINDER_TIMEZONE };
    defaults.set(fields, found);
  }
  return found;
}

export function notificationSettingsOf(def: AppDefinition): NotificationSettings {
  return def.notifications ?? defaultSettings(def.fields);
}

/** After fields are renamed, the fields that name recipients and reminders' dates follow. */
export function renameNotificationFields(settings: NotificationSettings | undefined, rename: (code: string) => string): void {
  if (!settings) return;
  const entities = [...settings.general.map((g) => g.entity), ...[...settings.perRecord, ...settings.reminder].flatMap((n) => n.targets.map((t) => t.entity))];
  for (const e of entities) if (e.type === 'FIELD_ENTITY') e.code = rename(e.code);
  for (const r of settings.reminder) r.timing.code = rename(r.timing.code);
}
