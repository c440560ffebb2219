import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { shiftPreference } from '../../../src/scheduler/constraints/shiftPreference';

describe('shiftPreference', () => {
  const shifts = dailyShifts(3, [{ type: 'E', hour: 6 }, { type: 'L', hour: 14 }]);
  const p = problem(3, [{ id: 'a' }], shifts, {
    preferences: [
      { personId: 'a', kind: 'wantType', day: 0, shiftType: 'E', weight: 3 },
      { personId: 'a', kind: 'avoidType', day: 1, shiftType: 'L', weight: 2 },
      { personId: 'a', kind: 'wantDayOff', day: 2, weight: 1 },
      { personId: 'a', kind: 'wantShift', shiftId: 'L2', weight: 4 },
      { personId: 'a', kind: 'avoidShift', shiftId: 'E1', weight: 5 },
    ],
  });
  it('charges each unmet wish with its weight (want-type is unmet by another type)', () => {
    const e = evaluate(shiftPreference, p, rosterOf({ a: ['L0', 'L1', 'E2'] }));
    // wantType E day0 (3) + avoidType L day1 (2) + wantDayOff day2 (1) + wantShift L2 (4) = 10
    expect(e.cost).toBe(10);
    expect(e.violations).toHaveLength(4);
  });
  it('an off day leaves want-type unmet and avoid wishes met', () => {
    expect(evaluate(shiftPreference, p, rosterOf({ a: [null, 'E1', 'L2'] })).cost).toBe(3 + 5 + 1);
  });
});
