import type { Context } from '../context';
import type { DeploymentDoc } from '../../store/models/Deployment';
import * as deployments from '../../services/deployments';
import { importDeployments } from '../../import/deployments';
import { accessOf } from './access';
import { recordFields, type PageArgsInput } from './shared';
import { presentImport } from './importResult';
import { loadRef } from '../loaders';

export const deploymentResolvers = {
  Query: {
    deployment: async (_: unknown, a: { id: string }, ctx: Context) => deployments.getDeployment(await accessOf(ctx), a.id),
    deployments: async (_: unknown, a: PageArgsInput & { filter?: deployments.DeploymentFilter }, ctx: Context) =>
      deployments.listDeployments(await accessOf(ctx), a.filter ?? {}, a),
  },
  Mutation: {
    createDeployment: async (_: unknown, a: { input: deployments.CreateDeploymentInput }, ctx: Context) =>
      deployments.createDeployment(await accessOf(ctx), a.input),
    updateDeployment: async (_: unknown, a: { id: string; input: deployments.UpdateDeploymentInput }, ctx: Context) =>
      deployments.updateDeployment(await accessOf(ctx), a.id, a.input),
    cancelDeployment: async (_: unknown, a: { id: string }, ctx: Context) => deployments.cancelDeployment(await accessOf(ctx), a.id),
    importDeployments: async (_: unknown, a: { csv: string; dryRun?: boolean | null }, ctx: Context) =>
      presentImport(await importDeployments(await accessOf(ctx), a.csv, a.dryRun ?? false), ctx),
  },
  Deployment: {
    ...recordFields,
    person: (d: DeploymentDoc, _: unknown, ctx: Context) => ctx.loaders.personById.load(d.personId.toHexString()),
    fromUnit: (d: DeploymentDoc, _: unknown, ctx: Context) => loadRef(ctx.loaders.unitById, d.fromUnitId),
    toRegion: (d: DeploymentDoc, _: unknown, ctx: Context) => loadRef(ctx.loaders.regionById, d.toRegionId),
    toUnit: (d: DeploymentDoc, _: unknown, ctx: Context) => loadRef(ctx.loaders.unitById, d.toUnitId),
  },
};
