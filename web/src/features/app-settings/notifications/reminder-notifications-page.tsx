// リマインダーの条件通知: a time relative to a date field (days, then hours or a time of day), a
// condition, a text and recipients; the zone the times are read in
// (preview/app/notifications/reminder.json).
import { useQuery } from '@tanstack/react-query';
import type { ReminderNotificationsOut } from '../../../../../common/api/notifications.js';
import { getFields, getReminderNotifications, putReminderNotifications } from '../../../api/app-settings';
import { useStrings } from '../../../i18n/area-strings';
import { Field, SelectField } from '../../../ui/form';
import { timeZoneOptions } from '../../../ui/time-zones';
import { SettingsForm } from '../acl/acl-page';
import { entityChoices } from '../acl/field-acl-page';
import { ConditionEditor } from '../condition-editor';
import { useSettingsTarget } from '../settings-data';
import { strings } from '../strings';
import { notificationStrings } from './notification-strings';
import { Targets } from './targets';

type Draft = Omit<ReminderNotificationsOut, 'revision'>;
type Item = Draft['notifications'][number];
const DATE_TYPES = new Set(['DATE', 'DATETIME', 'CREATED_TIME', 'UPDATED_TIME']);

export function ReminderNotificationsPage() {
  const s = useStrings(strings);
  const n = useStrings(notificationStrings);
  const { place, appId, key } = useSettingsTarget();
  const query = useQuery({
    queryKey: key('notifications-reminder'),
    queryFn: async (): Promise<Draft> => {
      const { revision: _r, ...rest } = await getReminderNotifications(place, appId);
      return rest;
    },
  });
  const fieldsQ = useQuery({ queryKey: key('fields'), queryFn: () => getFields(place, appId) });
  const fields = fieldsQ.data?.properties ?? {};
  const dates = Object.values(fields).filter((p) => DATE_TYPES.has(p.type));
  return (
    <SettingsForm<Draft> title={s.sections.reminderNotifications} hint={n.reminderHint} query={query} part="notifications-reminder" save={(d) => putReminderNotifications(place, appId, d)}>
      {(d, set) => (
        <>
          <SelectField
            label={n.timezone}
            name="timezone"
            value={d.timezone}
            onChange={(e) => set({ ...d, timezone: e.target.value })}
            options={zoneOptions(d.timezone)}
          />
          {d.notifications.length === 0 && <p className="empty">{n.empty}</p>}
          {d.notifications.map((item, i) => {
            const patch = (p: Partial<Item>) => set({ ...d, notifications: d.notifications.map((x, j) => (j === i ? { ...x, ...p } : x)) });
            const byTime = item.timing.time !== undefined;
            const timing = (p: Partial<Item['timing']>) => patch({ timing: { ...item.timing, ...p } });
            return (
              <section key={i} className="as-card" aria-label={n.item(i + 1)}>
                <div className="as-card__head">
                  <h3>{n.item(i + 1)}</h3>
                  <button type="button" className="as-icon-button as-icon-button--danger" aria-label={s.deleteNamed(n.item(i + 1))} onClick={() => set({ ...d, notifications: d.notifications.filter((_, j) => j !== i) })}>
                    ×
                  </button>
                </div>
                <fieldset className="as-fieldset">
                  <legend>{n.timing}</legend>
                  <div className="as-pair">
                    <SelectField label={n.dateField} name={`date-${i}`} value={item.timing.code} onChange={(e) => timing({ code: e.target.value })} options={[{ value: '', label: '' }, ...dates.map((p) => ({ value: p.code, label: p.label }))]} />
                    <Field label={n.daysLater} name={`days-${i}`} inputMode="numeric" value={item.timing.daysLater} onChange={(e) => timing({ daysLater: e.target.value })} />
                    <SelectField
                      label={n.mode}
                      name={`mode-${i}`}
                      value={byTime ? 'time' : 'hours'}
                      onChange={(e) => patch({ timing: e.target.value === 'time' ? { code: item.timing.code, daysLater: item.timing.daysLater, time: '09:00' } : { code: item.timing.code, daysLater: item.timing.daysLater, hoursLater: '0' } })}
                      options={[
                        { value: 'hours', label: n.byHours },
                        { value: 'time', label: n.byTime },
                      ]}
                    />
                    {byTime ? (
                      <Field label={n.time} name={`time-${i}`} type="time" step={600} value={item.timing.time ?? ''} onChange={(e) => timing({ time: e.target.value })} />
                    ) : (
                      <Field label={n.hoursLater} name={`hours-${i}`} inputMode="numeric" value={item.timing.hoursLater ?? '0'} onChange={(e) => timing({ hoursLater: e.target.value })} />
                    )}
                  </div>
                </fieldset>
                <Field label={n.title} name={`title-${i}`} value={item.title} maxLength={100} onChange={(e) => patch({ title: e.target.value })} />
                {fieldsQ.data && <ConditionEditor legend={n.condition} fields={fields} value={item.filterCond} onChange={(filterCond) => patch({ filterCond })} />}
                <Targets legend={n.targets} value={item.targets} onChange={(targets) => patch({ targets })} fieldChoices={entityChoices(fields)} />
              </section>
            );
          })}
          <div>
            <button type="button" className="button" onClick={() => set({ ...d, notifications: [...d.notifications, { timing: { code: dates[0]?.code ?? '', daysLater: '0', hoursLater: '0' }, filterCond: '', title: '', targets: [] }] })}>
              {n.add}
            </button>
          </div>
        </>
      )}
    </SettingsForm>
  );
}

function zoneOptions(current: string): Array<{ value: string; label: string }> {
  const all = timeZoneOptions();
  return all.some((o) => o.value === current) ? all : [{ value: current, label: current }, ...all];
}
