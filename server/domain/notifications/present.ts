// Notifications as the reader sees them, built when they are read (or mailed): the record's
// title, the comment and the changed fields come from the record and comment as they are now,
// through the reader's rights now. A notification whose app or record the reader may no longer
// see is left out; a field they may not read is never named (not even "salary changed", probe
// R10), and a title field they may not read shows "Record 12" instead. Thread notifications are
// presented by threads.ts, through the reader's place in the thread's space; licence ones by
// licence-notices.ts, to their recipient while an administrator.
import type { Locale } from '../../../common/access.js';
import { EVERYONE } from '../../../common/api/acl.js';
import type { MentionType } from '../../../common/api/comments.js';
import type { NotificationJson, NotificationKind } from '../../../common/api/notifications.js';
import type { Property, StoredValue } from '../../../common/fields/index.js';
import { type CommentText, type StoredNotification, findComments } from '../../storage/notifications.repo.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import type { AppDefinition } from '../apps/definition.js';
import { type Names, loadNames } from '../directory/cache.js';
import type { Kind } from '../records/entities.js';
import { recordNumber } from '../records/present.js';
import { findVisibleRecords } from '../records/record-scope.js';
import type { RecordSchema } from '../records/schema.js';
import { isLicenceKind, isLicenceNotice, licenceSummary, presentLicenceNotices } from './licence-notices.js';
import { threadTitle } from './threads.js';
import { type ReaderView, visibleChanges } from './visibility.js';

const KIND_OF: Record<MentionType, Kind> = { USER: 'user', GROUP: 'group', ORGANIZATION: 'organization' };

interface AppFacts {
  schema: RecordSchema;
  records: Map<number, StoredRecord>;
  comments: Map<string, CommentText>;
}

/** Those of `rows` the reader may see, presented; the rest are left out. */
export async function presentNotifications(view: ReaderView, rows: StoredNotification[], locale: Locale): Promise<NotificationJson[]> {
  if (rows.some(isLicenceNotice)) {
    const shown = new Map(presentLicenceNotices(view.ctx, rows.filter(isLicenceNotice), locale).map((j) => [j.id, j]));
    for (const j of await presentNotifications(view, rows.filter((n) => !isLicenceNotice(n)), locale)) shown.set(j.id, j);
    return rows.flatMap((n) => shown.get(String(n.id)) ?? []);
  }
  const threadRows = rows.filter((n) => n.threadId !== null);
  if (threadRows.length === 0) return presentRecordNotifications(view, rows, locale);
  const ofThreads = await view.threads.present(threadRows);
  const ofRecords = new Map((await presentRecordNotifications(view, rows.filter((n) => n.threadId === null), locale)).map((j) => [j.id, j]));
  return rows.flatMap((n) => {
    const shown = n.threadId === null ? ofRecords.get(String(n.id)) : ofThreads.get(n.id);
    if (!shown) return [];
    if (!shown.summary) shown.summary = summarize(shown, locale);
    return [shown];
  });
}

