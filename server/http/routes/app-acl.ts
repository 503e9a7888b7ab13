// Permission settings: app/acl, record/acl and field/acl, GET and PUT on live and preview. Only
// app managers read or change them (permissions.ts); a live PUT deploys the app. And what the
// caller may do with given records (records/acl/evaluate.json).
import type { z } from 'zod';
import { evaluateAclInput, putAppAclInput, putFieldAclInput, putRecordAclInput } from '../../../common/api/acl.js';
import { appParam } from '../../../common/api/apps.js';
import type { Ctx } from '../../domain/context.js';
import { evaluateAcl } from '../../domain/records/evaluate-acl.js';
import { readPermissions, saveAppAcl, saveFieldAcl, saveRecordAcl } from '../../domain/apps/permissions.js';
import type { Stage } from '../../storage/apps.repo.js';
import { type RouteSpec, defineRoute } from '../route.js';

const path = (stage: Stage, name: string) => (stage === 'live' ? `/k/v1/${name}.json` : `/k/v1/preview/${name}.json`);

type Input = z.ZodType<{ app: number; rights: unknown[]; revision?: number }>;

function aclRoutes<S extends Input>(
  name: string,
  pick: 'appAcl' | 'recordAcl' | 'fieldAcl',
  input: S,
  save: (ctx: Ctx, app: number, stage: Stage, rights: z.output<S>['rights'], revision?: number) => Promise<number>,
): RouteSpec<z.ZodType>[] {
  return (['live', 'preview'] as const).flatMap((stage) => [
    defineRoute({
      method: 'GET',
      url: path(stage, name),
      access: 'app.manage',
      input: appParam,
      handler: async ({ input: i, read }) => {
        const found = await readPermissions(read(), i.app, stage);
        return { rights: found[pick], revision: String(found.revision) };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: path(stage, name),
      access: 'app.manage',
      input,
      handler: async ({ input: i, command }) => ({
        revision: String(await command((ctx) => save(ctx, i.app, stage, i.rights, i.revision))),
      }),
    }),
  ]);
}

export const appAclRoutes = [
  ...aclRoutes('app/acl', 'appAcl', putAppAclInput, saveAppAcl),
  ...aclRoutes('record/acl', 'recordAcl', putRecordAclInput, saveRecordAcl),
  ...aclRoutes('field/acl', 'fieldAcl', putFieldAclInput, saveFieldAcl),
  defineRoute({
    method: 'GET',
    url: '/k/v1/records/acl/evaluate.json',
    access: 'app.read',
    input: evaluateAclInput,
    handler: async ({ input, read }) => ({ rights: await evaluateAcl(read(), input.app, input.ids) }),
  }),
];
