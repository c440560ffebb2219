import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { availability } from '../../../src/scheduler/constraints/availability';

describe('availability', () => {
  const shifts = dailyShifts(3, [{ type: 'D', hour: 8 }]);
  it('charges each shift on an unavailable day, in an unavailable window or outside availability', () => {
    const p = problem(
      3,
      [
        { id: 'a', unavailableDays: [1] },
        { id: 'b', unavailable: [{ start: shifts[2].start + 60, end: shifts[2].start + 120 }] },
        { id: 'c', availability: [{ start: shifts[0].start, end: shifts[0].end }] },
      ],
      shifts,
    );
    const e = evaluate(availability, p, rosterOf({ a: row('xx.'), b: row('..x'), c: row('xx.') }));
    expect(e.cost).toBe(3);
    expect(e.violations.map((v) => ids(e, v)[0]).sort()).toEqual(['D1', 'D1', 'D2']);
  });
  it('costs nothing when everybody works when available', () => {
    const p = problem(3, [{ id: 'a', unavailableDays: [1] }], shifts);
    expect(evaluate(availability, p, rosterOf({ a: row('x.x') })).cost).toBe(0);
  });
  it('uses the weight from the problem', () => {
    const p = problem(3, [{ id: 'a', unavailableDays: [0] }], shifts, { weights: { availability: 5 } });
    expect(evaluate(availability, p, rosterOf({ a: row('x..') })).cost).toBe(5);
  });
  it('finds the right window among many, unsorted and touching (merged)', () => {
    const day = (d: number, h: number) => shifts[0].start - 8 * 60 + d * 1440 + h * 60;
    const p = problem(3, [{ id: 'a', availability: [{ start: day(2, 0), end: day(2, 24) }, { start: day(0, 12), end: day(0, 20) }, { start: day(0, 6), end: day(0, 12) }] }], shifts);
    // D0 is 08–16: inside the merged 06–20 window; D1 has no window; D2 is inside day 2.
    const e = evaluate(availability, p, rosterOf({ a: row('xxx') }));
    expect(e.violations.map((v) => ids(e, v)[0])).toEqual(['D1']);
  });
});
