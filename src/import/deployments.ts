// importDeployments: same contract as importPeople — validate the whole file, write nothing if
// any row is bad, otherwise upsert on the natural key (person, kind, start) so re-running a file
// updates instead of duplicating. ORG_ADMIN only, every row within their scope.
import type { Types } from 'mongoose';
import type { AnyBulkWriteOperation } from 'mongodb';
import { DeploymentModel, type DeploymentDoc } from '../store/models/Deployment';
import { PersonModel, type PersonDoc } from '../store/models/Person';
import { UnitModel, type UnitDoc } from '../store/models/Unit';
import { RegionModel, type RegionDoc } from '../store/models/Region';
import type { DeploymentKind } from '../store/models/enums';
import type { Access } from '../services/access';
import { isWithin, requireRoles } from '../services/policy';
import { statusAt } from '../services/deployments';
import { regionPathOf } from '../services/regions';
import { unionPaths } from '../services/people/scope';
import { checkMobile } from '../validation/mobile';
import { checkLength } from '../validation/text';
import { problem } from '../validation/problem';
import { readCsv, type ColumnSpec } from './csvTable';
import { deploymentKindFromWord, parseImportDate } from './vocabulary';
import { resolveByNameOrCode, type Resolution } from './references';
import { rejected, type ImportOutcome, type RowProblem } from './result';

export const DEPLOYMENT_COLUMNS: ColumnSpec[] = [
  { field: 'mobile', aliases: ['手机号', '手机', '手机号码', '联系电话', 'phone'], required: true },
  { field: 'name', aliases: ['姓名'] }, // informative only: the mobile number identifies the person
  { field: 'kind', aliases: ['类型', '派驻类型', '下派类型'], required: true },
  { field: 'fromUnit', aliases: ['派出单位', '原单位'] },
  { field: 'toRegion', aliases: ['下沉社区', '社区', '目标社区'] },
  { field: 'toUnit', aliases: ['派驻企业', '目标企业', '企业'] },
  { field: 'startsAt', aliases: ['开始日期', '开始时间', '开始'], required: true },
  { field: 'endsAt', aliases: ['结束日期', '结束时间', '结束'] },
  { field: 'note', aliases: ['备注'] },
];

interface Planned {
  line: number;
  person: PersonDoc;
  kind: DeploymentKind;
  fromUnitId: Types.ObjectId | null;
  toRegionId: Types.ObjectId | null;
  toUnitId: Types.ObjectId | null;
  startsAt: Date;
  endsAt: Date | null;
  note: string | null;
  regionPath: Types.ObjectId[];
}

const t = (d: Date | null | undefined) => (d ? d.getTime() : null);
const oid = (x: Types.ObjectId | null | undefined) => x?.toHexString() ?? null;

