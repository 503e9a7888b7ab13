// The visitor paths of the kinds beyond the list (card, calendar, graph and advanced graph,
// segment, dashboard). Each passes the same gates as every visitor request (public-visit.ts:
// budgets, "not found", plan, IP allow-list, password), then asks for its kind: a path of
// another kind's view answers "not found", like a view that does not exist. A dashboard's member
// pages and attachments go through the dashboard's path and gates, then the member's own checks.
import type { FastifyRequest } from 'fastify';
import {
  PUBLIC_CALENDAR_PATH,
  PUBLIC_CARDS_PATH,
  PUBLIC_DASHBOARD_PATH,
  PUBLIC_GRAPH_PATH,
  PUBLIC_MEMBER_FILE_PATH,
  PUBLIC_MEMBER_RECORD_PATH,
  PUBLIC_SEGMENTS_PATH,
  visitorCalendarInput,
  visitorCardsInput,
  visitorSegmentInput,
} from '../../../common/api/public-view-kinds.js';
import type { PublicViewKind } from '../../../common/api/public-views.js';
import type { Services } from '../../domain/context.js';
import { openMember } from '../../domain/public-views/kinds/members.js';
import { visitorCalendar } from '../../domain/public-views/kinds/visitor-calendar.js';
import { visitorCards } from '../../domain/public-views/kinds/visitor-cards.js';
import { memberRecord, visitorDashboard } from '../../domain/public-views/kinds/visitor-dashboard.js';
import { visitorGraph } from '../../domain/public-views/kinds/visitor-graph.js';
import { visitorSegment } from '../../domain/public-views/kinds/visitor-segment.js';
import { asVisitor, notFound } from '../../domain/public-views/open-view.js';
import { visitorFile } from '../../domain/public-views/visitor-file.js';
import type { Limiter } from '../../infra/limiter.js';
import { sendDownload } from '../present/download.js';
import { defineRoute } from '../route.js';
import { clientIp } from '../request-facts.js';
import { visit, visitorAnswer, visitorJson } from './public-visit.js';

/** The gates, then the view only if it is of one of `kinds`. */
async function visitKind(request: FastifyRequest, services: Services, limiter: Limiter, kinds: PublicViewKind[]) {
  const v = await visit(request, services, limiter, 'publicView.list');
  if (!kinds.includes(v.open.view.kind)) throw notFound();
  return v;
}

/** `members/{n}`: an item index of the dashboard's layout. */
function memberIndex(request: FastifyRequest): number {
  const raw = (request.params as { member: string }).member;
  if (!/^\d{1,2}$/.test(raw)) throw notFound();
  return Number(raw);
}

export const publicVisitKindRoutes = [
  defineRoute({
    method: 'GET',
    url: PUBLIC_CARDS_PATH,
    access: 'public',
    input: visitorCardsInput,
    handler: async ({ input, request, reply, services, limiter }) =>
      visitorAnswer(request, reply, async () => {
        const { ctx, open } = await visitKind(request, services, limiter, ['card']);
        return visitorJson(request, reply, open.view, await visitorCards(ctx, open, input));
      }),
  }),
  defineRoute({
    method: 'GET',
    url: PUBLIC_CALENDAR_PATH,
    access: 'public',
    input: visitorCalendarInput,
    handler: async ({ input, request, reply, services, limiter }) =>
      visitorAnswer(request, reply, async () => {
        const { ctx, open } = await visitKind(request, services, limiter, ['calendar']);
        return visitorJson(request, reply, open.view, await visitorCalendar(ctx, open, input));
      }),
  }),
  defineRoute({
    method: 'GET',
    url: PUBLIC_GRAPH_PATH,
    access: 'public',
    handler: async ({ request, reply, services, limiter }) =>
      visitorAnswer(request, reply, async () => {
        const { ctx, open } = await visitKind(request, services, limiter, ['graph', 'advancedGraph']);
        return visitorJson(request, reply, open.view, await visitorGraph(ctx, open));
      }),
  }),
  defineRoute({
    method: 'GET',
    url: PUBLIC_SEGMENTS_PATH,
    access: 'public',
    input: visitorSegmentInput,
    handler: async ({ input, request, reply, services, limiter }) =>
      visitorAnswer(request, reply, async () => {
        const { ctx, open } = await visitKind(request, services, limiter, ['segment']);
        return visitorJson(request, reply, open.view, await visitorSegment(ctx, open, input));
      }),
  }),
  defineRoute({
    method: 'GET',
    url: PUBLIC_DASHBOARD_PATH,
    access: 'public',
    handler: async ({ request, reply, services, limiter }) =>
      visitorAnswer(request, reply, async () => {
        const { ctx, open } = await visitKind(request, services, limiter, ['dashboard']);
        return visitorJson(request, reply, open.view, await visitorDashboard(ctx, open, clientIp(request)));
      }),
  }),
  defineRoute({
    method: 'GET',
    url: PUBLIC_MEMBER_RECORD_PATH,
    access: 'public',
    handler: async ({ request, reply, services, limiter }) =>
      visitorAnswer(request, reply, async () => {
        const { ctx, open } = await visitKind(request, services, limiter, ['dashboard']);
        const id = (request.params as { id: string }).id;
        return visitorJson(request, reply, open.view, await memberRecord(ctx, open, memberIndex(request), clientIp(request), id));
      }),
  }),
  defineRoute({
    method: 'GET',
    url: PUBLIC_MEMBER_FILE_PATH,
    access: 'public',
    handler: async ({ request, reply, services, limiter }) =>
      visitorAnswer(request, reply, async () => {
        const { ctx, open } = await visitKind(request, services, limiter, ['dashboard']);
        const member = await openMember(ctx, open, memberIndex(request), clientIp(request), 'publicView.file');
        if (!member) throw notFound();
        const params = request.params as { record: string; field: string; file: string };
        const query = request.query as { expires?: unknown; sig?: unknown };
        const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
        const file = await visitorFile(asVisitor(ctx, member.view), member, { ...params, expires: str(query.expires), sig: str(query.sig) });
        return sendDownload(reply, file, 'private, no-store');
      }),
  }),
];
