import { Types } from 'mongoose';
import type { Access } from '../../src/services/access';
import { isWithin, scopeFilter, ensureAllowed } from '../../src/services/policy';
import { AppError } from '../../src/errors/AppError';

const id = () => new Types.ObjectId();
const district = id();
const town = id();
const otherTown = id();
const unit = id();
const me = id();

function access(role: Access['role'], over: Partial<Access> = {}): Access {
  return {
    role,
    caller: { role },
    all: false,
    regionIds: [],
    unitIds: [],
    personId: null,
    actor: { role, personId: null, unitId: null, regionId: null },
    ...over,
  };
}

describe('footprints against scopes', () => {
  it('an installation admin sees everything, even records with no region', () => {
    expect(isWithin(access('ORG_ADMIN', { all: true }), {})).toBe(true);
  });
  it('a region scope covers records whose path contains the region', () => {
    const a = access('ORG_ADMIN', { regionIds: [town] });
    expect(isWithin(a, { regionPath: [district, town, id()] })).toBe(true);
    expect(isWithin(a, { regionPath: [district, otherTown] })).toBe(false);
    expect(isWithin(a, { regionPath: [district] })).toBe(false); // the parent is outside a subtree scope
  });
  it('a unit scope covers records naming the unit; a volunteer only their own person', () => {
    expect(isWithin(access('UNIT_MANAGER', { unitIds: [unit] }), { unitIds: [null, unit] })).toBe(true);
    const v = access('VOLUNTEER', { personId: me });
    expect(isWithin(v, { personIds: [me] })).toBe(true);
    expect(isWithin(v, { personIds: [id()], regionPath: [district] })).toBe(false);
  });
  it('ensureAllowed throws FORBIDDEN for the wrong role before looking at scope', () => {
    const e = (() => {
      try {
        ensureAllowed(access('EVALUATOR', { all: true }), ['ORG_ADMIN'], {}, 'Person');
      } catch (err) {
        return err as AppError;
      }
    })();
    expect(e).toBeInstanceOf(AppError);
    expect([e!.code, e!.rule]).toEqual(['FORBIDDEN', 'access.roleRequired']);
  });
});

describe('scopeFilter mirrors isWithin as a query', () => {
  it('is null for the whole installation and matches nothing for an empty scope', () => {
    expect(scopeFilter(access('ORG_ADMIN', { all: true }), { regionPath: 'regionPath' })).toBeNull();
    expect(scopeFilter(access('EVALUATOR'), { regionPath: 'regionPath' })).toEqual({ _id: { $in: [] } });
  });
  it('ORs the region, unit and person alternatives', () => {
    const f = scopeFilter(access('UNIT_MANAGER', { regionIds: [town], unitIds: [unit], personId: me }), {
      regionPath: 'regionPath',
      units: ['homeUnitId'],
      persons: ['_id'],
    });
    expect(f).toEqual({ $or: [{ regionPath: { $in: [town] } }, { homeUnitId: { $in: [unit] } }, { _id: me }] });
  });
});
