import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { forbiddenSuccession } from '../../../src/scheduler/constraints/forbiddenSuccession';

describe('forbiddenSuccession', () => {
  const shifts = dailyShifts(4, [{ type: 'E', hour: 6 }, { type: 'N', hour: 22 }]);
  const p = problem(4, [{ id: 'a' }], shifts, { forbiddenSuccessions: [{ from: 'N', to: 'E' }] });
  it('charges each forbidden next-day pair', () => {
    const e = evaluate(forbiddenSuccession, p, rosterOf({ a: ['N0', 'E1', 'N2', 'E3'] }));
    expect(e.cost).toBe(2);
    expect(ids(e, e.violations[0])).toEqual(['N0', 'E1']);
  });
  it('allows the reverse order and a day off in between', () => {
    expect(evaluate(forbiddenSuccession, p, rosterOf({ a: ['E0', 'N1', null, 'E3'] })).cost).toBe(0);
  });
});
