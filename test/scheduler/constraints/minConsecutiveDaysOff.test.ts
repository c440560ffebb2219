import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { minConsecutiveDaysOff } from '../../../src/scheduler/constraints/minConsecutiveDaysOff';

describe('minConsecutiveDaysOff', () => {
  const p = problem(10, [{ id: 'a', limits: { minConsecutiveDaysOff: 2 } }], dailyShifts(10, [{ type: 'D' }]));
  it('charges a single day off between working days', () => {
    const e = evaluate(minConsecutiveDaysOff, p, rosterOf({ a: row('xx.xx..xxx') }));
    expect(e.cost).toBe(1);
    expect(e.violations[0].day).toBe(2);
  });
  it('never charges off runs touching the first or last day', () => {
    expect(evaluate(minConsecutiveDaysOff, p, rosterOf({ a: row('.xxxxxxxx.') })).cost).toBe(0);
  });
});
