import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { coverHeadcount } from '../../../src/scheduler/constraints/coverHeadcount';

describe('coverHeadcount', () => {
  const shifts = [shift('s0', 0, 'D', { headcount: 2, underWeight: 100, overWeight: 1 }), shift('s1', 1, 'D', { headcount: 1, overWeight: 7 })];
  const p = problem(2, [{ id: 'a' }, { id: 'b' }, { id: 'c' }], shifts);
  it('charges under- and over-staffing with the shift weights', () => {
    const e = evaluate(coverHeadcount, p, rosterOf({ a: ['s0', 's1'], b: [null, 's1'], c: [null, 's1'] }));
    expect(e.cost).toBe(100 + 2 * 7);
    expect(e.violations.map((v) => ids(e, v)[0])).toEqual(['s0', 's1']);
  });
  it('costs nothing at exact headcount', () => {
    expect(evaluate(coverHeadcount, p, rosterOf({ a: ['s0', null], b: ['s0', null], c: [null, 's1'] })).cost).toBe(0);
  });
});
