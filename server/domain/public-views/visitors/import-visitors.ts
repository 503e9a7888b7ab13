// POST visitors/import.json: a CSV of visitors — a header line with `email`, optionally `name`,
// and any other column an attribute — all or nothing: every bad row is named (CB_PV37 with
// `rows[n].column` errors, n counting data rows from 1) and nothing is kept. `replace` removes the
// view's visitors the file does not list.
import { MAX_ATTRIBUTES, type ImportResultJson } from '../../../../common/api/public-visitors.js';
import { deleteEmailSessions, deleteVisitors, listVisitors, putVisitor } from '../../../storage/public-view-visitors.repo.js';
import { AppError, type FieldProblem } from '../../app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Ctx } from '../../context.js';
import { parseCsv } from './csv.js';
import { normalizeEmail } from './email.js';
import { checkLimit, visitorsView } from './manage-visitors.js';

const ATTRIBUTE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_ROWS = 100_000;

export async function importVisitors(ctx: Ctx, input: { id: string; csv: string; replace: boolean }): Promise<ImportResultJson> {
  const { view, limit } = await visitorsView(ctx, input.id);
  const rows = parseCsv(input.csv);
  if (!rows || rows.length === 0) throw csvError({ csv: [{ key: 'invalid' }] });
  const header = rows[0]!.map((h) => h.trim());
  const emailAt = header.findIndex((h) => h.toLowerCase() === 'email');
  const nameAt = header.findIndex((h) => h.toLowerCase() === 'name');
  const errors: Record<string, FieldProblem[]> = {};
  if (emailAt < 0) errors['header.email'] = [{ key: 'required' }];
  header.forEach((h, i) => {
    if (i !== emailAt && i !== nameAt && !ATTRIBUTE.test(h)) errors[`header[${i}]`] = [{ key: 'invalid' }];
    if (header.indexOf(h) !== i) errors[`header[${i}]`] = [{ key: 'duplicate' }];
  });
  if (header.length - 2 > MAX_ATTRIBUTES) errors.header = [{ key: 'tooMany' }];
  if (rows.length - 1 > MAX_ROWS) errors.csv = [{ key: 'tooMany' }];
  if (Object.keys(errors).length) throw csvError(errors);

  const seen = new Set<string>();
  const visitors = rows.slice(1).map((cells, r) => {
    const at = `rows[${r + 1}]`;
    if (cells.length !== header.length) errors[at] = [{ key: 'invalid' }];
    const email = normalizeEmail(cells[emailAt] ?? '');
    if (!email) errors[`${at}.email`] = [{ key: 'email' }];
    else if (seen.has(email)) errors[`${at}.email`] = [{ key: 'duplicate' }];
    if (email) seen.add(email);
    const name = nameAt >= 0 ? (cells[nameAt] ?? '').trim() : '';
    if (name.length > 200) errors[`${at}.name`] = [{ key: 'tooLong' }];
    const attributes: Record<string, string> = {};
    header.forEach((h, i) => {
      if (i === emailAt || i === nameAt) return;
      const value = cells[i] ?? '';
      if (value.length > 1_000) errors[`${at}.${h}`] = [{ key: 'tooLong' }];
      if (value !== '') attributes[h] = value;
    });
    return { email: email ?? '', name, attributes };
  });
  if (Object.keys(errors).length) throw csvError(errors);

  let added = 0;
  for (const v of visitors) if ((await putVisitor(ctx.db, view.domainId, view.id, { ...v, source: 'csv' }, ctx.now)) === 'added') added++;
  let removed = 0;
  if (input.replace) {
    const keep = new Set(visitors.map((v) => v.email));
    const gone = (await listVisitors(ctx.db, view.domainId, view.id)).filter((v) => !keep.has(v.email)).map((v) => v.email);
    removed = await deleteVisitors(ctx.db, view.domainId, view.id, { emails: gone });
    for (const email of gone) await deleteEmailSessions(ctx.db, view.domainId, view.id, { email });
  }
  await checkLimit(ctx, limit);
  await recordAudit(ctx, { action: 'publicView.visitors.import', targetType: 'publicView', targetId: view.id, detail: { rows: visitors.length, added, removed, replace: input.replace } });
  return { added, updated: visitors.length - added, removed };
}

function csvError(errors: Record<string, FieldProblem[]>): AppError {
  return new AppError('CB_PV37', { errors });
}
