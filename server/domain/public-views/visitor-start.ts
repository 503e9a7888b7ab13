// GET /public/{token}/view.json: what the visitor's page needs to start — the kind of view the
// token names, its title, whether it has e-mail sign-in, a calendar's time zone. Asked after every
// gate (public-visit.ts `visit`), like any visitor answer, so it tells nobody more than the
// view's own data path would: an unknown or unpublished view is "not found", a pending password
// or sign-in is that gate's answer. Made through the reader like every answer (a view whose
// creator can no longer read its app is "not found" here too) and cached the same way.
import type { VisitorViewStartJson } from '../../../common/api/public-view-start.js';
import type { Ctx } from '../context.js';
import type { OpenView } from './open-view.js';
import { cachedVisitorAnswer } from './visitor-answers.js';
import { emailAuthOf } from './visitors/sign-in-request.js';

export async function visitorStart(ctx: Ctx, open: OpenView): Promise<Buffer> {
  return cachedVisitorAnswer(ctx, open, 'start', async (): Promise<VisitorViewStartJson> => {
    const { view } = open;
    return {
      kind: view.kind,
      title: view.title,
      signIn: emailAuthOf(view) !== null,
      ...(view.kind === 'calendar' ? { timeZone: open.timeZone ?? 'Asia/Tokyo' } : {}),
    };
  });
}
