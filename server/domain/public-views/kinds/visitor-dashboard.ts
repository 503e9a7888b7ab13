// GET /public/{token}/dashboard.json: a dashboard's layout and, in the same answer, each member
// view's own data — the first page of a list, card or segment view, this month of a calendar, a
// graph — made exactly as that member's visitor would get it, reading as the member's creator
// and narrowed to the member's filter and fields (members.ts decides which members may show).
// A member not available shows as `available: false`, never its title or data. Each member's
// answer is cached under its own view's key, with the dashboard (and its config version) in the
// parameters, since its links go through the dashboard's path.
import { LRUCache } from 'lru-cache';
import type { DashboardSettings } from '../../../../common/api/public-view-kinds.js';
import { DASHBOARD_COLUMNS } from '../../../../common/api/public-view-kinds.js';
import type { VisitorDetailJson, VisitorListJson } from '../../../../common/api/public-views.js';
import { MAX_ID } from '../../../../common/api/params.js';
import { recordRevision } from '../../../storage/public-views.repo.js';
import { AppError } from '../../app-error.js';
import { type Ctx, mayFillCaches } from '../../context.js';
import { sanitizeRichText } from '../../rich-text.js';
import { type OpenView, asVisitor, notFound } from '../open-view.js';
import { columnsOf, presentRecords } from '../present-records.js';
import { cachedVisitorAnswer } from '../visitor-answers.js';
import { recordInView } from '../visitor-record.js';
import { openMember } from './members.js';
import { pagedMeta, recordsPage } from './paged.js';
import { visitorCalendar } from './visitor-calendar.js';
import { visitorCards } from './visitor-cards.js';
import { visitorGraph } from './visitor-graph.js';
import { visitorSegment } from './visitor-segment.js';

/** What sets a member's answers apart from the member's own URL's: the dashboard and its links. */
const viaOf = (dashboard: OpenView, index: number) => `dash\0${dashboard.view.id}\0${dashboard.view.configVersion}\0${index}\0`;

async function memberData(ctx: Ctx, member: OpenView, via: string): Promise<Buffer> {
  const c = asVisitor(ctx, member.view);
  switch (member.view.kind) {
    case 'card':
      return visitorCards(c, member, {}, via);
    case 'calendar':
      return visitorCalendar(c, member, {}, via);
    case 'graph':
    case 'advancedGraph':
      return visitorGraph(c, member, via);
    case 'segment':
      return visitorSegment(c, member, {}, via);
    default:
      // A list member: its first page, without the visitor's search.
      return cachedVisitorAnswer(c, member, `${via}list`, async (reader): Promise<VisitorListJson> => ({
        view: pagedMeta(reader),
        ...(await recordsPage(reader, null, 1, '')),
      }));
  }
}

/**
 * The last dashboard answer made from each dashboard's settings and its members' answers: while
 * every member answers with the very bytes it did (its own cached answer) and is available from
 * this address as it was, the dashboard is the same, and is neither sanitised nor assembled again.
 */
const assembled = new LRUCache<string, { members: ReadonlyArray<Buffer | null>; body: Buffer }>({ max: 2_000 });

export async function visitorDashboard(ctx: Ctx, open: OpenView, ip: string | null): Promise<Buffer> {
  const { view } = open;
  const s = view.settings as DashboardSettings;
  // Each member's own answer (null: not available), exactly as its own visitor would get it.
  const members: Array<Buffer | null> = [];
  const kinds: string[] = [];
  for (const [i, item] of s.dashboard.items.entries()) {
    if (item.type !== 'view') continue;
    const member = await openMember(ctx, open, i, ip);
    let data: Buffer | null = null;
    try {
      if (member) data = await memberData(ctx, member, viaOf(open, i));
    } catch (err) {
      // A member that answers "not found" (its creator lost the app, its filter broke) is unavailable.
      if (!(err instanceof AppError)) throw err;
    }
    members.push(data);
    kinds.push(member?.view.kind ?? '');
  }
  const key = `${view.domainId}\0${view.id}\0${view.configVersion}\0${ctx.locale}\0${kinds.join(',')}`;
  const last = open.preview ? undefined : assembled.get(key);
  if (last && last.members.length === members.length && last.members.every((b, i) => b === members[i])) return last.body;

  // Member answers go in as the bytes they are: never parsed and written again.
  const parts: Buffer[] = [];
  const text = (value: string) => parts.push(Buffer.from(value));
  text(
    `{"view":${JSON.stringify({
      kind: view.kind,
      title: view.title,
      description: view.description,
      blocks: { above: sanitizeRichText(s.blocks.above), below: sanitizeRichText(s.blocks.below) },
      columns: DASHBOARD_COLUMNS,
    })},"items":[`,
  );
  let m = 0;
  for (const [i, item] of s.dashboard.items.entries()) {
    if (i > 0) text(',');
    const cell = { x: item.x, y: item.y, w: Math.min(item.w, DASHBOARD_COLUMNS - item.x), h: item.h };
    if (item.type === 'text') text(JSON.stringify({ type: 'text', html: sanitizeRichText(item.html), ...cell }));
    else if (item.type === 'image') text(JSON.stringify({ type: 'image', url: item.url, alt: item.alt, ...cell }));
    else {
      const data = members[m];
      const kind = kinds[m++];
      if (!data) text(JSON.stringify({ type: 'view', member: i, available: false, ...cell }));
      else {
        // The item's own fields, then its data: `{…,"data":<member's answer>}`.
        text(`${JSON.stringify({ type: 'view', member: i, available: true, kind, ...cell }).slice(0, -1)},"data":`);
        parts.push(data);
        text('}');
      }
    }
  }
  text(']}');
  const body = Buffer.concat(parts);
  if (!open.preview && mayFillCaches(ctx)) assembled.set(key, { members, body });
  return body;
}

/** GET /public/{token}/members/{member}/records/{id}.json: a member's detail page, as its own. */
export async function memberRecord(ctx: Ctx, open: OpenView, index: number, ip: string | null, rawId: string): Promise<Buffer> {
  const member = await openMember(ctx, open, index, ip, 'publicView.detail');
  if (!member || !/^\d{1,10}$/.test(rawId)) throw notFound();
  const id = Number(rawId);
  const revision = id <= MAX_ID ? await recordRevision(ctx.db, member.view.domainId, member.view.appId, id) : null;
  const c = asVisitor(ctx, member.view);
  return cachedVisitorAnswer(c, member, `${viaOf(open, index)}record\0${id}\0${revision ?? 'none'}`, async (reader): Promise<VisitorDetailJson> => {
    const record = await recordInView(reader, id);
    if (!record) throw notFound();
    const fields = reader.fields('publicView.detail');
    const [presented] = await presentRecords(reader, [record], fields);
    return { view: { kind: member.view.kind, title: member.view.title, columns: columnsOf(reader, fields) }, record: presented! };
  });
}
