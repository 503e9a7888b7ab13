import { type Selectable, sql } from 'kysely';
import type { Scope } from '../policy/scope.js';
import type { Queryable } from './db.js';
import { dialectOf, fromDb, toDb } from './dialect.js';
import type { AppsTable, DeployStatus } from './tables/apps.table.js';

export interface App {
  domainId: string;
  id: number;
  code: string;
  name: string;
  description: string;
  spaceId: number | null;
  threadId: number | null;
  creatorId: number;
  createdAt: Date;
  modifierId: number;
  modifiedAt: Date;
  deployed: boolean;
}

export type Stage = 'preview' | 'live';

function toApp(row: Selectable<AppsTable>): App {
  return {
    domainId: row.domainId,
    id: Number(row.id),
    code: row.code,
    name: row.name,
    description: row.description,
    spaceId: row.spaceId == null ? null : Number(row.spaceId),
    threadId: row.threadId == null ? null : Number(row.threadId),
    creatorId: Number(row.creatorId),
    createdAt: fromDb.time(row.createdAt),
    modifierId: Number(row.modifierId),
    modifiedAt: fromDb.time(row.modifiedAt),
    deployed: fromDb.bool(row.deployed),
  };
}

export async function insertApp(db: Queryable, app: App): Promise<void> {
  const kind = dialectOf(db);
  await db
    .insertInto('apps')
    .values({
      ...app,
      createdAt: toDb.time(app.createdAt),
      modifiedAt: toDb.time(app.modifiedAt),
      deployed: toDb.bool(kind, app.deployed),
    })
    .execute();
}

export async function findApp(db: Queryable, domainId: string, id: number): Promise<App | null> {
  const row = await db.selectFrom('apps').selectAll().where('domainId', '=', domainId).where('id', '=', id).executeTakeFirst();
  return row ? toApp(row) : null;
}

/**
 * What every records call starts from, in one statement: the app, its live revision (null
 * until deployed) and its domain's directory version (see migration 0008).
 */
export async function findAppForRecords(
  db: Queryable,
  domainId: string,
  id: number,
): Promise<{ app: App; liveRevision: number | null; directoryVersion: number } | null> {
  return (await findAppsForRecords(db, domainId, [id])).get(id) ?? null;
}

/** findAppForRecords for several apps in one statement. */
export async function findAppsForRecords(
  db: Queryable,
  domainId: string,
  ids: number[],
): Promise<Map<number, { app: App; liveRevision: number | null; directoryVersion: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('apps')
    .innerJoin('domains', 'domains.id', 'apps.domainId')
    .leftJoin('appDefinitions as live', (j) =>
      j.onRef('live.domainId', '=', 'apps.domainId').onRef('live.appId', '=', 'apps.id').on('live.stage', '=', 'live'),
    )
    .selectAll('apps')
    .select(['live.revision as liveRevision', 'domains.directoryVersion'])
    .where('apps.domainId', '=', domainId)
    .where('apps.id', 'in', ids)
    .execute();
  return new Map(
    rows.map(({ liveRevision, directoryVersion, ...app }) => [
      Number(app.id),
      { app: toApp(app), liveRevision: liveRevision == null ? null : Number(liveRevision), directoryVersion: Number(directoryVersion) },
    ]),
  );
}

export async function findApps(db: Queryable, domainId: string, ids: number[]): Promise<Map<number, App>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('apps').selectAll().where('domainId', '=', domainId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), toApp(r)]));
}

export async function appCodeTaken(db: Queryable, domainId: string, code: string, exceptId: number): Promise<boolean> {
  const row = await db
    .selectFrom('apps')
    .select('id')
    .where('domainId', '=', domainId)
    .where('code', '=', code)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return Boolean(row);
}

export interface AppFilter {
  ids?: number[];
  codes?: string[];
  name?: string;
  spaceIds?: number[];
  offset: number;
  limit: number;
}

