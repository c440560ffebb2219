/**
 * The search's running row totals against a recount: after many single-cell changes every total
 * (minutes, per-type counts and the shifts beyond the per-type limits, weekend days and weekends)
 * equals what a fresh count of the grid gives, and reset() rebuilds them after a bulk edit.
 */
import { compile } from '../../../src/scheduler/compile';
import type { Compiled } from '../../../src/scheduler/compiled';
import { mulberry32 } from '../../../src/scheduler/search/rng';
import { RowStats } from '../../../src/scheduler/search/rowStats';
import { richProblem } from '../richProblem';

function totals(s: RowStats) {
  return [s.minutes, s.typeCount, s.typeExcess, s.weekendDays, s.weekendsWorked].map((a) => Array.from(a));
}

/** Shifts beyond the per-type limits, per person, counted from the grid. */
function excessByHand(c: Compiled, x: Int32Array): number[] {
  return Array.from({ length: c.P }, (_, p) => {
    let excess = 0;
    for (let t = 0; t < c.T; t++) {
      const max = c.people.maxShiftsPerType[p * c.T + t];
      let n = 0;
      for (let d = 0; d < c.D; d++) if (x[p * c.D + d] >= 0 && c.shiftType[x[p * c.D + d]] === t) n++;
      if (max >= 0 && n > max) excess += n - max;
    }
    return excess;
  });
}

describe('RowStats', () => {
  const { problem } = richProblem(5, 8, 28);
  const c = compile(problem);
  const random = mulberry32(11);
  const pick = (d: number) => (random() < 0.3 ? -1 : c.shiftsByDay[d][Math.floor(random() * c.shiftsByDay[d].length)]);

  it('keeps every total equal to a recount through single-cell changes', () => {
    // Several types are limited, some to 0 (the problem's people may not work them at all).
    expect(Array.from(c.people.maxShiftsPerType).some((v) => v >= 0)).toBe(true);
    const x = new Int32Array(c.P * c.D).map((_, i) => pick(i % c.D));
    const stats = new RowStats(c, x);
    let over = 0;
    for (let k = 0; k < 3000; k++) {
      const p = Math.floor(random() * c.P);
      const d = Math.floor(random() * c.D);
      const v = pick(d);
      stats.set(p, d, x[p * c.D + d], v);
      x[p * c.D + d] = v;
      over = Math.max(over, ...stats.typeExcess);
    }
    expect(over).toBeGreaterThan(0);
    expect(Array.from(stats.typeExcess)).toEqual(excessByHand(c, x));
    expect(totals(stats)).toEqual(totals(new RowStats(c, x)));
  });

  it('rebuilds the totals from the grid on reset', () => {
    const x = new Int32Array(c.P * c.D).map((_, i) => pick(i % c.D));
    const stats = new RowStats(c, x);
    for (let i = 0; i < x.length; i++) x[i] = pick(i % c.D);
    stats.reset(x);
    expect(Array.from(stats.typeExcess)).toEqual(excessByHand(c, x));
    expect(totals(stats)).toEqual(totals(new RowStats(c, x)));
  });
});
