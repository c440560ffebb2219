// Per-request DataLoaders: every reference from one record to another (a person's unit and
// region, a team's members, a deployment's target …) goes through these, so resolving a page of
// 100 people with their units and regions costs one `$in` query per collection, not one per row.
// Created fresh for each request (src/graphql/context.ts): caches never outlive a request and
// never leak records across callers.
import DataLoader from 'dataloader';
import type { Model, Types } from 'mongoose';
import { RegionModel, type RegionDoc } from '../store/models/Region';
import { SiteModel, type SiteDoc } from '../store/models/Site';
import { UnitModel, type UnitDoc } from '../store/models/Unit';
import { PersonModel, type PersonDoc } from '../store/models/Person';
import { TeamModel, type TeamDoc } from '../store/models/Team';
import type { Access } from '../services/access';

export interface Loaders {
  regionById: DataLoader<string, RegionDoc | null>;
  siteById: DataLoader<string, SiteDoc | null>;
  unitById: DataLoader<string, UnitDoc | null>;
  personById: DataLoader<string, PersonDoc | null>;
  teamById: DataLoader<string, TeamDoc | null>;
  /** the caller's resolved scope, computed at most once per request (see resolvers/access.ts) */
  access: Promise<Access> | null;
}

function byIdLoader<T extends { _id: Types.ObjectId }>(model: Model<any>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (ids) => {
      const docs = await model.find({ _id: { $in: ids } }).lean<T[]>();
      const byId = new Map(docs.map((d) => [d._id.toHexString(), d]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { maxBatchSize: 1000 },
  );
}

export function createLoaders(): Loaders {
  return {
    regionById: byIdLoader<RegionDoc>(RegionModel),
    siteById: byIdLoader<SiteDoc>(SiteModel),
    unitById: byIdLoader<UnitDoc>(UnitModel),
    personById: byIdLoader<PersonDoc>(PersonModel),
    teamById: byIdLoader<TeamDoc>(TeamModel),
    access: null,
  };
}

/** Loads an optional reference by ObjectId. */
export function loadRef<T>(loader: DataLoader<string, T | null>, id: Types.ObjectId | null | undefined): Promise<T | null> | null {
  return id ? loader.load(id.toHexString()) : null;
}
