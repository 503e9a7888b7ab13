import type {
  AllowListResetsTable,
  CertificateAuthoritiesTable,
  ClientCertificatesTable,
  GuestInvitationsTable,
  LoginChallengesTable,
  PasswordHistoryTable,
  PasswordResetsTable,
  UserTotpTable,
} from './access.table.js';
import type { ApiTokensTable, AppDefinitionsTable, AppDeploysTable, AppsTable } from './apps.table.js';
import type { AuditLogTable } from './audit.table.js';
import type { RecordCommentCountersTable, RecordCommentsTable } from './comments.table.js';
import type { SessionsTable } from './auth.table.js';
import type {
  GroupsTable,
  GroupUsersTable,
  OrganizationsTable,
  UserOrganizationsTable,
  UsersTable,
} from './directory.table.js';
import type { DomainHostsTable, DomainsTable, SequencesTable, SetupTokensTable } from './domains.table.js';
import type { FilesTable } from './files.table.js';
import type { RecordVersionsTable } from './history.table.js';
import type { DomainContractsTable, GuestTrialsTable, LicenceRemindersTable } from './licences.table.js';
import type { MailOutboxTable } from './mail.table.js';
import type { PublicViewSessionsTable, PublicViewsTable, PublicViewVisitorSyncsTable } from './public-views.table.js';
import type { PublicViewSignInsTable, PublicViewVisitorsTable } from './public-view-visitors.table.js';
import type { NotificationsTable, ReminderMarksTable, UserNotificationSettingsTable } from './notifications.table.js';
import type {
  GuestProfilesTable,
  SpaceFavouritesTable,
  SpaceGuestsTable,
  SpaceMembersTable,
  SpacesTable,
  SpaceTemplatesTable,
  SpaceThreadsTable,
  ThreadCommentLikesTable,
  ThreadCommentsTable,
  ThreadFollowersTable,
} from './spaces.table.js';
import type { RecordCursorsTable, RecordSearchTable, RecordsTable, RecordUniqueValuesTable } from './records.table.js';

export interface Database {
  domainContracts: DomainContractsTable;
  guestTrials: GuestTrialsTable;
  licenceReminders: LicenceRemindersTable;
  domains: DomainsTable;
  domainHosts: DomainHostsTable;
  sequences: SequencesTable;
  setupTokens: SetupTokensTable;
  users: UsersTable;
  groups: GroupsTable;
  groupUsers: GroupUsersTable;
  organizations: OrganizationsTable;
  userOrganizations: UserOrganizationsTable;
  sessions: SessionsTable;
  auditLog: AuditLogTable;
  mailOutbox: MailOutboxTable;
  files: FilesTable;
  apps: AppsTable;
  appDefinitions: AppDefinitionsTable;
  appDeploys: AppDeploysTable;
  apiTokens: ApiTokensTable;
  records: RecordsTable;
  recordUniqueValues: RecordUniqueValuesTable;
  recordCursors: RecordCursorsTable;
  recordSearch: RecordSearchTable;
  recordComments: RecordCommentsTable;
  recordCommentCounters: RecordCommentCountersTable;
  recordVersions: RecordVersionsTable;
  notifications: NotificationsTable;
  userNotificationSettings: UserNotificationSettingsTable;
  reminderMarks: ReminderMarksTable;
  spaces: SpacesTable;
  spaceMembers: SpaceMembersTable;
  spaceGuests: SpaceGuestsTable;
  guestProfiles: GuestProfilesTable;
  spaceThreads: SpaceThreadsTable;
  threadFollowers: ThreadFollowersTable;
  threadComments: ThreadCommentsTable;
  threadCommentLikes: ThreadCommentLikesTable;
  spaceTemplates: SpaceTemplatesTable;
  spaceFavourites: SpaceFavouritesTable;
  guestInvitations: GuestInvitationsTable;
  loginChallenges: LoginChallengesTable;
  passwordResets: PasswordResetsTable;
  allowListResets: AllowListResetsTable;
  passwordHistory: PasswordHistoryTable;
  userTotp: UserTotpTable;
  clientCertificates: ClientCertificatesTable;
  certificateAuthorities: CertificateAuthoritiesTable;
  publicViews: PublicViewsTable;
  publicViewSessions: PublicViewSessionsTable;
  publicViewVisitors: PublicViewVisitorsTable;
  publicViewSignIns: PublicViewSignInsTable;
  publicViewVisitorSyncs: PublicViewVisitorSyncsTable;
}
