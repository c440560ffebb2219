// importPeople: validate every row of the file first (fields, references, duplicates, scope);
// if any row is bad, report them all and write nothing. Otherwise upsert by mobile number (the
// natural key) in one unordered bulk write: each person is one single-document write, and running
// the same file again finds everyone unchanged.
import type { Types } from 'mongoose';
import type { AnyBulkWriteOperation } from 'mongodb';
import { PersonModel, type PersonDoc } from '../store/models/Person';
import { UnitModel, type UnitDoc } from '../store/models/Unit';
import { RegionModel, type RegionDoc } from '../store/models/Region';
import type { Skill } from '../store/models/enums';
import type { Access } from '../services/access';
import { isWithin, requireRoles } from '../services/policy';
import { PEOPLE_WRITERS, homeRegionPath } from '../services/people/people';
import { checkPersonFields } from '../services/people/personFields';
import { personHomeFootprint } from '../services/people/scope';
import { hashResidentId, protectResidentId } from '../services/people/residentIdVault';
import { problem } from '../validation/problem';
import { readCsv, parseBool, splitList, type ColumnSpec } from './csvTable';
import { skillFromWord } from './vocabulary';
import { resolveByNameOrCode } from './references';
import { rejected, type ImportOutcome, type RowProblem } from './result';

export const PEOPLE_COLUMNS: ColumnSpec[] = [
  { field: 'name', aliases: ['姓名', '名字'], required: true },
  { field: 'mobile', aliases: ['手机号', '手机', '手机号码', '联系电话', 'phone'], required: true },
  { field: 'residentId', aliases: ['身份证号', '身份证号码', '身份证', 'idNumber'] },
  { field: 'partyMember', aliases: ['党员', '是否党员'] },
  { field: 'skills', aliases: ['技能', '专长'] },
  { field: 'unit', aliases: ['单位', '工作单位', '所在单位'] },
  { field: 'region', aliases: ['社区', '所属社区', '区域', '网格', 'community'] },
];