async function presentRecordNotifications(view: ReaderView, rows: StoredNotification[], locale: Locale): Promise<NotificationJson[]> {
  const ctx = view.ctx;
  const facts = new Map<number, AppFacts>();
  for (const appId of new Set(rows.flatMap((n) => (n.appId === null ? [] : [n.appId])))) {
    const schema = await view.schemaOf(appId);
    if (!schema) continue;
    const mine = rows.filter((n) => n.appId === appId);
    const records = await findVisibleRecords(ctx, schema, [...new Set(mine.flatMap((n) => (n.recordId === null ? [] : [n.recordId])))]);
    // Comments switched off are out of reach, as in the comments API.
    const keys = mine.flatMap((n) => (n.recordId !== null && n.commentId !== null ? [{ recordId: n.recordId, commentId: n.commentId }] : []));
    const comments = schema.def.settings.enableComments ? await findComments(ctx.db, schema.app.domainId, appId, keys) : new Map<string, CommentText>();
    facts.set(appId, { schema, records, comments });
  }
  const visible = rows.filter((n) => {
    const f = n.appId === null ? undefined : facts.get(n.appId);
    if (!f) return false;
    if (n.recordId === null) return true;
    const record = f.records.get(n.recordId);
    if (!record) return false;
    // An edit of fields the reader may not see is not theirs to hear of (visibility.ts).
    if (!Array.isArray(n.detail.fields) || f.schema.fieldLimits.none) return true;
    return visibleChanges(f.schema, n.detail.fields as string[], f.schema.fieldLimits.hiddenIn(record)).length > 0;
  });
  if (visible.length === 0) return [];
  const codes: Record<Kind, Set<string>> = { user: new Set(), organization: new Set(), group: new Set() };
  for (const f of facts.values()) for (const c of f.comments.values()) for (const m of c.mentions) codes[KIND_OF[m.type]].add(codeKey(m.code));
  const senders = new Set(visible.flatMap((n) => (n.senderId ? [n.senderId] : [])));
  const names = await loadNames(ctx, [...facts.values()][0]!.schema.directoryVersion, codes, senders);
  return visible.map((n) => present(n, facts.get(n.appId!)!, names, locale));
}

function present(n: StoredNotification, f: AppFacts, names: Names, locale: Locale): NotificationJson {
  const { schema } = f;
  const record = n.recordId === null ? undefined : f.records.get(n.recordId);
  const hidden = record && !schema.fieldLimits.none ? schema.fieldLimits.hiddenIn(record) : new Set<string>();
  const comment = record && n.commentId !== null ? f.comments.get(`${record.id}:${n.commentId}`) : undefined;
  const kind = n.kind as NotificationKind;
  const out: NotificationJson = {
    id: String(n.id),
    kind,
    toMe: n.toMe,
    read: n.readAt !== null,
    createdAt: n.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    sender: senderOf(n.senderId, names),
    app: { id: String(schema.app.id), name: schema.app.name },
    record: record ? { id: String(record.id), number: recordNumber(schema.app.code, record.id), title: titleOf(schema, record, hidden, locale) } : null,
    comment: comment && n.commentId !== null ? { id: String(n.commentId), text: withMentions(comment, names) } : null,
    summary: '',
  };
  const d = n.detail;
  if (Array.isArray(d.fields)) out.fields = visibleChanges(schema, d.fields as string[], hidden);
  const status = statusFacts(schema.def, d, hidden);
  if (status) out.status = status;
  if (typeof d.title === 'string') out.title = d.title;
  out.summary = summarize(out, locale);
  return out;
}

function senderOf(id: number | null, names: Names): NotificationJson['sender'] {
  if (id === null) return null;
  if (id === 0) return { code: 'Administrator', name: 'Administrator' };
  const code = names.userCode(id);
  return { code, name: (code && names.name('user', code)) || code };
}

function statusFacts(def: AppDefinition, d: Record<string, unknown>, hidden: ReadonlySet<string>): NotificationJson['status'] | undefined {
  const statusField = Object.values(def.fields).find((p) => p.type === 'STATUS');
  if (statusField && hidden.has(statusField.code)) return undefined;
  if (typeof d.action === 'string' && typeof d.from === 'string' && typeof d.to === 'string') return { action: d.action, from: d.from, to: d.to };
  if (typeof d.status === 'string') return { action: '', from: '', to: d.status };
  return undefined;
}

/** The field kintone titles records with: the one chosen, else the first text field on the form. */
export function titleFieldOf(def: AppDefinition): Property | undefined {
  const t = def.settings.titleField;
  if (t.selectionMode === 'MANUAL' && def.fields[t.code]) return def.fields[t.code];
  const order = def.layout ? layoutCodes(def.layout) : Object.keys(def.fields);
  for (const code of order) if (def.fields[code]?.type === 'SINGLE_LINE_TEXT') return def.fields[code];
  return undefined;
}

