import type { Context } from '../context';
import type { RegionDoc } from '../../store/models/Region';
import * as regions from '../../services/regions';
import { accessOf } from './access';
import { recordFields, type PageArgsInput } from './shared';
import { loadRef } from '../loaders';

export const regionResolvers = {
  Query: {
    region: async (_: unknown, a: { id: string }, ctx: Context) => regions.getRegion(await accessOf(ctx), a.id),
    regions: async (_: unknown, a: PageArgsInput & { filter?: regions.RegionFilter }, ctx: Context) =>
      regions.listRegions(await accessOf(ctx), a.filter ?? {}, a),
  },
  Mutation: {
    createRegion: async (_: unknown, a: { input: regions.CreateRegionInput }, ctx: Context) =>
      regions.createRegion(await accessOf(ctx), a.input),
    updateRegion: async (_: unknown, a: { id: string; input: regions.UpdateRegionInput }, ctx: Context) =>
      regions.updateRegion(await accessOf(ctx), a.id, a.input),
    archiveRegion: async (_: unknown, a: { id: string }, ctx: Context) => regions.archiveRegion(await accessOf(ctx), a.id),
  },
  Region: {
    ...recordFields,
    parent: (r: RegionDoc, _: unknown, ctx: Context) => loadRef(ctx.loaders.regionById, r.parentId),
    ancestors: async (r: RegionDoc, _: unknown, ctx: Context) =>
      (await ctx.loaders.regionById.loadMany(r.ancestors.map((id) => id.toHexString()))).filter(
        (x): x is RegionDoc => !!x && !(x instanceof Error),
      ),
    children: async (r: RegionDoc, a: PageArgsInput & { includeArchived?: boolean }, ctx: Context) =>
      regions.listRegions(await accessOf(ctx), { parentId: r._id.toHexString(), includeArchived: a.includeArchived }, a),
  },
};
