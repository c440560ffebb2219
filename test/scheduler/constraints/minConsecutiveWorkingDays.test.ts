import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { minConsecutiveWorkingDays } from '../../../src/scheduler/constraints/minConsecutiveWorkingDays';

describe('minConsecutiveWorkingDays', () => {
  const p = problem(10, [{ id: 'a', limits: { minConsecutiveWorkDays: 3 } }], dailyShifts(10, [{ type: 'D' }]));
  it('charges missing days of runs bounded by days off inside the horizon', () => {
    const e = evaluate(minConsecutiveWorkingDays, p, rosterOf({ a: row('..x..xx...') }));
    expect(e.cost).toBe(3);
    expect(e.violations.map((v) => v.day)).toEqual([2, 5]);
  });
  it('never charges runs touching the first or last day', () => {
    expect(evaluate(minConsecutiveWorkingDays, p, rosterOf({ a: row('x.......xx') })).cost).toBe(0);
  });
});
