/**
 * Simulated annealing over the move neighbourhood with incremental scoring.
 *
 * The objective is hard × hardWeight + soft; the best roster is kept lexicographically
 * (fewest hard violations, then lowest soft cost). The temperature falls geometrically from T0
 * to T1 within each cycle; each new cycle restarts from the best roster (a reheat), which
 * escapes the deep local optima of tightly constrained rosters. Progress through the schedule is
 * measured in iterations when an iteration budget is given (then the run is reproducible for a
 * seed) and otherwise in elapsed time.
 */
import { betterScore } from '../score';
import type { SearchState } from './state';
import { MoveBuffer, MoveGenerator } from './moves';

export interface AnnealOptions {
  timeLimitMs: number;
  maxIterations?: number;
  now: () => number;
  startMs: number;
  random: () => number;
  signal?: AbortSignal;
  t0: number;
  t1: number;
  cycles: number;
  /** Called when the best roster improves (hard, soft) and at the end of each cycle. */
  onBest: (hard: number, soft: number, elapsedMs: number) => void;
  /**
   * Strategic oscillation of the hard weight: every `adaptEvery` iterations it grows by
   * `adaptFactor` while the current roster breaks hard rules and shrinks while it does not
   * (within [minHardWeight, maxHardWeight]), so the search may cross infeasible ground between
   * feasible regions. 0 disables it.
   */
  adaptEvery: number;
  /**
   * Elapsed time (ms since `startMs`) after which the search stops early if its best roster still
   * breaks a hard rule, so the caller's repair has the rest of the time; a feasible search runs on
   * to `timeLimitMs`.
   */
  infeasibleStopMs?: number;
  /** From this fraction of the schedule on, the hard weight stays at its maximum (endgame: converge to a feasible roster near the good soft region). */
  endgameFrom: number;
  adaptFactor: number;
  minHardWeight: number;
  maxHardWeight: number;
  /** Give the event loop a turn (so an AbortSignal can fire); awaited every ~50 ms. */
  yieldEvery?: number;
  /**
   * A helper working beside the search (the MIP polish): at each yield it is offered the best
   * roster and may hand back a better one, which the search adopts and goes on from.
   */
  exchange?: {
    offer(best: Int32Array, hard: number, soft: number): void;
    take(): { cells: Int32Array; hard: number; soft: number } | null;
  };
}

export interface AnnealResult {
  best: Int32Array;
  bestHard: number;
  bestSoft: number;
  iterations: number;
  timeToBestMs: number;
  restarts: number;
  cancelled: boolean;
}

const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function anneal(state: SearchState, gen: MoveGenerator, o: AnnealOptions): Promise<AnnealResult> {
  const m = new MoveBuffer();
  const best = Int32Array.from(state.x);
  let bestHard = state.hard;
  let bestSoft = state.soft;
  let timeToBest = o.now() - o.startMs;
  let it = 0;
  let restarts = 0;
  let cancelled = false;
  let lastYield = o.now();
  let temp = o.t0;
  let cycle = 0;
  let endgame = false;
  const logRatio = Math.log(o.t1 / o.t0);
  const maxIt = o.maxIterations ?? Infinity;
  for (;;) {
    if (it >= maxIt) break;
    if ((it & 255) === 0) {
      const t = o.now();
      const elapsed = t - o.startMs;
      if (o.signal?.aborted) {
        cancelled = true;
        break;
      }
      const byIt = o.maxIterations !== undefined ? it / o.maxIterations : 0;
      const byTime = o.maxIterations === undefined ? elapsed / o.timeLimitMs : 0;
      if (byIt >= 1 || elapsed >= o.timeLimitMs) break;
      if (bestHard > 0 && o.infeasibleStopMs !== undefined && elapsed >= o.infeasibleStopMs) break;
      const frac = Math.max(byIt, byTime);
      const pos = frac * o.cycles;
      const c = Math.floor(pos);
      if (c !== cycle) {
        // Reheat from the best roster.
        cycle = c;
        restarts++;
        state.x.set(best);
        state.recomputeAll();
        state.hardWeight = o.maxHardWeight;
      }
      temp = o.t0 * Math.exp(logRatio * (pos - c));
      if (!endgame && frac >= o.endgameFrom) {
        endgame = true;
        state.hardWeight = o.maxHardWeight;
      }
      if (t - lastYield > (o.yieldEvery ?? 50)) {
        o.exchange?.offer(best, bestHard, bestSoft);
        await yieldTurn();
        lastYield = o.now();
        if (o.signal?.aborted) {
          cancelled = true;
          break;
        }
        const given = o.exchange?.take();
        if (given && betterScore(given, { hard: bestHard, soft: bestSoft })) {
          state.x.set(given.cells);
          state.recomputeAll();
          best.set(given.cells);
          bestHard = state.hard;
          bestSoft = state.soft;
          timeToBest = o.now() - o.startMs;
          o.onBest(bestHard, bestSoft, timeToBest);
        }
      }
    }
    it++;
    if (!endgame && o.adaptEvery > 0 && it % o.adaptEvery === 0) {
      state.hardWeight =
        state.hard > 0 ? Math.min(o.maxHardWeight, state.hardWeight * o.adaptFactor) : Math.max(o.minHardWeight, state.hardWeight / o.adaptFactor);
    }
    if (!gen.generate(state.x, m)) continue;
    const delta = state.propose(m.cells, m.values, m.n);
    if (delta <= 0 || o.random() < Math.exp(-delta / temp)) {
      state.accept();
      if (state.hard < bestHard || (state.hard === bestHard && state.soft < bestSoft)) {
        bestHard = state.hard;
        bestSoft = state.soft;
        best.set(state.x);
        timeToBest = o.now() - o.startMs;
        o.onBest(bestHard, bestSoft, timeToBest);
      }
    } else state.reject();
  }
  return { best, bestHard, bestSoft, iterations: it, timeToBestMs: timeToBest, restarts, cancelled };
}
