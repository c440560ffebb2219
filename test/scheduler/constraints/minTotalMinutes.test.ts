import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { minTotalMinutes } from '../../../src/scheduler/constraints/minTotalMinutes';

describe('minTotalMinutes', () => {
  const p = problem(4, [{ id: 'a', limits: { minTotalMinutes: 3 * 480 + 30 } }], dailyShifts(4, [{ type: 'D' }]));
  it('charges missing minutes in started hours', () => {
    // 2 shifts = 960 min, 510 missing → 9 started hours.
    expect(evaluate(minTotalMinutes, p, rosterOf({ a: row('xx..') })).cost).toBe(9);
  });
  it('costs nothing at or above the minimum', () => {
    expect(evaluate(minTotalMinutes, p, rosterOf({ a: row('xxxx') })).cost).toBe(0);
  });
});
