import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { oneShiftPerDay } from '../../../src/scheduler/constraints/oneShiftPerDay';

describe('oneShiftPerDay', () => {
  const p = problem(2, [{ id: 'a' }], dailyShifts(2, [{ type: 'E', hour: 6 }, { type: 'L', hour: 14 }]));
  it('charges a second shift on the same day', () => {
    const e = evaluate(oneShiftPerDay, p, { assignments: [{ personId: 'a', shiftId: 'E0' }, { personId: 'a', shiftId: 'L0' }, { personId: 'a', shiftId: 'E1' }] });
    expect(e.cost).toBe(1);
    expect(ids(e, e.violations[0])).toEqual(['L0']);
  });
  it('costs nothing with one shift a day', () => {
    expect(evaluate(oneShiftPerDay, p, rosterOf({ a: ['E0', 'L1'] })).cost).toBe(0);
  });
});
