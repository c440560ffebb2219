import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { maxWeekendsWorked } from '../../../src/scheduler/constraints/maxWeekendsWorked';

describe('maxWeekendsWorked', () => {
  const p = problem(21, [{ id: 'a', limits: { maxWeekendsWorked: 1 } }], dailyShifts(21, [{ type: 'D' }]));
  it('counts a weekend once whether one or both days are worked', () => {
    // Sat 5 + Sun 6 (weekend 0), Sun 13 (weekend 1), Sat 19 (weekend 2): 3 weekends, 2 over.
    const days = Array<string | null>(21).fill(null);
    for (const d of [5, 6, 13, 19]) days[d] = 'D' + d;
    const e = evaluate(maxWeekendsWorked, p, rosterOf({ a: days }));
    expect(e.cost).toBe(2);
    expect(e.violations[0].detail.worked).toBe(3);
  });
  it('does not count weekdays', () => {
    expect(evaluate(maxWeekendsWorked, p, rosterOf({ a: row('xxxxx.xxxxxx..xxxxx..') })).cost).toBe(0);
  });
});
