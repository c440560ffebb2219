// The domain resolver map, merged from one module per SDL area. Resolvers stay thin: resolve the
// caller's access, hand the arguments to a service, shape nothing but references and masking.
// src/graphql/schema.ts merges this with the platform resolvers (DateTime, Query.me).
import { regionResolvers } from './regions';
import { siteResolvers } from './sites';
import { unitResolvers } from './units';
import { personResolvers } from './people';
import { teamResolvers } from './teams';
import { deploymentResolvers } from './deployments';

const areas = [regionResolvers, siteResolvers, unitResolvers, personResolvers, teamResolvers, deploymentResolvers];

function merge(maps: Record<string, Record<string, unknown>>[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const m of maps) {
    for (const [type, fields] of Object.entries(m)) {
      for (const field of Object.keys(fields)) {
        if (out[type]?.[field]) throw new Error(`resolver ${type}.${field} is defined twice`);
      }
      out[type] = { ...out[type], ...fields };
    }
  }
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const resolvers: Record<string, any> = merge(areas);
