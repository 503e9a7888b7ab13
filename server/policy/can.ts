// THE authorization module. `can` is pure: the facts it needs arrive as arguments. Routes
// declare an Action; object-level checks for later areas (spaces, apps, records) extend the
// Target union here rather than deciding access in a route or a query.
import { type Action, roleMay } from '../../common/access.js';
import { type Actor, roleOf } from './actor.js';

export type Target = { kind: 'domain'; domainId: string };

export function can(actor: Actor, action: Action, target: Target = { kind: 'domain', domainId: actor.domainId }): boolean {
  if (target.domainId !== actor.domainId) return false;
  const role = roleOf(actor);
  if (role === null) return false;
  return roleMay(role, action);
}
