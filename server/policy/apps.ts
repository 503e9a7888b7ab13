// Object-level rules for apps. Until app permissions (app/acl.json) arrive, kintone's defaults
// apply: every regular user of the domain may view a deployed app; its creator and the
// domain's administrators manage it. Spaces, guests and API tokens extend these rules later.
import { roleMay } from '../../common/access.js';
import { type Actor, roleOf } from './actor.js';

export interface AppFacts {
  domainId: string;
  id: number;
  creatorId: number;
  deployed: boolean;
}

export type AppAction = 'app.read' | 'app.manage';

export function canOnApp(actor: Actor, action: AppAction, app: AppFacts): boolean {
  if (actor.domainId !== app.domainId) return false;
  const role = roleOf(actor);
  if (role === null || !roleMay(role, action)) return false;
  if (role === 'system' || role === 'administrator') return true;
  if (actor.kind !== 'user') return false;
  if (action === 'app.read') return app.deployed || actor.userId === app.creatorId;
  return actor.userId === app.creatorId;
}
