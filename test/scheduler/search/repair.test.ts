/**
 * The final hard repair on a tightly packed row: a fixed number of shifts, a mandatory day off in
 * the middle and rest runs of two days — the shape of NRP 22's last violation (employee I). The
 * whole row has to be laid out again; the repair's DP does that.
 */
import { compile, rosterToCells } from '../../../src/scheduler/compile';
import { fullScore } from '../../../src/scheduler/score';
import { repairHard } from '../../../src/scheduler/search/repair';
import { SearchState } from '../../../src/scheduler/search/state';
import { dailyShifts, problem, rosterOf, row } from '../helpers';

describe('repairHard', () => {
  it('re-lays a packed row around a mandatory day off until no hard rule is broken', () => {
    const days = 15;
    const p = problem(
      days,
      [{ id: 'a', unavailableDays: [9], limits: { minTotalMinutes: 11 * 480, maxTotalMinutes: 11 * 480, maxConsecutiveWorkDays: 4, minConsecutiveWorkDays: 2, minConsecutiveDaysOff: 2 } }],
      dailyShifts(days, [{ type: 'D' }]),
    );
    const c = compile(p);
    // 11 shifts in runs of 4, 4, 3 with 2 days off between — but day 9 (unavailable) sits inside
    // a run. A feasible row exists (xxx..xxxx..xxxx) but differs from this one on four days.
    const x = rosterToCells(c, rosterOf({ a: row('xxxx..xxxx..xxx') })).cells;
    const state = new SearchState(c, x, 1000);
    expect(state.hard).toBeGreaterThan(0);
    repairHard(state, new Uint8Array(c.P * c.D), Infinity, () => 0);
    const s = fullScore(c, state.x);
    expect(s.hard).toBe(0);
    // Still exactly 11 shifts, none on day 9.
    expect(Array.from(state.x).filter((v) => v >= 0)).toHaveLength(11);
    expect(state.x[9]).toBe(-1);
  });
});
