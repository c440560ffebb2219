import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { pinned } from '../../../src/scheduler/constraints/pinned';

describe('pinned', () => {
  const p = problem(3, [{ id: 'a' }, { id: 'b' }], dailyShifts(3, [{ type: 'D' }]), {
    pinned: [
      { personId: 'a', shiftId: 'D0' },
      { personId: 'b', shiftId: 'D2' },
    ],
  });
  it('charges each missing pinned assignment', () => {
    const e = evaluate(pinned, p, rosterOf({ a: row('.x.'), b: row('..x') }));
    expect(e.cost).toBe(1);
    expect(ids(e, e.violations[0])).toEqual(['D0']);
  });
  it('costs nothing when every pin holds', () => {
    expect(evaluate(pinned, p, rosterOf({ a: row('x..'), b: row('..x') })).cost).toBe(0);
  });
});
