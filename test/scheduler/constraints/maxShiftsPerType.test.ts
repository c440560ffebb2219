import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { maxShiftsPerType } from '../../../src/scheduler/constraints/maxShiftsPerType';

describe('maxShiftsPerType', () => {
  const shifts = dailyShifts(4, [{ type: 'D' }, { type: 'N', hour: 20 }]);
  const p = problem(4, [{ id: 'a', limits: { maxShiftsPerType: { D: 1, N: 0 } } }], shifts);
  it('charges each shift over the per-type limit (0 bans the type)', () => {
    const e = evaluate(maxShiftsPerType, p, rosterOf({ a: ['D0', 'D1', 'D2', 'N3'] }));
    expect(e.cost).toBe(3);
    expect(e.violations.map((v) => v.detail.type).sort()).toEqual(['D', 'N']);
  });
  it('costs nothing within limits', () => {
    expect(evaluate(maxShiftsPerType, p, rosterOf({ a: ['D0', null, null, null] })).cost).toBe(0);
  });
});
