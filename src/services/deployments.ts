// Deployments: 下沉 (SENT_DOWN: from a unit to a community) and 第一书记 (FIRST_SECRETARY: into an
// enterprise). Writes: ORG_ADMIN, for deployments touching their scope (target, sending unit).
// Reads: in scope; a VOLUNTEER reads their own. Status follows the dates: PLANNED before the
// start, ACTIVE during, ENDED after; CANCELLED is set by hand and final.
import type { Types } from 'mongoose';
import { DeploymentModel, type DeploymentDoc } from '../store/models/Deployment';
import { PersonModel, type PersonDoc } from '../store/models/Person';
import { RegionModel, type RegionDoc } from '../store/models/Region';
import { UnitModel, type UnitDoc } from '../store/models/Unit';
import { DEPLOYMENT_KINDS, DEPLOYMENT_STATUSES, type DeploymentKind, type DeploymentStatus } from '../store/models/enums';
import { AppError, badInput, conflict, forbidden } from '../errors/AppError';
import type { Access } from './access';
import { and, ensureAllowed, requireRoles, scopeFilter, type Footprint } from './policy';
import { paginate, type PageArgs } from './pagination';
import { mustFind, mustReference, updateVersioned } from './records';
import { parseId, parseOptionalId } from './ids';
import { valid } from './validate';
import { regionPathOf } from './regions';
import { canSeePerson, DEPLOYMENT_SCOPE_FIELDS, unionPaths } from './people/scope';

const READERS = ['ORG_ADMIN', 'UNIT_MANAGER', 'EVALUATOR', 'VOLUNTEER'] as const;
const WRITERS = ['ORG_ADMIN'] as const;
const ENTITY = 'Deployment';
const OPEN: DeploymentStatus[] = ['PLANNED', 'ACTIVE'];

const writeFootprint = (d: Pick<DeploymentDoc, 'regionPath' | 'fromUnitId' | 'toUnitId'>): Footprint => ({
  regionPath: d.regionPath,
  unitIds: [d.fromUnitId, d.toUnitId],
});
const readFootprint = (d: DeploymentDoc): Footprint => ({ ...writeFootprint(d), personIds: [d.personId] });

export function statusAt(now: Date, startsAt: Date, endsAt: Date | null | undefined): DeploymentStatus {
  if (endsAt && endsAt.getTime() <= now.getTime()) return 'ENDED';
  return startsAt.getTime() <= now.getTime() ? 'ACTIVE' : 'PLANNED';
}

export interface DeploymentTarget {
  kind: DeploymentKind;
  toRegionId: Types.ObjectId | null;
  toUnitId: Types.ObjectId | null;
  fromUnitId: Types.ObjectId | null;
}

/** Checks the kind/target pairing and the referenced records; returns the deployment's region path. */
export async function resolveTarget(t: DeploymentTarget, fields = { to: 'input', from: 'input.fromUnitId' }): Promise<Types.ObjectId[]> {
  const targetField = t.kind === 'SENT_DOWN' ? `${fields.to}.toRegionId` : `${fields.to}.toUnitId`;
  const okPair = t.kind === 'SENT_DOWN' ? t.toRegionId && !t.toUnitId : t.toUnitId && !t.toRegionId;
  if (!okPair) throw badInput(targetField, 'deployment.target', { field: targetField });
  const [toRegion, toUnit, fromUnit] = await Promise.all([
    t.toRegionId ? mustReference<RegionDoc>(RegionModel, 'Region', targetField, t.toRegionId) : null,
    t.toUnitId ? mustReference<UnitDoc>(UnitModel, 'Unit', targetField, t.toUnitId) : null,
    t.fromUnitId ? mustReference<UnitDoc>(UnitModel, 'Unit', fields.from, t.fromUnitId) : null,
  ]);
  if (toRegion && toRegion.level !== 'COMMUNITY') {
    throw badInput(targetField, 'reference.wrongKind', {
      field: targetField, entity: 'Region', id: toRegion._id.toHexString(), expected: 'COMMUNITY', actual: toRegion.level,
    });
  }
  if (toUnit && toUnit.kind !== 'ENTERPRISE') {
    throw badInput(targetField, 'reference.wrongKind', {
      field: targetField, entity: 'Unit', id: toUnit._id.toHexString(), expected: 'ENTERPRISE', actual: toUnit.kind,
    });
  }
  return unionPaths(toRegion ? regionPathOf(toRegion) : [], toUnit?.regionPath, fromUnit?.regionPath);
}

