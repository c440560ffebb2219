/**
 * The row construction must spread each person's weekend allowance over the horizon: laid out from
 * day 0 without a pace, every row spends its weekends on the first ones and leaves the rest of a
 * long horizon with nobody to work its weekends.
 */
import { compile } from '../../../src/scheduler/compile';
import { constructRows, weekendPace } from '../../../src/scheduler/search/constructRows';
import { mulberry32 } from '../../../src/scheduler/search/rng';
import { initialGrid } from '../../../src/scheduler/solve';
import { dailyShifts, problem } from '../helpers';

describe('weekendPace', () => {
  it('allows the allowance in even steps over the weekends and never more than the maximum', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((k) => weekendPace(2, k, 8))).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    expect([0, 1, 2, 3].map((k) => weekendPace(3, k, 4))).toEqual([1, 2, 3, 3]);
    expect(weekendPace(5, 0, 2)).toBe(3);
    expect(weekendPace(0, 3, 4)).toBe(0);
  });
});

describe('constructRows', () => {
  it('spreads each row’s weekends over the horizon and staffs late weekends as well as early ones', () => {
    const days = 56;
    const weekendsOf = (x: Int32Array, person: number): number[] => {
      const worked: number[] = [];
      for (let k = 0; k < days / 7; k++) if (x[person * days + 7 * k + 5] >= 0 || x[person * days + 7 * k + 6] >= 0) worked.push(k);
      return worked;
    };
    // Runs of at most 4 days with single days off drift across the week, so rows meet weekends
    // from the start (runs of 5 with two days off would line up with the weekdays).
    const limits = { minTotalMinutes: 24 * 480, maxTotalMinutes: 32 * 480, maxConsecutiveWorkDays: 4, minConsecutiveWorkDays: 2, minConsecutiveDaysOff: 1, maxWeekendsWorked: 2 };
    const people = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, limits }));
    const p = problem(days, people, dailyShifts(days, [{ type: 'D', headcount: 6 }]));
    const c = compile(p);
    const { x, locked } = initialGrid(c);
    constructRows(c, x, locked, mulberry32(3));
    let early = 0;
    let late = 0;
    for (let person = 0; person < people.length; person++) {
      const worked = weekendsOf(x, person);
      expect(worked.length).toBeLessThanOrEqual(2);
      // At most one of the first four weekends (the pace allows the second from weekend 4 on).
      expect(worked.filter((k) => k < 4).length).toBeLessThanOrEqual(1);
      early += worked.filter((k) => k < 4).length;
      late += worked.filter((k) => k >= 4).length;
    }
    expect(late).toBeGreaterThan(0);
    expect(late).toBeGreaterThanOrEqual(early);
  });
});
