// Who may do what at the domain level. Object-level rules (this space, this record) live in
// server/policy and take these as their starting point. The table is exhaustive: adding an
// Action does not compile until every role has an answer.

export type Locale = 'ja' | 'en';

export type Role = 'administrator' | 'user' | 'guest' | 'apiToken' | 'publicViewer' | 'system';

export type Action =
  | 'session.read' // see one's own session, sign out
  | 'directory.read' // list users, groups and organisations through the User API
  | 'directory.manage' // create, update, suspend and delete users, groups, organisations
  | 'audit.read'
  | 'outbox.read'
  | 'mail.test' // send a test message to check the mail settings
  | 'file.upload' // put a file in temporary storage (POST file.json)
  | 'file.download' // GET file.json; whether this file may be read is decided per file (server/files)
  | 'app.create'
  | 'app.read' // see a live app and its form (object rules in server/policy/apps.ts)
  | 'app.manage' // edit preview settings and deploy (object rules in server/policy/apps.ts)
  | 'app.tokens' // make and change an app's API tokens: people only, so no token mints another
  | 'guest.manage' // add, delete, suspend and list guest accounts (guests.json)
  | 'space.create' // create a space (POST space.json); what happens inside one is server/policy/spaces.ts
  | 'space.createGuest' // create a guest space: kintone's default lets administrators only
  | 'space.template' // save, list and delete space templates (kintone: administrators only)
  | 'security.manage' // the domain's security settings: password policy, second factors, access restrictions
  | 'licence.manage' // the contract (course, term, licences, public-view plan), licence usage and estimates
  | 'publicView.manage' // make and change an app's public views (which apps: server/domain/public-views, app.manage)
  | 'publicView.read'; // read one public view as its visitor (which view and what of it: server/policy/public-views.ts)

export const ACTIONS: readonly Action[] = [
  'session.read',
  'directory.read',
  'directory.manage',
  'audit.read',
  'outbox.read',
  'mail.test',
  'file.upload',
  'file.download',
  'app.create',
  'app.read',
  'app.manage',
  'app.tokens',
  'guest.manage',
  'space.create',
  'space.createGuest',
  'space.template',
  'security.manage',
  'licence.manage',
  'publicView.manage',
  'publicView.read',
];

export const ROLE_ACTIONS = {
  administrator: {
    'session.read': true,
    'directory.read': true,
    'directory.manage': true,
    'audit.read': true,
    'outbox.read': true,
    'mail.test': true,
    'file.upload': true,
    'file.download': true,
    'app.create': true,
    'app.read': true,
    'app.manage': true,
    'app.tokens': true,
    'guest.manage': true,
    'space.create': true,
    'space.createGuest': true,
    'space.template': true,
    'security.manage': true,
    'licence.manage': true,
    'publicView.manage': true,
    'publicView.read': false,
  },
  user: {
    'session.read': true,
    'directory.read': false,
    'directory.manage': false,
    'audit.read': false,
    'outbox.read': false,
    'mail.test': false,
    'file.upload': true,
    'file.download': true,
    'app.create': true,
    'app.read': true,
    'app.manage': true,
    'app.tokens': true,
    'guest.manage': false,
    'space.create': true,
    'space.createGuest': false,
    'space.template': false,
    'security.manage': false,
    'licence.manage': false,
    'publicView.manage': true,
    'publicView.read': false,
  },
  guest: {
    'session.read': true,
    'directory.read': false,
    'directory.manage': false,
    'audit.read': false,
    'outbox.read': false,
    'mail.test': false,
    'file.upload': true,
    'file.download': true,
    'app.create': false,
    'app.read': true,
    'app.manage': false,
    'app.tokens': false,
    'guest.manage': false,
    'space.create': false,
    'space.createGuest': false,
    'space.template': false,
    'security.manage': false,
    'licence.manage': false,
    'publicView.manage': false,
    'publicView.read': false,
  },
  // Records, files and app settings only, and only for the apps the tokens belong to.
  apiToken: {
    'session.read': false,
    'directory.read': false,
    'directory.manage': false,
    'audit.read': false,
    'outbox.read': false,
    'mail.test': false,
    'file.upload': true,
    'file.download': true,
    'app.create': false,
    'app.read': true,
    'app.manage': true,
    'app.tokens': false,
    'guest.manage': false,
    'space.create': false,
    'space.createGuest': false,
    'space.template': false,
    'security.manage': false,
    'licence.manage': false,
    'publicView.manage': false,
    'publicView.read': false,
  },
  publicViewer: {
    'session.read': false,
    'directory.read': false,
    'directory.manage': false,
    'audit.read': false,
    'outbox.read': false,
    'mail.test': false,
    'file.upload': false,
    'file.download': false,
    'app.create': false,
    'app.read': false,
    'app.manage': false,
    'app.tokens': false,
    'guest.manage': false,
    'space.create': false,
    'space.createGuest': false,
    'space.template': false,
    'security.manage': false,
    'licence.manage': false,
    'publicView.manage': false,
    'publicView.read': true,
  },
  system: {
    'session.read': false,
    'directory.read': true,
    'directory.manage': true,
    'audit.read': true,
    'outbox.read': true,
    'mail.test': true,
    'file.upload': false,
    'file.download': false,
    'app.create': true,
    'app.read': true,
    'app.manage': true,
    'app.tokens': false,
    'guest.manage': true,
    'space.create': true,
    'space.createGuest': true,
    'space.template': true,
    'security.manage': true,
    'licence.manage': true,
    'publicView.manage': true,
    'publicView.read': false,
  },
} as const satisfies Record<Role, Record<Action, boolean>>;

export function roleMay(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role][action];
}
