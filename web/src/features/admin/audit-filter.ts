// The audit log's filter as the address keeps it (?action=…&actor=…&from=YYYY-MM-DD&to=…&result=…)
// and as the server takes it: days are the person's own (their time zone), "to" includes its
// whole day, and the server wants instants with an offset, `to` exclusive.
import type { AuditFilter } from '../../api/admin-security';
import { nextDay, zonedDayStart } from './format';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface AuditForm {
  action: string;
  actor: string;
  from: string;
  to: string;
  result: '' | 'success' | 'failure';
}

export function auditForm(params: URLSearchParams): AuditForm {
  const result = params.get('result');
  return {
    action: params.get('action') ?? '',
    actor: params.get('actor') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    result: result === 'success' || result === 'failure' ? result : '',
  };
}

/** What GET /v1/audit.json (and .csv) is sent; a day that is not one is left out. */
export function auditFilter(form: AuditForm, timeZone: string): AuditFilter {
  const filter: AuditFilter = {};
  if (form.action.trim()) filter.action = form.action.trim();
  if (form.actor.trim()) filter.actor = form.actor.trim();
  if (form.result) filter.result = form.result;
  if (DAY.test(form.from)) filter.from = zonedDayStart(form.from, timeZone);
  if (DAY.test(form.to)) filter.to = zonedDayStart(nextDay(form.to), timeZone);
  return filter;
}

/** The address's parameters for a filter form (empty values left out). */
export function auditParams(form: AuditForm): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value.trim()) params.set(key, value.trim());
  return params;
}

export function isFiltered(form: AuditForm): boolean {
  return Object.values(form).some((v) => v !== '');
}
