/**
 * The MIP polish (HiGHS on 7-day windows of everybody's days) only ever returns a roster at least
 * as good as the one it got, keeps pinned cells, stops at its deadline or on abort, and is only
 * taken where the window models stay small.
 */
import { compile } from '../../../src/scheduler/compile';
import { fullScore } from '../../../src/scheduler/score';
import { POLISH_WINDOW, PolishLoop, polish, polishApplies } from '../../../src/scheduler/search/polish';
import { startHighsWorker } from '../../../src/scheduler/search/highsWorker';
import { mulberry32 } from '../../../src/scheduler/search/rng';
import { solve } from '../../../src/scheduler';
import { initialGrid } from '../../../src/scheduler/solve';
import { dailyShifts, problem } from '../helpers';

function rota(days = 21, people = 6) {
  return problem(
    days,
    Array.from({ length: people }, (_, i) => ({
      id: `p${i}`,
      limits: {
        maxConsecutiveWorkDays: 5,
        minConsecutiveDaysOff: 2,
        maxWeekendsWorked: Math.ceil(days / 10),
        minTotalMinutes: Math.round((days * 8) / 21) * 480,
        maxTotalMinutes: Math.round((days * 14) / 21) * 480,
      },
    })),
    dailyShifts(days, [{ type: 'E', headcount: 2 }, { type: 'L', hour: 14, headcount: 1 }]),
    {
      pinned: [{ personId: 'p0', shiftId: 'L2' }],
      preferences: [
        { personId: 'p1', kind: 'wantDayOff' as const, day: 4, weight: 3 },
        { personId: 'p2', kind: 'wantType' as const, day: 9, shiftType: 'L', weight: 2 },
      ].filter((pr) => pr.day < days),
    },
  );
}

/** A poor start: everyone on E every weekday (E over-staffed, no L, a shift or two over the minutes). */
function weekdaysOnE(c: ReturnType<typeof compile>, x: Int32Array, locked: Uint8Array): void {
  for (let p = 0; p < c.P; p++) for (let d = 0; d < c.D; d++) if (!locked[p * c.D + d] && d % 7 < 5) x[p * c.D + d] = c.shiftsByDay[d][0];
}