/** A person serves in one place at a time: open deployments may not overlap. */
export async function findOverlap(
  personId: Types.ObjectId,
  startsAt: Date,
  endsAt: Date | null,
  exceptId: Types.ObjectId | null,
): Promise<DeploymentDoc | null> {
  const filter: Record<string, unknown>[] = [
    { personId },
    { status: { $in: OPEN } },
    { $or: [{ endsAt: null }, { endsAt: { $gt: startsAt } }] },
  ];
  if (endsAt) filter.push({ startsAt: { $lt: endsAt } });
  if (exceptId) filter.push({ _id: { $ne: exceptId } });
  return DeploymentModel.findOne({ $and: filter }).lean<DeploymentDoc>();
}

export function overlapError(field: string, other: DeploymentDoc): AppError {
  const period = `${other.startsAt.toISOString().slice(0, 10)}–${other.endsAt ? other.endsAt.toISOString().slice(0, 10) : '…'}`;
  return conflict(field, 'deployment.overlap', { field, kind: other.kind, other: period });
}

export interface CreateDeploymentInput {
  personId: string;
  kind: string;
  fromUnitId?: string | null;
  toRegionId?: string | null;
  toUnitId?: string | null;
  startsAt: Date;
  endsAt?: Date | null;
  note?: string | null;
}

export async function createDeployment(access: Access, input: CreateDeploymentInput, now = new Date()): Promise<DeploymentDoc> {
  requireRoles(access, WRITERS);
  const kind = valid.enumValue('input.kind', input.kind, DEPLOYMENT_KINDS);
  const personId = parseId('input.personId', input.personId);
  valid.dateRange('input.endsAt', input.startsAt, input.endsAt);
  const note = input.note != null ? valid.text('input.note', input.note, 0, 500) || null : null;
  const person = await mustReference<PersonDoc>(PersonModel, 'Person', 'input.personId', personId);
  if (!(await canSeePerson(access, person))) throw forbidden('access.outOfScope', { entity: 'Person' });
  const fromUnitId = parseOptionalId('input.fromUnitId', input.fromUnitId) ?? person.homeUnitId ?? null;
  const target: DeploymentTarget = {
    kind,
    toRegionId: parseOptionalId('input.toRegionId', input.toRegionId),
    toUnitId: parseOptionalId('input.toUnitId', input.toUnitId),
    fromUnitId,
  };
  const regionPath = await resolveTarget(target);
  ensureAllowed(access, WRITERS, writeFootprint({ regionPath, fromUnitId, toUnitId: target.toUnitId }), ENTITY);
  const overlap = await findOverlap(personId, input.startsAt, input.endsAt ?? null, null);
  if (overlap) throw overlapError('input.startsAt', overlap);
  const created = await DeploymentModel.create({
    personId,
    ...target,
    startsAt: input.startsAt,
    endsAt: input.endsAt ?? null,
    status: statusAt(now, input.startsAt, input.endsAt),
    note,
    regionPath,
    createdBy: access.actor,
    updatedBy: access.actor,
  });
  return created.toObject() as DeploymentDoc;
}

export interface UpdateDeploymentInput {
  version: number;
  startsAt?: Date | null;
  /** null makes the deployment open-ended */
  endsAt?: Date | null;
  note?: string | null;
}

export async function updateDeployment(access: Access, id: string, input: UpdateDeploymentInput, now = new Date()): Promise<DeploymentDoc> {
  requireRoles(access, WRITERS);
  const oid = parseId('id', id);
  const current = await mustFind<DeploymentDoc>(DeploymentModel, ENTITY, oid);
  ensureAllowed(access, WRITERS, writeFootprint(current), ENTITY);
  if (!OPEN.includes(current.status as DeploymentStatus)) {
    throw conflict(undefined, 'deployment.closed', { id, status: current.status });
  }
  const startsAt = input.startsAt ?? current.startsAt;
  const endsAt = input.endsAt !== undefined ? input.endsAt : current.endsAt;
  valid.dateRange('input.endsAt', startsAt, endsAt);
  const set: Record<string, unknown> = { startsAt, endsAt: endsAt ?? null, status: statusAt(now, startsAt, endsAt) };
  if (input.note !== undefined) set.note = input.note == null ? null : valid.text('input.note', input.note, 0, 500) || null;
  const overlap = await findOverlap(current.personId, startsAt, endsAt ?? null, oid);
  if (overlap) throw overlapError('input.startsAt', overlap);
  return updateVersioned<DeploymentDoc>(DeploymentModel, ENTITY, oid, input.version, set, access.actor);
}

