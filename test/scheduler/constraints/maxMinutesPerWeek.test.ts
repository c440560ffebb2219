import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { maxMinutesPerWeek } from '../../../src/scheduler/constraints/maxMinutesPerWeek';

describe('maxMinutesPerWeek', () => {
  const p = problem(14, [{ id: 'a', limits: { maxMinutesPerWeek: 3 * 480 } }], dailyShifts(14, [{ type: 'D' }]));
  it('charges each calendar week over the limit', () => {
    // Week 1 (days 0–6): 5 shifts → 960 min over = 16 h; week 2: 3 shifts → fine.
    const e = evaluate(maxMinutesPerWeek, p, rosterOf({ a: row('xxxxx..xxx....') }));
    expect(e.cost).toBe(16);
    expect(e.violations[0].day).toBe(0);
  });
  it('counts weeks from Monday, not from the first shift', () => {
    // Days 5–8 straddle two weeks: 2 + 2 shifts.
    expect(evaluate(maxMinutesPerWeek, p, rosterOf({ a: row('.....xxxx.....') })).cost).toBe(0);
  });
});
