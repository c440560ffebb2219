// Where a person belongs, for scope checks. Home: their home region's path, their home unit and
// that unit's region path. Reach: additionally any deployment that brings them into the caller's
// scope (a cadre sent down to my community is visible to me, though editable only by their home).
import type { Types } from 'mongoose';
import type { PersonDoc } from '../../store/models/Person';
import { DeploymentModel } from '../../store/models/Deployment';
import type { Access } from '../access';
import { isWithin, scopeFilter, type Footprint } from '../policy';

export function unionPaths(...paths: (readonly Types.ObjectId[] | null | undefined)[]): Types.ObjectId[] {
  const seen = new Map<string, Types.ObjectId>();
  for (const p of paths) for (const id of p ?? []) seen.set(id.toHexString(), id);
  return [...seen.values()];
}

export function personHomeFootprint(p: Pick<PersonDoc, 'regionPath' | 'homeUnitId'>): Footprint {
  return { regionPath: p.regionPath, unitIds: [p.homeUnitId] };
}

export const DEPLOYMENT_SCOPE_FIELDS = {
  regionPath: 'regionPath',
  units: ['fromUnitId', 'toUnitId'],
  persons: ['personId'],
};

/** Read access to one person: home footprint, self, or a deployment in scope. */
export async function canSeePerson(access: Access, p: PersonDoc): Promise<boolean> {
  if (isWithin(access, { ...personHomeFootprint(p), personIds: [p._id] })) return true;
  const viaDeployment = scopeFilter(access, DEPLOYMENT_SCOPE_FIELDS);
  if (!viaDeployment || access.role === 'VOLUNTEER') return false;
  return (await DeploymentModel.exists({ $and: [{ personId: p._id }, viaDeployment] })) != null;
}

/** List filter: the people in scope, the deployment-reached ones found with one extra query. */
export async function peopleScopeFilter(access: Access): Promise<Record<string, unknown> | null> {
  if (access.all) return null;
  const extra: Record<string, unknown>[] = [];
  const viaDeployment = scopeFilter(access, DEPLOYMENT_SCOPE_FIELDS);
  if (viaDeployment && access.role !== 'VOLUNTEER') {
    const rows = await DeploymentModel.find(viaDeployment, { personId: 1 }).lean();
    if (rows.length) extra.push({ _id: { $in: unionPaths(rows.map((r) => r.personId)) } });
  }
  return scopeFilter(access, { regionPath: 'regionPath', units: ['homeUnitId'], persons: ['_id'] }, extra);
}
