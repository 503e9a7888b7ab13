// Every route the server has, listed explicitly (no autoload): reading this file tells what the
// server exposes.
import type { RouteSpec } from '../route.js';
import { allowListResetRoutes } from './allow-list-reset.js';
import { apiTokenRoutes } from './api-tokens.js';
import { appAclRoutes } from './app-acl.js';
import { appChangesRoutes } from './app-changes.js';
import { appDeployRoutes } from './app-deploy.js';
import { appFormRoutes } from './app-form.js';
import { appRoutes } from './apps.js';
import { recordRoutes } from './records.js';
import { reportRoutes } from './reports.js';
import { auditRoutes } from './audit.js';
import { bulkRoutes } from './bulk.js';
import { certificateRoutes } from './certificates.js';
import { commentRoutes } from './comments.js';
import { entityPickerRoutes } from './entity-picker.js';
import { recordImportRoutes } from './record-import.js';
import { eventRoutes } from './events.js';
import { groupRoutes } from './groups.js';
import { guestRoutes } from './guests.js';
import { fileRoutes } from './files.js';
import { healthRoutes } from './health.js';
import { historyRoutes } from './history.js';
import { invitationRoutes } from './invitations.js';
import { licenceRoutes } from './licences.js';
import { mailRoutes } from './mail.js';
import { membershipRoutes } from './memberships.js';
import { notificationRoutes } from './notifications.js';
import { organizationRoutes } from './organizations.js';
import { passwordResetRoutes } from './password-reset.js';
import { processRoutes } from './process.js';
import { publicViewRoutes } from './public-views.js';
import { publicVisitRoutes } from './public-visit.js';
import { publicSignInRoutes } from './public-sign-in.js';
import { publicVisitorRoutes } from './public-visitors.js';
import { publicVisitKindRoutes } from './public-visit-kinds.js';
import { recordActionRoutes } from './record-actions.js';
import { securityRoutes } from './security.js';
import { sessionRoutes } from './session.js';
import { sessionAdminRoutes } from './sessions-admin.js';
import { setupRoutes } from './setup.js';
import { spaceExtraRoutes } from './space-extras.js';
import { spacePeopleRoutes } from './space-people.js';
import { spaceRoutes } from './spaces.js';
import { threadRoutes } from './threads.js';
import { twoStepRoutes } from './two-step.js';
import { userRoutes } from './users.js';
import { userSearchRoutes } from './users-search.js';

export const routes: RouteSpec<any>[] = [
  ...healthRoutes,
  ...sessionRoutes,
  ...twoStepRoutes,
  ...passwordResetRoutes,
  ...allowListResetRoutes,
  ...sessionAdminRoutes,
  ...securityRoutes,
  ...licenceRoutes,
  ...certificateRoutes,
  ...setupRoutes,
  ...userRoutes,
  ...userSearchRoutes,
  ...guestRoutes,
  ...invitationRoutes,
  ...mailRoutes,
  ...auditRoutes,
  ...groupRoutes,
  ...organizationRoutes,
  ...membershipRoutes,
  ...fileRoutes,
  ...appRoutes,
  ...appFormRoutes,
  ...reportRoutes,
  ...appAclRoutes,
  ...apiTokenRoutes,
  ...appDeployRoutes,
  ...appChangesRoutes,
  ...processRoutes,
  ...recordActionRoutes,
  ...recordRoutes,
  ...entityPickerRoutes,
  ...recordImportRoutes,
  ...commentRoutes,
  ...threadRoutes,
  ...notificationRoutes,
  ...eventRoutes,
  ...historyRoutes,
  ...bulkRoutes,
  ...spaceRoutes,
  ...spaceExtraRoutes,
  ...spacePeopleRoutes,
  ...publicViewRoutes,
  ...publicVisitRoutes,
  ...publicSignInRoutes,
  ...publicVisitorRoutes,
  ...publicVisitKindRoutes,
];
