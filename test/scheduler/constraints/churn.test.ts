import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { churn } from '../../../src/scheduler/constraints/churn';

describe('churn', () => {
  const p = problem(3, [{ id: 'a' }, { id: 'b' }], dailyShifts(3, [{ type: 'E' }, { type: 'L', hour: 14 }]));
  const previous = rosterOf({ a: ['E0', 'E1', null], b: ['L0', null, 'L2'] });
  it('charges every dropped and every added assignment (weight 10)', () => {
    // a: E1→L1 (2 units), nothing else; b: L2 dropped (1), E1 added (1).
    const e = evaluate(churn, p, rosterOf({ a: ['E0', 'L1', null], b: ['L0', 'E1', null] }), previous);
    expect(e.cost).toBe(40);
  });
  it('costs nothing for the unchanged roster, and is inactive without a previous roster', () => {
    expect(evaluate(churn, p, previous, previous).cost).toBe(0);
    expect(evaluate(churn, p, rosterOf({ a: ['L0'] })).cost).toBe(0);
  });
});
