import type { Context } from '../context';
import type { UnitDoc } from '../../store/models/Unit';
import * as units from '../../services/units';
import { accessOf } from './access';
import { recordFields, type PageArgsInput } from './shared';
import { loadRef } from '../loaders';

export const unitResolvers = {
  Query: {
    unit: async (_: unknown, a: { id: string }, ctx: Context) => units.getUnit(await accessOf(ctx), a.id),
    units: async (_: unknown, a: PageArgsInput & { filter?: units.UnitFilter }, ctx: Context) =>
      units.listUnits(await accessOf(ctx), a.filter ?? {}, a),
  },
  Mutation: {
    createUnit: async (_: unknown, a: { input: units.CreateUnitInput }, ctx: Context) => units.createUnit(await accessOf(ctx), a.input),
    updateUnit: async (_: unknown, a: { id: string; input: units.UpdateUnitInput }, ctx: Context) =>
      units.updateUnit(await accessOf(ctx), a.id, a.input),
    archiveUnit: async (_: unknown, a: { id: string }, ctx: Context) => units.archiveUnit(await accessOf(ctx), a.id),
  },
  Unit: {
    ...recordFields,
    region: (u: UnitDoc, _: unknown, ctx: Context) => loadRef(ctx.loaders.regionById, u.regionId),
  },
};