/** Deployed apps in scope, in id order. */
export async function listApps(db: Queryable, scope: Scope<'apps'>, filter: AppFilter): Promise<App[]> {
  if (!scope.all) return [];
  let q = db
    .selectFrom('apps')
    .selectAll()
    .where('domainId', '=', scope.domainId)
    .where('deployed', '=', toDb.bool(dialectOf(db), true));
  if (filter.ids) q = q.where('id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.codes) q = q.where('code', 'in', filter.codes.length ? filter.codes : ['\u0000']);
  if (filter.spaceIds) q = q.where('spaceId', 'in', filter.spaceIds.length ? filter.spaceIds : [-1]);
  if (filter.name) {
    // Case-insensitive partial match; LIKE wildcards in the name are matched literally.
    const pattern = `%${filter.name.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`lower(name) like ${pattern} escape '\\'`);
  }
  const rows = await q.orderBy('id', 'asc').offset(filter.offset).limit(filter.limit).execute();
  return rows.map(toApp);
}

export async function touchApp(db: Queryable, domainId: string, appId: number, modifierId: number, at: Date): Promise<void> {
  await db
    .updateTable('apps')
    .set({ modifierId, modifiedAt: toDb.time(at) })
    .where('domainId', '=', domainId)
    .where('id', '=', appId)
    .execute();
}

export async function loadDefinition<T>(
  db: Queryable,
  domainId: string,
  appId: number,
  stage: Stage,
): Promise<{ revision: number; definition: T } | null> {
  const row = await db
    .selectFrom('appDefinitions')
    .select(['revision', 'definition'])
    .where('domainId', '=', domainId)
    .where('appId', '=', appId)
    .where('stage', '=', stage)
    .executeTakeFirst();
  return row ? { revision: Number(row.revision), definition: fromDb.json<T>(row.definition, {} as T) } : null;
}

export async function saveDefinition(
  db: Queryable,
  domainId: string,
  appId: number,
  stage: Stage,
  revision: number,
  definition: unknown,
  at: Date,
): Promise<void> {
  await db
    .insertInto('appDefinitions')
    .values({ domainId, appId, stage, revision, definition: toDb.json(definition), updatedAt: toDb.time(at) })
    .onConflict((oc) =>
      oc.columns(['domainId', 'appId', 'stage']).doUpdateSet({
        revision,
        definition: toDb.json(definition),
        updatedAt: toDb.time(at),
      }),
    )
    .execute();
}

export async function setDeployStatus(db: Queryable, domainId: string, appId: number, status: DeployStatus, at: Date): Promise<void> {
  await db
    .insertInto('appDeploys')
    .values({ domainId, appId, status, requestedAt: toDb.time(at), finishedAt: status === 'PROCESSING' ? null : toDb.time(at) })
    .onConflict((oc) =>
      oc.columns(['domainId', 'appId']).doUpdateSet({ status, requestedAt: toDb.time(at), finishedAt: status === 'PROCESSING' ? null : toDb.time(at) }),
    )
    .execute();
}

export async function deployStatuses(db: Queryable, domainId: string, appIds: number[]): Promise<Map<number, DeployStatus>> {
  if (appIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('appDeploys')
    .select(['appId', 'status'])
    .where('domainId', '=', domainId)
    .where('appId', 'in', appIds)
    .execute();
  return new Map(rows.map((r) => [Number(r.appId), r.status]));
}

export async function markDeployed(db: Queryable, domainId: string, appId: number, values: { code: string; name: string; description: string }): Promise<void> {
  await db
    .updateTable('apps')
    .set({ ...values, deployed: toDb.bool(dialectOf(db), true) })
    .where('domainId', '=', domainId)
    .where('id', '=', appId)
    .execute();
}

/**
 * Saves a stage only if nobody saved it since `expected` was read: two concurrent edits cannot
 * both win. Returns false when the revision moved on.
 */
export async function replaceDefinition(
  db: Queryable,
  domainId: string,
  appId: number,
  stage: Stage,
  expected: number,
  revision: number,
  definition: unknown,
  at: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('appDefinitions')
    .set({ revision, definition: toDb.json(definition), updatedAt: toDb.time(at) })
    .where('domainId', '=', domainId)
    .where('appId', '=', appId)
    .where('stage', '=', stage)
    .where('revision', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The revision a stage is at, without reading the definition itself. */
export async function stageRevision(db: Queryable, domainId: string, appId: number, stage: Stage): Promise<number | null> {
  const row = await db
    .selectFrom('appDefinitions')
    .select('revision')
    .where('domainId', '=', domainId)
    .where('appId', '=', appId)
    .where('stage', '=', stage)
    .executeTakeFirst();
  return row ? Number(row.revision) : null;
}
