import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { minRestBetweenShifts } from '../../../src/scheduler/constraints/minRestBetweenShifts';

describe('minRestBetweenShifts', () => {
  const shifts = [shift('late0', 0, 'L', { hour: 16 }), shift('early1', 1, 'E', { hour: 6 }), shift('late2', 2, 'L', { hour: 16 })];
  const p = problem(3, [{ id: 'a', limits: { minRestMinutes: 11 * 60 } }], shifts);
  it('charges a rest shorter than the minimum (late 16–24, early 06: 6 h)', () => {
    const e = evaluate(minRestBetweenShifts, p, rosterOf({ a: ['late0', 'early1', null] }));
    expect(e.cost).toBe(1);
    expect(e.violations[0].detail.rest).toBe(360);
  });
  it('accepts enough rest', () => {
    expect(evaluate(minRestBetweenShifts, p, rosterOf({ a: ['late0', null, 'late2'] })).cost).toBe(0);
    expect(evaluate(minRestBetweenShifts, p, rosterOf({ a: [null, 'early1', 'late2'] })).cost).toBe(0);
  });
});
