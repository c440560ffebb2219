import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { maxTotalMinutes } from '../../../src/scheduler/constraints/maxTotalMinutes';

describe('maxTotalMinutes', () => {
  const p = problem(4, [{ id: 'a', limits: { maxTotalMinutes: 2 * 480 } }, { id: 'b' }], dailyShifts(4, [{ type: 'D', headcount: 2 }]));
  it('charges excess minutes in started hours', () => {
    expect(evaluate(maxTotalMinutes, p, rosterOf({ a: row('xxx.'), b: row('xxxx') })).cost).toBe(8);
  });
  it('costs nothing within the limit', () => {
    expect(evaluate(maxTotalMinutes, p, rosterOf({ a: row('x.x.') })).cost).toBe(0);
  });
});
