// The one migration set for both databases, in order. A merged migration is never edited:
// add a new file instead.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-foundation.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
