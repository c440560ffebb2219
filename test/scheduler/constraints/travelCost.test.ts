import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { travelCost } from '../../../src/scheduler/constraints/travelCost';

describe('travelCost', () => {
  const shifts = [shift('n0', 0, 'D', { site: 'north' }), shift('s1', 1, 'D', { site: 'south' }), shift('x2', 2, 'D')];
  const p = problem(3, [{ id: 'a', homeRegion: 'N' }], shifts, {
    travel: [
      { region: 'N', site: 'north', cost: 0 },
      { region: 'N', site: 'south', cost: 7 },
    ],
  });
  it('charges the table cost of each assignment', () => {
    const e = evaluate(travelCost, p, rosterOf({ a: ['n0', 's1', 'x2'] }));
    expect(e.cost).toBe(7);
    expect(ids(e, e.violations[0])).toEqual(['s1']);
  });
  it('costs nothing near home', () => {
    expect(evaluate(travelCost, p, rosterOf({ a: ['n0', null, 'x2'] })).cost).toBe(0);
  });
});
