import type { Context } from '../context';
import type { SiteDoc } from '../../store/models/Site';
import * as sites from '../../services/sites';
import { accessOf } from './access';
import { recordFields, type PageArgsInput } from './shared';

export const siteResolvers = {
  Query: {
    site: async (_: unknown, a: { id: string }, ctx: Context) => sites.getSite(await accessOf(ctx), a.id),
    sites: async (_: unknown, a: PageArgsInput & { filter?: sites.SiteFilter }, ctx: Context) =>
      sites.listSites(await accessOf(ctx), a.filter ?? {}, a),
  },
  Mutation: {
    createSite: async (_: unknown, a: { input: sites.CreateSiteInput }, ctx: Context) => sites.createSite(await accessOf(ctx), a.input),
    updateSite: async (_: unknown, a: { id: string; input: sites.UpdateSiteInput }, ctx: Context) =>
      sites.updateSite(await accessOf(ctx), a.id, a.input),
    archiveSite: async (_: unknown, a: { id: string }, ctx: Context) => sites.archiveSite(await accessOf(ctx), a.id),
  },
  Site: {
    ...recordFields,
    region: (s: SiteDoc, _: unknown, ctx: Context) => ctx.loaders.regionById.load(s.regionId.toHexString()),
  },
};