export async function importDeployments(access: Access, csv: string, dryRun = false, now = new Date()): Promise<ImportOutcome> {
  requireRoles(access, ['ORG_ADMIN']);
  const table = readCsv(csv, DEPLOYMENT_COLUMNS);
  if (table.problems.length) return rejected(dryRun, 0, table.problems);
  const rows = table.rows;
  const errors: RowProblem[] = [];
  const err = (line: number, field: string, rule: string, params?: Record<string, string | number>) =>
    errors.push({ line, ...problem(field, rule, params) });

  const mobiles = rows.flatMap((r) => {
    const m = r.cells.mobile ? checkMobile('mobile', r.cells.mobile) : null;
    return m && 'value' in m ? [m.value] : [];
  });
  const [people, units, regions] = await Promise.all([
    PersonModel.find({ mobile: { $in: mobiles } }).lean<PersonDoc[]>(),
    resolveByNameOrCode<UnitDoc>(UnitModel, rows.flatMap((r) => [r.cells.fromUnit, r.cells.toUnit].filter((v): v is string => !!v))),
    resolveByNameOrCode<RegionDoc>(RegionModel, rows.flatMap((r) => (r.cells.toRegion ? [r.cells.toRegion] : []))),
  ]);
  const personByMobile = new Map(people.map((p) => [p.mobile, p]));
  // the sending unit defaults to the person's home unit, whose region path the deployment carries
  const homeUnitIds = people.flatMap((p) => (p.homeUnitId ? [p.homeUnitId] : []));
  const homeUnits = new Map(
    (homeUnitIds.length ? await UnitModel.find({ _id: { $in: homeUnitIds } }).lean<UnitDoc[]>() : []).map((u) => [u._id.toHexString(), u]),
  );
  const ref = <T>(line: number, field: string, entity: string, map: Map<string, Resolution<T>>, raw?: string): T | null | undefined => {
    if (!raw) return null;
    const r = map.get(raw)!;
    if ('error' in r) {
      err(line, field, r.error, { value: raw, entity });
      return undefined;
    }
    return r.doc;
  };

  const planned: Planned[] = [];
  for (const { line, cells } of rows) {
    const before = errors.length;
    let person: PersonDoc | undefined;
    const m = checkMobile('mobile', cells.mobile ?? '');
    if ('problem' in m) errors.push({ line, ...m.problem });
    else {
      person = personByMobile.get(m.value);
      if (!person) err(line, 'mobile', 'reference.unknown', { value: cells.mobile!, entity: 'Person' });
      else if (person.archivedAt) err(line, 'mobile', 'reference.archived', { entity: 'Person', id: person._id.toHexString() });
    }
    const kind = cells.kind ? deploymentKindFromWord(cells.kind) : null;
    if (!kind) err(line, 'kind', 'enum.invalid', { value: cells.kind ?? '', allowed: '下沉/SENT_DOWN, 第一书记/FIRST_SECRETARY' });
    const startsAt = cells.startsAt ? parseImportDate(cells.startsAt) : null;
    if (!startsAt) err(line, 'startsAt', 'date.invalid', { value: cells.startsAt ?? '' });
    const endsAt = cells.endsAt ? parseImportDate(cells.endsAt) : null;
    if (cells.endsAt && !endsAt) err(line, 'endsAt', 'date.invalid', { value: cells.endsAt });
    if (startsAt && endsAt && endsAt <= startsAt) err(line, 'endsAt', 'dateRange.endBeforeStart');
    let note: string | null = null;
    if (cells.note) {
      const n = checkLength('note', cells.note, 0, 500);
      if ('problem' in n) errors.push({ line, ...n.problem });
      else note = n.value;
    }
    const fromUnit = ref(line, 'fromUnit', 'Unit', units, cells.fromUnit);
    const toUnit = ref(line, 'toUnit', 'Unit', units, cells.toUnit);
    const toRegion = ref(line, 'toRegion', 'Region', regions, cells.toRegion);
    if (kind === 'SENT_DOWN' && (!cells.toRegion || cells.toUnit)) err(line, 'toRegion', 'deployment.target');
    if (kind === 'FIRST_SECRETARY' && (!cells.toUnit || cells.toRegion)) err(line, 'toUnit', 'deployment.target');
    if (toRegion && toRegion.level !== 'COMMUNITY') {
      err(line, 'toRegion', 'reference.wrongKind', { entity: 'Region', id: toRegion.name, expected: 'COMMUNITY', actual: toRegion.level });
    }
    if (toUnit && toUnit.kind !== 'ENTERPRISE') {
      err(line, 'toUnit', 'reference.wrongKind', { entity: 'Unit', id: toUnit.name, expected: 'ENTERPRISE', actual: toUnit.kind });
    }
    if (errors.length > before || !person || !kind || !startsAt) continue;
    const fromUnitId = fromUnit?._id ?? person.homeUnitId ?? null;
    const fromPath = (fromUnit ?? (person.homeUnitId ? homeUnits.get(person.homeUnitId.toHexString()) : null))?.regionPath ?? [];
    const regionPath = unionPaths(toRegion ? regionPathOf(toRegion) : [], toUnit?.regionPath, fromPath);
    if (!isWithin(access, { regionPath, unitIds: [fromUnitId, toUnit?._id] })) {
      err(line, kind === 'SENT_DOWN' ? 'toRegion' : 'toUnit', 'access.outOfScope', { entity: 'Deployment' });
      continue;
    }
    planned.push({
      line, person, kind, fromUnitId, toRegionId: toRegion?._id ?? null, toUnitId: toUnit?._id ?? null,
      startsAt, endsAt, note, regionPath,
    });
  }

  // existing deployments of these people: natural-key matches and overlaps
  const existing = await DeploymentModel.find({ personId: { $in: planned.map((p) => p.person._id) } }).lean<DeploymentDoc[]>();
  const key = (personId: Types.ObjectId, kind: string, startsAt: Date) => `${personId.toHexString()}|${kind}|${startsAt.getTime()}`;
  const existingByKey = new Map(existing.map((d) => [key(d.personId, d.kind, d.startsAt), d]));
  const overlaps = (aS: Date, aE: Date | null, bS: Date, bE: Date | null) =>
    (bE == null || bE.getTime() > aS.getTime()) && (aE == null || bS.getTime() < aE.getTime());
  const firstLine = new Map<string, number>();
  const plannedByPerson = new Map<string, Planned[]>();
  for (const p of planned) {
    const k = p.person._id.toHexString();
    if (!plannedByPerson.has(k)) plannedByPerson.set(k, []);
    plannedByPerson.get(k)!.push(p);
  }
  const existingByPerson = new Map<string, DeploymentDoc[]>();
  for (const d of existing) {
    const k = d.personId.toHexString();
    if (!existingByPerson.has(k)) existingByPerson.set(k, []);
    existingByPerson.get(k)!.push(d);
  }
  for (const p of planned) {
    const k = key(p.person._id, p.kind, p.startsAt);
    if (firstLine.has(k)) {
      err(p.line, 'startsAt', 'csv.duplicateInFile', { value: p.startsAt.toISOString(), line: firstLine.get(k)! });
      continue;
    }
    firstLine.set(k, p.line);
    const clashInFile = (plannedByPerson.get(p.person._id.toHexString()) ?? []).find(
      (q) => q !== p && q.line < p.line && overlaps(p.startsAt, p.endsAt, q.startsAt, q.endsAt),
    );
    const clashInStore = (existingByPerson.get(p.person._id.toHexString()) ?? []).find(
      (d) =>
        key(d.personId, d.kind, d.startsAt) !== k &&
        (d.status === 'PLANNED' || d.status === 'ACTIVE') &&
        overlaps(p.startsAt, p.endsAt, d.startsAt, d.endsAt ?? null),
    );
    const other = clashInFile
      ? { kind: clashInFile.kind, s: clashInFile.startsAt, e: clashInFile.endsAt }
      : clashInStore
        ? { kind: clashInStore.kind, s: clashInStore.startsAt, e: clashInStore.endsAt ?? null }
        : null;
    if (other) {
      const period = `${other.s.toISOString().slice(0, 10)}–${other.e ? other.e.toISOString().slice(0, 10) : '…'}`;
      err(p.line, 'startsAt', 'deployment.overlap', { kind: other.kind, other: period });
    }
    const same = existingByKey.get(k);
    if (same && (same.status === 'CANCELLED' || same.status === 'ENDED') && (t(same.endsAt) !== t(p.endsAt) || oid(same.toRegionId) !== oid(p.toRegionId))) {
      err(p.line, 'startsAt', 'deployment.closed', { id: same._id.toHexString(), status: same.status });
    }
  }
  if (errors.length) return rejected(dryRun, rows.length, errors);

  const ops: AnyBulkWriteOperation[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const p of planned) {
    const same = existingByKey.get(key(p.person._id, p.kind, p.startsAt));
    const fields = {
      fromUnitId: p.fromUnitId, toRegionId: p.toRegionId, toUnitId: p.toUnitId, endsAt: p.endsAt, note: p.note, regionPath: p.regionPath,
    };
    if (!same) {
      created++;
      ops.push({
        updateOne: {
          filter: { personId: p.person._id, kind: p.kind, startsAt: p.startsAt },
          update: {
            $setOnInsert: {
              personId: p.person._id, kind: p.kind, startsAt: p.startsAt, ...fields,
              status: statusAt(now, p.startsAt, p.endsAt),
              version: 1, archivedAt: null, createdBy: access.actor, updatedBy: access.actor, createdAt: now, updatedAt: now,
            },
          },
          upsert: true,
        },
      });
      continue;
    }
    const changed =
      oid(same.fromUnitId) !== oid(p.fromUnitId) || oid(same.toRegionId) !== oid(p.toRegionId) || oid(same.toUnitId) !== oid(p.toUnitId) ||
      t(same.endsAt) !== t(p.endsAt) || (same.note ?? null) !== p.note;
    if (!changed) {
      unchanged++;
      continue;
    }
    updated++;
    const status = same.status === 'CANCELLED' || same.status === 'ENDED' ? same.status : statusAt(now, p.startsAt, p.endsAt);
    ops.push({
      updateOne: {
        filter: { _id: same._id },
        update: { $set: { ...fields, status, updatedBy: access.actor, updatedAt: now }, $inc: { version: 1 } },
      },
    });
  }
  if (!dryRun && ops.length) await DeploymentModel.collection.bulkWrite(ops, { ordered: false });
  return { dryRun, rows: rows.length, created, updated, unchanged, errors: [] };
}
