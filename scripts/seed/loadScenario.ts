// Writes a scenario with upserts on natural keys: codes for regions/sites/units/teams, the mobile
// number for people, (person, kind, start) for deployments. A second run finds every record and
// changes nothing; a record edited since is brought back to the scenario's values. Derived fields
// (ancestors, regionPath, status, protected resident IDs) are computed with the services' helpers
// so seeded data is indistinguishable from data entered through the API.
import type { AnyBulkWriteOperation } from 'mongodb';
import type { Model, Types } from 'mongoose';
import { RegionModel, type RegionDoc } from '../../src/store/models/Region';
import { SiteModel } from '../../src/store/models/Site';
import { UnitModel, type UnitDoc } from '../../src/store/models/Unit';
import { PersonModel, type PersonDoc } from '../../src/store/models/Person';
import { TeamModel } from '../../src/store/models/Team';
import { DeploymentModel } from '../../src/store/models/Deployment';
import type { Actor } from '../../src/store/models/audit';
import { REGION_LEVELS } from '../../src/store/models/enums';
import { regionPathOf } from '../../src/services/regions';
import { homeRegionPath } from '../../src/services/people/people';
import { unionPaths } from '../../src/services/people/scope';
import { statusAt } from '../../src/services/deployments';
import { hashResidentId, protectResidentId } from '../../src/services/people/residentIdVault';
import type { Scenario } from './demoScenario';

export interface LoadReport {
  [collection: string]: { upserted: number; modified: number; matched: number };
}

const SEED_ACTOR: Actor = { role: 'ORG_ADMIN', personId: null, unitId: null, regionId: null };

async function upsertAll(model: Model<any>, items: { key: Record<string, unknown>; set: Record<string, unknown> }[], now: Date) {
  if (!items.length) return { upserted: 0, modified: 0, matched: 0 };
  const ops: AnyBulkWriteOperation[] = items.map(({ key, set }) => ({
    updateOne: {
      filter: key,
      update: {
        $set: set,
        $setOnInsert: { version: 1, archivedAt: null, createdBy: SEED_ACTOR, updatedBy: SEED_ACTOR, createdAt: now, updatedAt: now },
      },
      upsert: true,
    },
  }));
  const r = await model.collection.bulkWrite(ops, { ordered: true });
  return { upserted: r.upsertedCount, modified: r.modifiedCount, matched: r.matchedCount };
}

async function byCode<T extends { code: string }>(model: Model<any>, codes: string[]): Promise<Map<string, T>> {
  const docs = await model.find({ code: { $in: codes } }).lean<T[]>();
  return new Map(docs.map((d) => [d.code, d]));
}

export async function loadScenario(s: Scenario, now = new Date()): Promise<LoadReport> {
  const report: LoadReport = {};
  const add = (name: string, r: { upserted: number; modified: number; matched: number }) => {
    const prev = report[name] ?? { upserted: 0, modified: 0, matched: 0 };
    report[name] = { upserted: prev.upserted + r.upserted, modified: prev.modified + r.modified, matched: prev.matched + r.matched };
  };

  // Regions level by level: a child needs its parent's id and ancestors.
  const regions = new Map<string, RegionDoc>();
  for (const level of REGION_LEVELS) {
    const items = s.regions
      .filter((r) => r.level === level)
      .map((r) => {
        const parent = r.parentCode ? regions.get(r.parentCode)! : null;
        return {
          key: { code: r.code },
          set: {
            name: r.name, level: r.level, parentId: parent?._id ?? null,
            ancestors: parent ? regionPathOf(parent) : [], timeZone: parent?.timeZone ?? 'Asia/Shanghai',
          },
        };
      });
    add('regions', await upsertAll(RegionModel, items, now));
    for (const [code, doc] of await byCode<RegionDoc>(RegionModel, items.map((i) => i.key.code))) regions.set(code, doc);
  }

  add('sites', await upsertAll(SiteModel, s.sites.map((x) => {
    const region = regions.get(x.regionCode)!;
    return { key: { code: x.code }, set: { name: x.name, kind: x.kind, regionId: region._id, regionPath: regionPathOf(region), address: x.address } };
  }), now));

  add('units', await upsertAll(UnitModel, s.units.map((u) => {
    const region = u.regionCode ? regions.get(u.regionCode)! : null;
    return { key: { code: u.code }, set: { name: u.name, kind: u.kind, regionId: region?._id ?? null, regionPath: region ? regionPathOf(region) : [] } };
  }), now));
  const units = await byCode<UnitDoc>(UnitModel, s.units.map((u) => u.code));

  // People: the resident ID ciphertext has a random IV, so it is rewritten only when the keyed
  // hash says the number changed — otherwise a re-run would "modify" every person.
  const existing = new Map(
    (await PersonModel.find({ mobile: { $in: s.people.map((p) => p.mobile) } }, { mobile: 1, residentIdHash: 1 }).lean()).map((p) => [p.mobile, p]),
  );
  add('people', await upsertAll(PersonModel, s.people.map((p) => {
    const unit = p.unitCode ? units.get(p.unitCode)! : null;
    const region = p.regionCode ? regions.get(p.regionCode)! : null;
    const set: Record<string, unknown> = {
      name: p.name, skills: p.skills, partyMember: p.partyMember,
      homeUnitId: unit?._id ?? null, homeRegionId: region?._id ?? null, regionPath: homeRegionPath(unit, region),
    };
    const had = existing.get(p.mobile)?.residentIdHash ?? null;
    if (!p.residentId) Object.assign(set, { residentIdCipher: null, residentIdHash: null, residentIdMasked: null });
    else if (had !== hashResidentId(p.residentId)) Object.assign(set, protectResidentId(p.residentId));
    return { key: { mobile: p.mobile }, set };
  }), now));
  const people = new Map(
    (await PersonModel.find({ mobile: { $in: s.people.map((p) => p.mobile) } }).lean<PersonDoc[]>()).map((p) => [p.mobile, p]),
  );
  const personId = (mobile: string): Types.ObjectId => people.get(mobile)!._id;

  add('teams', await upsertAll(TeamModel, s.teams.map((t) => {
    const region = regions.get(t.regionCode)!;
    return {
      key: { code: t.code },
      set: {
        name: t.name, kind: t.kind, regionId: region._id, regionPath: regionPathOf(region),
        unitId: t.unitCode ? units.get(t.unitCode)!._id : null,
        leaderId: personId(t.leaderMobile), memberIds: unionPaths([personId(t.leaderMobile)], t.memberMobiles.map(personId)),
      },
    };
  }), now));

  add('deployments', await upsertAll(DeploymentModel, s.deployments.map((d) => {
    const from = d.fromUnitCode ? units.get(d.fromUnitCode)! : null;
    const toRegion = d.toRegionCode ? regions.get(d.toRegionCode)! : null;
    const toUnit = d.toUnitCode ? units.get(d.toUnitCode)! : null;
    return {
      key: { personId: personId(d.mobile), kind: d.kind, startsAt: d.startsAt },
      set: {
        fromUnitId: from?._id ?? null, toRegionId: toRegion?._id ?? null, toUnitId: toUnit?._id ?? null,
        endsAt: d.endsAt, note: d.note, status: statusAt(now, d.startsAt, d.endsAt),
        regionPath: unionPaths(toRegion ? regionPathOf(toRegion) : [], toUnit?.regionPath, from?.regionPath),
      },
    };
  }), now));
  return report;
}
