// app/notifications/general.json, perRecord.json and reminder.json: read by the app's managers
// (live and preview, as kintone), saved to preview like every setting and live from the next
// deploy. A PUT replaces what it names (`notifications`, `notifyToCommenter`, `timezone`) and
// keeps what it leaves out; every problem is named at once.
import type {
  GeneralNotificationsOut,
  NotificationEntity,
  PerRecordNotificationsOut,
  PutGeneralNotificationsInput,
  PutPerRecordNotificationsInput,
  PutReminderNotificationsInput,
  ReminderNotificationsOut,
} from '../../../common/api/notifications.js';
import type { Property } from '../../../common/fields/index.js';
import type { Stage } from '../../storage/apps.repo.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import type { AppDefinition } from '../apps/definition.js';
import { editPreview, readStage } from '../apps/load-app.js';
import { conditionProblem, unknownEntities } from '../apps/setting-checks.js';
import {
  type NotificationSettings,
  type ReminderNotification,
  PEOPLE_FIELD_TYPES,
  REMINDER_FIELD_TYPES,
  notificationSettingsOf,
} from './settings-model.js';

type Problems = Record<string, FieldProblem[]>;

async function readSettings(ctx: Ctx, appId: number, stage: Stage): Promise<{ settings: NotificationSettings; revision: string }> {
  const { definition, revision } = await readStage(ctx, appId, stage, 'app.manage');
  return { settings: notificationSettingsOf(definition), revision: String(revision) };
}

export async function readGeneralNotifications(ctx: Ctx, appId: number, stage: Stage): Promise<GeneralNotificationsOut> {
  const { settings, revision } = await readSettings(ctx, appId, stage);
  return { notifications: settings.general, notifyToCommenter: settings.notifyToCommenter, revision };
}

export async function readPerRecordNotifications(ctx: Ctx, appId: number, stage: Stage): Promise<PerRecordNotificationsOut> {
  const { settings, revision } = await readSettings(ctx, appId, stage);
  return { notifications: settings.perRecord, revision };
}

export async function readReminderNotifications(ctx: Ctx, appId: number, stage: Stage): Promise<ReminderNotificationsOut> {
  const { settings, revision } = await readSettings(ctx, appId, stage);
  return { notifications: settings.reminder.map(presentReminder), timezone: settings.reminderTimezone, revision };
}

function presentReminder(r: ReminderNotification): ReminderNotificationsOut['notifications'][number] {
  const { code, daysLater, hoursLater, time } = r.timing;
  const timing = { code, daysLater: String(daysLater), ...(hoursLater !== undefined ? { hoursLater: String(hoursLater) } : { time: time ?? '' }) };
  return { timing, filterCond: r.filterCond, title: r.title, targets: r.targets };
}

/** Applies `change` to a copy of the preview's settings (the defaults are shared) and saves it. */
async function save(ctx: Ctx, appId: number, revision: number | undefined, action: string, change: (s: NotificationSettings, def: AppDefinition) => Promise<void>) {
  return editPreview(ctx, appId, revision, { action }, async (def) => {
    const settings = JSON.parse(JSON.stringify(notificationSettingsOf(def))) as NotificationSettings;
    await change(settings, def);
    def.notifications = settings;
  });
}

export async function saveGeneralNotifications(ctx: Ctx, input: PutGeneralNotificationsInput): Promise<number> {
  return save(ctx, input.app, input.revision, 'app.notifications.general', async (settings, def) => {
    if (input.notifications) {
      const problems = await entityProblems(ctx, def.fields, input.notifications.map((n, i) => ({ at: `notifications[${i}]`, entity: n.entity })));
      throwIfAny(problems);
      settings.general = input.notifications;
    }
    if (input.notifyToCommenter !== undefined) settings.notifyToCommenter = input.notifyToCommenter;
  });
}

export async function savePerRecordNotifications(ctx: Ctx, input: PutPerRecordNotificationsInput): Promise<number> {
  return save(ctx, input.app, input.revision, 'app.notifications.perRecord', async (settings, def) => {
    if (!input.notifications) return;
    const list = input.notifications;
    const problems = await entityProblems(ctx, def.fields, list.flatMap((n, i) => n.targets.map((t, j) => ({ at: `notifications[${i}].targets[${j}]`, entity: t.entity }))));
    list.forEach((n, i) => {
      const cond = conditionProblem(def.fields, n.filterCond);
      if (cond) problems[`notifications[${i}].filterCond`] = [cond];
    });
    throwIfAny(problems);
    settings.perRecord = list;
  });
}

export async function saveReminderNotifications(ctx: Ctx, input: PutReminderNotificationsInput): Promise<number> {
  return save(ctx, input.app, input.revision, 'app.notifications.reminder', async (settings, def) => {
    const problems: Problems = {};
    if (input.timezone !== undefined && !isTimeZone(input.timezone)) problems.timezone = [{ key: 'invalid' }];
    const list = input.notifications ?? [];
    Object.assign(problems, await entityProblems(ctx, def.fields, list.flatMap((n, i) => n.targets.map((t, j) => ({ at: `notifications[${i}].targets[${j}]`, entity: t.entity })))));
    list.forEach((n, i) => {
      const at = `notifications[${i}]`;
      const cond = conditionProblem(def.fields, n.filterCond);
      if (cond) problems[`${at}.filterCond`] = [cond];
      const field = def.fields[n.timing.code];
      if (!field) problems[`${at}.timing.code`] = [{ key: 'aclFieldNotFound' }];
      else if (!REMINDER_FIELD_TYPES.has(field.type)) problems[`${at}.timing.code`] = [{ key: 'notificationTimingField' }];
      if ((n.timing.hoursLater === undefined) === (n.timing.time === undefined)) problems[`${at}.timing`] = [{ key: 'notificationTiming' }];
      else if (n.timing.time !== undefined && !/^([01]\d|2[0-3]):[0-5]0$/.test(n.timing.time)) problems[`${at}.timing.time`] = [{ key: 'notificationTime' }];
    });
    throwIfAny(problems);
    if (input.notifications) {
      settings.reminder = list.map((n) => {
        const { code, daysLater, hoursLater, time } = n.timing;
        return { ...n, timing: hoursLater !== undefined ? { code, daysLater, hoursLater } : { code, daysLater, time } };
      });
    }
    if (input.timezone !== undefined) settings.reminderTimezone = input.timezone;
  });
}

/** Users, groups and departments that do not exist; FIELD_ENTITY codes that name no people field. */
async function entityProblems(ctx: Ctx, fields: Record<string, Property>, entities: Array<{ at: string; entity: NotificationEntity }>): Promise<Problems> {
  const problems = await unknownEntities(ctx, entities);
  for (const { at, entity } of entities) {
    if (entity.type !== 'FIELD_ENTITY') continue;
    const p = fields[entity.code];
    if (!p) problems[`${at}.entity.code`] = [{ key: 'aclFieldNotFound' }];
    else if (!PEOPLE_FIELD_TYPES.has(p.type)) problems[`${at}.entity.code`] = [{ key: 'aclFieldEntity' }];
  }
  return problems;
}

function throwIfAny(problems: Problems): void {
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
