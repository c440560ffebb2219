import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { maxConsecutiveWorkingDays } from '../../../src/scheduler/constraints/maxConsecutiveWorkingDays';

describe('maxConsecutiveWorkingDays', () => {
  const p = problem(10, [{ id: 'a', limits: { maxConsecutiveWorkDays: 3 } }], dailyShifts(10, [{ type: 'D' }]));
  it('charges days beyond the maximum run, per run', () => {
    const e = evaluate(maxConsecutiveWorkingDays, p, rosterOf({ a: row('xxxxx.xxxx') }));
    expect(e.cost).toBe(3);
    expect(e.violations.map((v) => v.day)).toEqual([0, 6]);
  });
  it('costs nothing for runs within the limit', () => {
    expect(evaluate(maxConsecutiveWorkingDays, p, rosterOf({ a: row('xxx.xxx.xx') })).cost).toBe(0);
  });
});