/** The "archive" of a deployment: it stays on record as CANCELLED. Ended ones are history and stay. */
export async function cancelDeployment(access: Access, id: string): Promise<DeploymentDoc> {
  requireRoles(access, WRITERS);
  const oid = parseId('id', id);
  const current = await mustFind<DeploymentDoc>(DeploymentModel, ENTITY, oid);
  ensureAllowed(access, WRITERS, writeFootprint(current), ENTITY);
  if (current.status === 'CANCELLED') return current;
  const doc = await DeploymentModel.findOneAndUpdate(
    { _id: oid, status: { $in: OPEN } },
    { $set: { status: 'CANCELLED', updatedBy: access.actor }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  ).lean<DeploymentDoc>();
  if (!doc) throw conflict(undefined, 'deployment.closed', { id, status: 'ENDED' });
  return doc;
}

export async function getDeployment(access: Access, id: string): Promise<DeploymentDoc> {
  requireRoles(access, READERS);
  const doc = await mustFind<DeploymentDoc>(DeploymentModel, ENTITY, parseId('id', id));
  ensureAllowed(access, READERS, readFootprint(doc), ENTITY);
  return doc;
}

export interface DeploymentFilter {
  personId?: string | null;
  kind?: string | null;
  status?: string[] | null;
  toRegionId?: string | null;
  toUnitId?: string | null;
  fromUnitId?: string | null;
  withinRegionId?: string | null;
  /** deployments running at any time in [activeFrom, activeTo) */
  activeFrom?: Date | null;
  activeTo?: Date | null;
}

export async function listDeployments(access: Access, filter: DeploymentFilter = {}, page: PageArgs = {}) {
  requireRoles(access, READERS);
  const parts: Record<string, unknown>[] = [];
  if (filter.personId) parts.push({ personId: parseId('filter.personId', filter.personId) });
  if (filter.kind) parts.push({ kind: valid.enumValue('filter.kind', filter.kind, DEPLOYMENT_KINDS) });
  if (filter.status?.length) {
    parts.push({ status: { $in: filter.status.map((s) => valid.enumValue('filter.status', s, DEPLOYMENT_STATUSES)) } });
  }
  if (filter.toRegionId) parts.push({ toRegionId: parseId('filter.toRegionId', filter.toRegionId) });
  if (filter.toUnitId) parts.push({ toUnitId: parseId('filter.toUnitId', filter.toUnitId) });
  if (filter.fromUnitId) parts.push({ fromUnitId: parseId('filter.fromUnitId', filter.fromUnitId) });
  if (filter.withinRegionId) parts.push({ regionPath: parseId('filter.withinRegionId', filter.withinRegionId) });
  if (filter.activeFrom && filter.activeTo) valid.dateRange('filter.activeTo', filter.activeFrom, filter.activeTo);
  if (filter.activeTo) parts.push({ startsAt: { $lt: filter.activeTo } });
  if (filter.activeFrom) parts.push({ $or: [{ endsAt: null }, { endsAt: { $gt: filter.activeFrom } }] });
  return paginate<DeploymentDoc>(DeploymentModel, and(...parts, scopeFilter(access, DEPLOYMENT_SCOPE_FIELDS)), page);
}

export interface StatusRefresh {
  activated: number;
  ended: number;
}

/**
 * Moves deployments along with the clock: PLANNED → ACTIVE once started, PLANNED/ACTIVE → ENDED
 * once their end has passed. Idempotent (run it as often as you like, e.g. from the repeatable
 * BullMQ job); each document changes in its own single-document update.
 */
export async function refreshDeploymentStatuses(now: Date): Promise<StatusRefresh> {
  const ended = await DeploymentModel.updateMany(
    { status: { $in: OPEN }, endsAt: { $ne: null, $lte: now } },
    { $set: { status: 'ENDED' }, $inc: { version: 1 } },
  );
  const activated = await DeploymentModel.updateMany(
    { status: 'PLANNED', startsAt: { $lte: now }, $or: [{ endsAt: null }, { endsAt: { $gt: now } }] },
    { $set: { status: 'ACTIVE' }, $inc: { version: 1 } },
  );
  return { activated: activated.modifiedCount, ended: ended.modifiedCount };
}
