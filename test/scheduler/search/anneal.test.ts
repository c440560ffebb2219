/**
 * The anneal's time limits, on a fake clock (1 ms per read; the anneal reads it every 256
 * iterations): a search whose best roster is feasible runs to its time limit, one whose best
 * roster still breaks a hard rule stops at `infeasibleStopMs` so the repair gets the rest.
 */
import { compile } from '../../../src/scheduler/compile';
import { anneal, type AnnealOptions } from '../../../src/scheduler/search/anneal';
import { MoveGenerator } from '../../../src/scheduler/search/moves';
import { mulberry32 } from '../../../src/scheduler/search/rng';
import { SearchState } from '../../../src/scheduler/search/state';
import { dailyShifts, problem } from '../helpers';

async function run(minTotalMinutes: number) {
  const days = 14;
  const p = problem(
    days,
    Array.from({ length: 3 }, (_, i) => ({ id: `p${i}`, limits: { minTotalMinutes, maxTotalMinutes: Math.max(minTotalMinutes, 14 * 480) } })),
    dailyShifts(days, [{ type: 'D' }]),
  );
  const c = compile(p);
  const locked = new Uint8Array(c.P * c.D);
  const random = mulberry32(7);
  const state = new SearchState(c, new Int32Array(c.P * c.D).fill(-1), 1000);
  const gen = new MoveGenerator(c, locked, random);
  let clock = 0;
  const o: AnnealOptions = {
    timeLimitMs: 400,
    infeasibleStopMs: 300,
    now: () => clock++,
    startMs: 0,
    random,
    t0: 10,
    t1: 0.5,
    cycles: 1,
    adaptEvery: 0,
    adaptFactor: 1,
    minHardWeight: 1000,
    maxHardWeight: 1000,
    endgameFrom: 1,
    yieldEvery: Infinity,
    onBest: () => {},
  };
  const result = await anneal(state, gen, o);
  return { result, clock };
}

describe('anneal time limits', () => {
  it('runs a feasible search to its time limit', async () => {
    const { result, clock } = await run(0);
    expect(result.bestHard).toBe(0);
    expect(clock).toBeGreaterThanOrEqual(400);
    expect(clock).toBeLessThan(410);
  });

  it('stops an infeasible search at infeasibleStopMs, leaving the rest of the time to the repair', async () => {
    // Everyone must work 15 shifts in 14 days: no roster keeps the minimum.
    const { result, clock } = await run(15 * 480);
    expect(result.bestHard).toBeGreaterThan(0);
    expect(clock).toBeGreaterThanOrEqual(300);
    expect(clock).toBeLessThan(310);
  });
});