describe('MIP polish', () => {
  it('improves a poor roster window by window, never making it worse, and keeps pinned cells', async () => {
    const c = compile(rota());
    const { x, locked } = initialGrid(c);
    weekdaysOnE(c, x, locked);
    const before = fullScore(c, x);
    const improved: number[] = [];
    const out = await polish(c, x, locked, {
      deadline: performance.now() + 20_000,
      now: () => performance.now(),
      random: mulberry32(1),
      onImprove: (h, s) => improved.push(h * 1e6 + s),
    });
    const after = fullScore(c, out.cells);
    expect([out.hard, out.soft]).toEqual([after.hard, after.soft]);
    expect(out.solves).toBeGreaterThan(0);
    expect(out.improvements).toBeGreaterThan(0);
    expect(after.hard * 1e6 + after.soft).toBeLessThan(before.hard * 1e6 + before.soft);
    expect(after.hard).toBe(0);
    // Each reported improvement is strictly better than the one before.
    for (let i = 1; i < improved.length; i++) expect(improved[i]).toBeLessThan(improved[i - 1]);
    for (let i = 0; i < x.length; i++) if (locked[i]) expect(out.cells[i]).toBe(x[i]);
    // The input roster is not modified.
    expect(fullScore(c, x)).toEqual(before);
  });

  it('returns the roster unchanged at once when the signal is already aborted or no time is left', async () => {
    const c = compile(rota());
    const { x, locked } = initialGrid(c);
    const ac = new AbortController();
    ac.abort();
    const base = { now: () => performance.now(), random: mulberry32(2) };
    const aborted = await polish(c, x, locked, { ...base, deadline: performance.now() + 20_000, signal: ac.signal });
    expect(aborted.solves).toBe(0);
    expect(Array.from(aborted.cells)).toEqual(Array.from(x));
    const late = await polish(c, x, locked, { ...base, deadline: performance.now() });
    expect(late.solves).toBe(0);
  });

  it('stops a running polish when the signal fires', async () => {
    const c = compile(rota(56));
    const { x, locked } = initialGrid(c);
    weekdaysOnE(c, x, locked);
    const ac = new AbortController();
    let calls = 0;
    const t0 = performance.now();
    const out = await polish(c, x, locked, {
      deadline: t0 + 60_000,
      now: () => performance.now(),
      random: mulberry32(3),
      signal: ac.signal,
      onImprove: () => {
        if (++calls === 1) ac.abort();
      },
    });
    expect(calls).toBe(1);
    expect(out.improvements).toBe(1);
    expect(performance.now() - t0).toBeLessThan(30_000);
  });

  it('applies to small rotas only', () => {
    const small = compile(rota());
    expect(polishApplies(small, initialGrid(small).locked)).toBe(true);
    // One week or less: nothing to slide over.
    const week = compile(rota(POLISH_WINDOW));
    expect(polishApplies(week, initialGrid(week).locked)).toBe(false);
    // Many people on many shifts a day: the window MIP would be too big.
    const big = compile(
      problem(
        14,
        Array.from({ length: 200 }, (_, i) => ({ id: `p${i}` })),
        dailyShifts(14, Array.from({ length: 6 }, (_, t) => ({ type: `T${t}`, hour: 1 + t * 3 }))),
      ),
    );
    expect(polishApplies(big, initialGrid(big).locked)).toBe(false);
  });

  it('beside the search, takes offered rosters and hands back better ones until stopped', async () => {
    const c = compile(rota());
    const { x, locked } = initialGrid(c);
    weekdaysOnE(c, x, locked);
    const start = fullScore(c, x);
    const worker = startHighsWorker()!;
    const loop = new PolishLoop(c, locked, worker, { deadline: performance.now() + 30_000, now: () => performance.now(), random: mulberry32(4) });
    expect(loop.take()).toBeNull();
    loop.offer(x, start.hard, start.soft);
    let got = null;
    for (let i = 0; i < 300 && !got; i++) {
      await new Promise((r) => setTimeout(r, 50));
      got = loop.take();
    }
    expect(got).not.toBeNull();
    expect(got!.hard * 1e6 + got!.soft).toBeLessThan(start.hard * 1e6 + start.soft);
    expect(fullScore(c, got!.cells)).toMatchObject({ hard: got!.hard, soft: got!.soft });
    // Taken once; offering the poor start again must not lose the better roster.
    expect(loop.take()).toBeNull();
    loop.offer(x, start.hard, start.soft);
    await loop.stop();
    expect(loop.best!.soft).toBeLessThanOrEqual(got!.soft);
    expect(loop.solves).toBeGreaterThan(0);
  });

  it('takes no roster before its start time', async () => {
    const c = compile(rota());
    const { x, locked } = initialGrid(c);
    weekdaysOnE(c, x, locked);
    const start = fullScore(c, x);
    const solvesIn800ms = async (from: number) => {
      const worker = startHighsWorker()!;
      await worker.solve('Minimize\n obj: v\nSubject To\n c0: v >= 1\nBinary\n v\nEnd\n', { output_flag: false }); // HiGHS loaded
      const loop = new PolishLoop(c, locked, worker, { deadline: performance.now() + 30_000, from, now: () => performance.now(), random: mulberry32(6) });
      loop.offer(x, start.hard, start.soft);
      await new Promise((r) => setTimeout(r, 800));
      await loop.stop();
      return loop.solves;
    };
    // Not yet: the offer is ignored. Already begun: the same offer is polished in the same time.
    expect(await solvesIn800ms(performance.now() + 60_000)).toBe(0);
    expect(await solvesIn800ms(performance.now() - 1)).toBeGreaterThan(0);
  });

  it('runs beside a timed solve and not in an iteration-budgeted one', async () => {
    // 12 people × 42 days × 2 shifts: too big for the whole-problem MIP, small 7-day windows.
    const p = rota(42, 12);
    const timed = await solve(p, { timeLimitMs: 6000, seed: 1 });
    expect(timed.stats.exactStatus).toBeUndefined();
    expect(timed.stats.polish).toBeDefined();
    expect(timed.stats.polish!.solves).toBeGreaterThan(0);
    expect(timed.stats.elapsedMs).toBeLessThan(6000 * 1.05);
    const counted = await solve(p, { timeLimitMs: 60_000, maxIterations: 20_000, seed: 1 });
    expect(counted.stats.polish).toBeUndefined();
  });
});
