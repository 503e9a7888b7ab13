// A manager's preview of a public view (ours): the view as a visitor would see it — a draft's
// kind, fields, filter, sort, search form and blocks, published or not, saved or not — without a
// visitor URL. Only the view's app managers may ask (the management API), and the answer is made
// by the visitors' own reader and policy (server/domain/public-views/preview-view.ts), reading as
// the view's creator narrowed to the draft. Nothing about it is reachable under /public/.
import { z } from 'zod';
import { numericId } from './params.js';
import { MAX_SEARCH_LENGTH, PUBLIC_VIEW_KINDS, type PublicViewKind } from './public-views.js';

export const PUBLIC_VIEW_PREVIEW_PATH = '/v1/public-view/preview.json';
/** A preview's attachment, for the manager's session that asked for the preview (the links carry every parameter). */
export const PUBLIC_VIEW_PREVIEW_FILE_PATH = '/v1/public-view/preview/file';

const text = z.string().max(200);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dateFormat');
const attrKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'invalid');

export const previewViewInput = z.object({
  app: numericId,
  /** The saved view the draft changes (it reads as that view's creator); absent: a new view. */
  id: z
    .string()
    .regex(/^pv_[0-9a-z]{20}$/, 'invalid')
    .optional(),
  kind: z.enum(PUBLIC_VIEW_KINDS).default('list'),
  title: z.string().max(128).default(''),
  description: z.string().max(10_000).default(''),
  settings: z.record(z.string(), z.unknown()),
  // What a visitor would ask of the page: its page, search text, tab, dates, search form.
  page: z.number().int().min(1).max(1_000_000).optional(),
  q: z.string().max(MAX_SEARCH_LENGTH).optional(),
  tab: z.string().max(1_000).optional(),
  from: day.optional(),
  to: day.optional(),
  form: z.record(text, z.union([text, z.array(text).max(50)])).optional(),
  /** With `record`: the detail page of a dashboard's member `member` (an item index of its layout). */
  member: z.number().int().min(0).max(99).optional(),
  /** A record's detail page instead of the view's page. */
  record: z
    .string()
    .regex(/^\d{1,10}$/, 'invalid')
    .optional(),
  /**
   * MyPage: the visitor to preview as. Their registered attributes are used unless `attributes`
   * is given (a visitor not registered yet).
   */
  as: z
    .object({
      email: z.string().trim().min(3).max(254),
      attributes: z.record(attrKey, z.string().max(1_000)).optional(),
    })
    .optional(),
});
export type PreviewViewInput = z.output<typeof previewViewInput>;

/** The answer the visitor's path of `kind` would give (VisitorListJson, VisitorGraphJson, …). */
export interface PublicViewPreviewJson {
  kind: PublicViewKind;
  data: unknown;
}
