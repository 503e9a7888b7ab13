// Space templates: one row each, whose `definition` is the document space-templates-model.ts
// describes. Only administrators reach these (common/access.ts 'space.template'), and using a
// template copies it; nothing else reads the rows.
import { nextIds, type Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';

export const TEMPLATE_SEQUENCE = 'spaceTemplate';

export interface StoredTemplate<T> {
  id: number;
  name: string;
  definition: T;
  creatorId: number;
  createdAt: Date;
}

export async function insertTemplate(db: Queryable, domainId: string, t: Omit<StoredTemplate<unknown>, 'id'>): Promise<number> {
  const [id] = await nextIds(db, domainId, TEMPLATE_SEQUENCE, 1);
  await db
    .insertInto('spaceTemplates')
    .values({ domainId, id: id!, name: t.name, definition: toDb.json(t.definition), creatorId: t.creatorId, createdAt: toDb.time(t.createdAt) })
    .execute();
  return id!;
}

export async function findTemplate<T>(db: Queryable, domainId: string, id: number): Promise<StoredTemplate<T> | null> {
  const row = await db.selectFrom('spaceTemplates').selectAll().where('domainId', '=', domainId).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return { id: Number(row.id), name: row.name, definition: fromDb.json<T>(row.definition, {} as T), creatorId: Number(row.creatorId), createdAt: fromDb.time(row.createdAt) };
}

/** Every template of the domain in id order, definitions included (the list counts their apps). */
export async function listTemplates<T>(db: Queryable, domainId: string): Promise<StoredTemplate<T>[]> {
  const rows = await db.selectFrom('spaceTemplates').selectAll().where('domainId', '=', domainId).orderBy('id', 'asc').execute();
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    definition: fromDb.json<T>(row.definition, {} as T),
    creatorId: Number(row.creatorId),
    createdAt: fromDb.time(row.createdAt),
  }));
}

export async function deleteTemplate(db: Queryable, domainId: string, id: number): Promise<boolean> {
  const result = await db.deleteFrom('spaceTemplates').where('domainId', '=', domainId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The copies of a template's apps are the new space creator's: creator and last modifier. */
export async function attributeApps(db: Queryable, domainId: string, appIds: number[], userId: number): Promise<void> {
  if (appIds.length === 0) return;
  await db.updateTable('apps').set({ creatorId: userId, modifierId: userId }).where('domainId', '=', domainId).where('id', 'in', appIds).execute();
}
