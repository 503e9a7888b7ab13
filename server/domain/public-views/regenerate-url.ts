// POST public-view/regenerate.json: a new URL token (shown this once) and a new signing key. The
// old URL and every attachment link made under it answer "not found" from the next request on.
import { newSecret } from '../../../common/ids.js';
import { type PublicViewWithUrl, publicViewPath } from '../../../common/api/public-views.js';
import { sha256 } from '../auth/secrets.js';
import type { Ctx } from '../context.js';
import { editorOf, managedView, presentViews } from './managed-view.js';
import { saveView } from './save-view.js';

export async function regeneratePublicViewUrl(ctx: Ctx, id: string): Promise<PublicViewWithUrl> {
  editorOf(ctx);
  const { view } = await managedView(ctx, id);
  const token = newSecret();
  const saved = await saveView(ctx, view, { ...view, urlTokenHash: sha256(token), signingKey: newSecret() }, { action: 'publicView.regenerate', detail: {}, endSessions: true });
  return { view: (await presentViews(ctx, [saved]))[0]!, token, path: publicViewPath(token) };
}
