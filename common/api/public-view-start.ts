// What a visitor's page needs to start: the kind of view its token names, and little else. One
// request (`GET /public/{token}/view.json`) behind the same gates as every visitor request, so a
// page no longer asks each kind's data path in turn. A gate still pending (password, e-mail
// sign-in, network, busy) answers here exactly as on any other visitor path.
import type { PublicViewKind } from './public-views.js';

export const PUBLIC_VIEW_START_PATH = '/public/:token/view.json';

export interface VisitorViewStartJson {
  kind: PublicViewKind;
  title: string;
  /** The view has e-mail sign-in (every MyPage has): the page shows who is signed in. */
  signIn: boolean;
  /** A calendar's time zone (its creator's): the month it opens on is today there. */
  timeZone?: string;
}
