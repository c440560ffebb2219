import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { fairHours } from '../../../src/scheduler/constraints/fairHours';

describe('fairHours', () => {
  const p = problem(4, [{ id: 'a', targetMinutes: 2 * 480 }, { id: 'b', targetMinutes: 600 }, { id: 'c' }], dailyShifts(4, [{ type: 'D', headcount: 3 }]));
  it('charges started hours away from the target, both directions', () => {
    // a: 3 shifts = 1440, 480 over → 8; b: 1 shift = 480, 120 under → 2; c has no target.
    const e = evaluate(fairHours, p, rosterOf({ a: row('xxx.'), b: row('x...'), c: row('xxxx') }));
    expect(e.cost).toBe(10);
    expect(e.violations).toHaveLength(2);
  });
  it('costs nothing on target', () => {
    expect(evaluate(fairHours, p, rosterOf({ a: row('x.x.') })).cost).toBe(10);
    expect(evaluate(fairHours, problem(4, [{ id: 'a', targetMinutes: 960 }], dailyShifts(4, [{ type: 'D' }])), rosterOf({ a: row('x.x.') })).cost).toBe(0);
  });
});