interface PlannedPerson {
  line: number;
  name: string;
  mobile: string;
  skills?: Skill[];
  partyMember?: boolean;
  residentId?: string;
  residentIdHash?: string;
  unit?: UnitDoc;
  region?: RegionDoc;
  existing?: PersonDoc;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();
const idEq = (a: Types.ObjectId | null | undefined, b: Types.ObjectId | null | undefined) =>
  (a?.toHexString() ?? null) === (b?.toHexString() ?? null);

export async function importPeople(access: Access, csv: string, dryRun = false): Promise<ImportOutcome> {
  requireRoles(access, PEOPLE_WRITERS);
  const table = readCsv(csv, PEOPLE_COLUMNS);
  if (table.problems.length) return rejected(dryRun, 0, table.problems);
  const errors: RowProblem[] = [];
  const planned: PlannedPerson[] = [];

  // 1. each row on its own
  for (const { line, cells } of table.rows) {
    const { value, problems } = checkPersonFields(
      { name: cells.name ?? null, mobile: cells.mobile ?? null, residentId: cells.residentId },
      { name: 'name', mobile: 'mobile', skills: 'skills', partyMember: 'partyMember', residentId: 'residentId' },
      true,
    );
    const rowErrors = problems.map((p) => ({ line, ...p }));
    let partyMember: boolean | undefined;
    if (cells.partyMember !== undefined) {
      const b = parseBool(cells.partyMember);
      if (b === null) rowErrors.push({ line, ...problem('partyMember', 'boolean.invalid', { value: cells.partyMember }) });
      else partyMember = b;
    }
    let skills: Skill[] | undefined;
    if (cells.skills !== undefined) {
      skills = [];
      for (const word of splitList(cells.skills)) {
        const s = skillFromWord(word);
        if (!s) rowErrors.push({ line, ...problem('skills', 'enum.invalid', { value: word, allowed: 'MEDICAL/医疗, POLICE/公安, DRIVER/驾驶, TEMPERATURE_CHECK/测温, …' }) });
        else if (!skills.includes(s)) skills.push(s);
      }
    }
    errors.push(...rowErrors);
    if (!rowErrors.length) {
      planned.push({ line, name: value.name!, mobile: value.mobile!, skills, partyMember, residentId: value.residentId ?? undefined });
    }
  }

  // 2. duplicates inside the file
  const firstLineOf = new Map<string, number>();
  const firstIdLineOf = new Map<string, number>();
  for (const p of planned) {
    const seen = firstLineOf.get(p.mobile);
    if (seen) errors.push({ line: p.line, ...problem('mobile', 'csv.duplicateInFile', { value: p.mobile, line: seen }) });
    else firstLineOf.set(p.mobile, p.line);
    if (p.residentId) {
      p.residentIdHash = hashResidentId(p.residentId);
      const seenId = firstIdLineOf.get(p.residentIdHash);
      if (seenId) errors.push({ line: p.line, ...problem('residentId', 'csv.duplicateInFile', { value: '******', line: seenId }) });
      else firstIdLineOf.set(p.residentIdHash, p.line);
    }
  }

  // 3. references and existing records, one query per collection
  const cellsByLine = new Map(table.rows.map((r) => [r.line, r.cells]));
  const [units, regions, existing, idHolders] = await Promise.all([
    resolveByNameOrCode<UnitDoc>(UnitModel, table.rows.flatMap((r) => (r.cells.unit ? [r.cells.unit] : []))),
    resolveByNameOrCode<RegionDoc>(RegionModel, table.rows.flatMap((r) => (r.cells.region ? [r.cells.region] : []))),
    PersonModel.find({ mobile: { $in: planned.map((p) => p.mobile) } }).lean<PersonDoc[]>(),
    PersonModel.find(
      { residentIdHash: { $in: planned.flatMap((p) => (p.residentIdHash ? [p.residentIdHash] : [])) } },
      { mobile: 1, residentIdHash: 1 },
    ).lean(),
  ]);
  const existingByMobile = new Map(existing.map((p) => [p.mobile, p]));
  for (const p of planned) {
    const cells = cellsByLine.get(p.line)!;
    p.existing = existingByMobile.get(p.mobile);
    for (const [field, map, entity] of [
      ['unit', units, 'Unit'],
      ['region', regions, 'Region'],
    ] as const) {
      const raw = cells[field];
      if (!raw) continue;
      const r = map.get(raw)!;
      if ('error' in r) errors.push({ line: p.line, ...problem(field, r.error, { value: raw, entity }) });
      else if (field === 'unit') p.unit = r.doc as UnitDoc;
      else p.region = r.doc as RegionDoc;
    }
    const holder = p.residentIdHash ? idHolders.find((h) => h.residentIdHash === p.residentIdHash) : undefined;
    if (holder && holder.mobile !== p.mobile) errors.push({ line: p.line, ...problem('residentId', 'residentId.duplicate') });
  }

  // 4. the new home of each row: a cell given replaces, an empty cell keeps the existing person's
  //    unit/region (loaded in one query per collection). The new home, and the current home of an
  //    existing person, must both be in the caller's scope.
  const keptUnitIds = planned.flatMap((p) => (!cellsByLine.get(p.line)!.unit && p.existing?.homeUnitId ? [p.existing.homeUnitId] : []));
  const keptRegionIds = planned.flatMap((p) => (!cellsByLine.get(p.line)!.region && p.existing?.homeRegionId ? [p.existing.homeRegionId] : []));
  const [keptUnits, keptRegions] = await Promise.all([
    keptUnitIds.length ? UnitModel.find({ _id: { $in: keptUnitIds } }).lean<UnitDoc[]>() : [],
    keptRegionIds.length ? RegionModel.find({ _id: { $in: keptRegionIds } }).lean<RegionDoc[]>() : [],
  ]);
  const unitById = new Map(keptUnits.map((u) => [u._id.toHexString(), u]));
  const regionById = new Map(keptRegions.map((r) => [r._id.toHexString(), r]));
  for (const p of planned) {
    const cells = cellsByLine.get(p.line)!;
    if (!cells.unit && p.existing?.homeUnitId) p.unit = unitById.get(p.existing.homeUnitId.toHexString());
    if (!cells.region && p.existing?.homeRegionId) p.region = regionById.get(p.existing.homeRegionId.toHexString());
    const newHome = { regionPath: homeRegionPath(p.unit ?? null, p.region ?? null), unitIds: [p.unit?._id ?? null] };
    if (!isWithin(access, newHome) || (p.existing && !isWithin(access, personHomeFootprint(p.existing)))) {
      errors.push({ line: p.line, ...problem(cells.unit ? 'unit' : 'region', 'access.outOfScope', { entity: 'Person' }) });
    }
  }

  if (errors.length) return rejected(dryRun, table.rows.length, errors);

  // 5. plan the writes
  const now = new Date();
  const ops: AnyBulkWriteOperation[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const p of planned) {
    if (!p.existing) {
      created++;
      const unitId = p.unit?._id ?? null;
      const regionId = p.region?._id ?? null;
      ops.push({
        updateOne: {
          filter: { mobile: p.mobile },
          update: {
            $setOnInsert: {
              name: p.name,
              mobile: p.mobile,
              skills: p.skills ?? [],
              partyMember: p.partyMember ?? false,
              homeUnitId: unitId,
              homeRegionId: regionId,
              regionPath: homeRegionPath(p.unit ?? null, p.region ?? null),
              residentIdCipher: null,
              residentIdHash: null,
              residentIdMasked: null,
              ...(p.residentId ? protectResidentId(p.residentId) : {}),
              version: 1,
              archivedAt: null,
              createdBy: access.actor,
              updatedBy: access.actor,
              createdAt: now,
              updatedAt: now,
            },
          },
          upsert: true,
        },
      });
      continue;
    }
    const e = p.existing;
    const set: Record<string, unknown> = {};
    if (p.name !== e.name) set.name = p.name;
    if (p.skills && !sameSet(p.skills, e.skills)) set.skills = p.skills;
    if (p.partyMember !== undefined && p.partyMember !== e.partyMember) set.partyMember = p.partyMember;
    if (p.residentIdHash && p.residentIdHash !== e.residentIdHash) Object.assign(set, protectResidentId(p.residentId!));
    const unitId = p.unit?._id ?? null;
    const regionId = p.region?._id ?? null;
    if (!idEq(unitId, e.homeUnitId) || !idEq(regionId, e.homeRegionId)) {
      Object.assign(set, { homeUnitId: unitId, homeRegionId: regionId, regionPath: homeRegionPath(p.unit ?? null, p.region ?? null) });
    }
    if (Object.keys(set).length === 0) {
      unchanged++;
      continue;
    }
    updated++;
    ops.push({
      updateOne: {
        filter: { _id: e._id },
        update: { $set: { ...set, updatedBy: access.actor, updatedAt: now }, $inc: { version: 1 } },
      },
    });
  }
  if (!dryRun && ops.length) await PersonModel.collection.bulkWrite(ops, { ordered: false });
  return { dryRun, rows: table.rows.length, created, updated, unchanged, errors: [] };
}