function layoutCodes(layout: unknown[]): string[] {
  const out: string[] = [];
  const walk = (items: unknown[]) => {
    for (const raw of items) {
      const item = raw as { code?: unknown; fields?: unknown[]; layout?: unknown[] };
      if (Array.isArray(item.fields)) for (const f of item.fields as Array<{ code?: unknown }>) if (typeof f.code === 'string') out.push(f.code);
      if (Array.isArray(item.layout)) walk(item.layout);
    }
  };
  walk(layout);
  return out;
}

function titleOf(schema: RecordSchema, record: StoredRecord, hidden: ReadonlySet<string>, locale: Locale): string {
  const field = titleFieldOf(schema.def);
  const value: StoredValue | undefined = field && !hidden.has(field.code) ? record.data[schema.fieldIds[field.code] ?? ''] : undefined;
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  if (text) return text;
  const number = recordNumber(schema.app.code, record.id);
  return locale === 'ja' ? `レコード ${number}` : `Record ${number}`;
}

function withMentions(c: CommentText, names: Names): string {
  if (c.mentions.length === 0) return c.text;
  const shown = c.mentions.map((m) => names.name(KIND_OF[m.type], m.code) ?? (m.type === 'GROUP' && codeKey(m.code) === EVERYONE ? 'Everyone' : m.code));
  return `${shown.join(' ')} \n${c.text}`;
}

/** One line in the reader's language. */
export function summarize(n: NotificationJson, locale: Locale): string {
  if (isLicenceKind(n.kind)) return licenceSummary(n, locale);
  const kind = n.kind;
  const who = n.sender?.name || n.sender?.code || '';
  const title = n.thread ? threadTitle(n) : (n.record?.title ?? n.app?.name ?? '');
  const fields = (n.fields ?? []).map((f) => f.label).join(locale === 'ja' ? '、' : ', ');
  const move = n.status ? (n.status.from ? `${n.status.from} → ${n.status.to}` : n.status.to) : '';
  const ja: Record<typeof kind, string> = {
    mention: `${who}さんがコメントであなたを宛先に指定しました: ${title}`,
    assigned: `あなたが作業者になりました: ${title}${move ? `（${move}）` : ''}`,
    commentAdded: `${who}さんがコメントしました: ${title}`,
    recordAdded: `${who}さんがレコードを追加しました: ${title}`,
    recordEdited: `${who}さんがレコードを編集しました: ${title}${fields ? `（${fields}）` : ''}`,
    statusChanged: `${who}さんがステータスを変更しました: ${title}${move ? `（${move}）` : ''}`,
    perRecord: `${n.title || '条件通知'}: ${title}`,
    reminder: `${n.title || 'リマインダー'}: ${title}`,
    fileImported: `${who}さんがファイルを読み込みました: ${n.app?.name ?? ''}`,
    threadCreated: `${who}さんがスレッドを作成しました: ${title}`,
    commentLiked: `${who}さんがあなたのコメントに「いいね！」しました: ${title}`,
  };
  const en: Record<typeof kind, string> = {
    mention: `${who} mentioned you in a comment: ${title}`,
    assigned: `You were assigned: ${title}${move ? ` (${move})` : ''}`,
    commentAdded: `${who} commented: ${title}`,
    recordAdded: `${who} added a record: ${title}`,
    recordEdited: `${who} edited a record: ${title}${fields ? ` (${fields})` : ''}`,
    statusChanged: `${who} changed the status: ${title}${move ? ` (${move})` : ''}`,
    perRecord: `${n.title || 'Record notification'}: ${title}`,
    reminder: `${n.title || 'Reminder'}: ${title}`,
    fileImported: `${who} imported a file: ${n.app?.name ?? ''}`,
    threadCreated: `${who} created a thread: ${title}`,
    commentLiked: `${who} liked your comment: ${title}`,
  };
  return (locale === 'ja' ? ja : en)[kind];
}
