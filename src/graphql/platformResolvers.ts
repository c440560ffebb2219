// Resolvers for the platform part of the schema (schema/base.graphql). Domain resolvers live in
// src/graphql/resolvers/ and are merged with these in src/graphql/schema.ts.
import { requireCaller } from '../auth/caller';
import type { Context } from './context';
import { DateTimeScalar } from './scalars';

export const platformResolvers = {
  DateTime: DateTimeScalar,
  Query: {
    me: (_parent: unknown, _args: unknown, ctx: Context) => {
      const caller = requireCaller(ctx);
      return { role: caller.role, regionId: caller.regionId ?? null, unitId: caller.unitId ?? null, personId: caller.personId ?? null };
    },
  },
};
