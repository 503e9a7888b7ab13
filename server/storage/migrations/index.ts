// The one migration set for both databases, in order. A merged migration is never edited:
// add a new file instead.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-files.js';
import * as m0003 from './0003-apps.js';
import * as m0004 from './0004-records.js';
import * as m0005 from './0005-cursors.js';
import * as m0006 from './0006-record-search.js';
import * as m0007 from './0007-record-search-rows.js';
import * as m0008 from './0008-directory-version.js';
import * as m0009 from './0009-directory-memberships.js';
import * as m0010 from './0010-record-comments.js';
import * as m0011 from './0011-api-tokens.js';
import * as m0012 from './0012-record-history.js';
import * as m0013 from './0013-notifications.js';
import * as m0014 from './0014-spaces.js';
import * as m0015 from './0015-access.js';
import * as m0016 from './0016-allow-list-resets.js';
import * as m0017 from './0017-licences.js';
import * as m0018 from './0018-public-views.js';
import * as m0019 from './0019-public-view-visitors.js';
import * as m0020 from './0020-public-view-operations.js';
import * as m0021 from './0021-change-feed.js';
import * as m0022 from './0022-record-jsonb.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-files': m0002,
  '0003-apps': m0003,
  '0004-records': m0004,
  '0005-cursors': m0005,
  '0006-record-search': m0006,
  '0007-record-search-rows': m0007,
  '0008-directory-version': m0008,
  '0009-directory-memberships': m0009,
  '0010-record-comments': m0010,
  '0011-api-tokens': m0011,
  '0012-record-history': m0012,
  '0013-notifications': m0013,
  '0014-spaces': m0014,
  '0015-access': m0015,
  '0016-allow-list-resets': m0016,
  '0017-licences': m0017,
  '0018-public-views': m0018,
  '0019-public-view-visitors': m0019,
  '0020-public-view-operations': m0020,
  '0021-change-feed': m0021,
  '0022-record-jsonb': m0022,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
