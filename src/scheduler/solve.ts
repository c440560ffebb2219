/**
 * solve(): compile → greedy construction → simulated annealing with reheats → explanation.
 * Deterministic for a seed when given an iteration budget; clock and random source injectable;
 * cancellable through an AbortSignal (returns the best roster found so far).
 */
import { maxShiftsPerDay, type Compiled } from './compiled';
import { cellsToRoster, compile } from './compile';
import { explainCells } from './explain';
import type { Problem, Score, SolveOptions, SolveResult } from './model';
import { ProblemValidationError } from './model';
import { betterScore, fullScore } from './score';
import { anneal, type AnnealResult } from './search/anneal';
import { construct } from './search/construct';
import { startDpHelper } from './search/dpHelper';
import { startExact } from './search/exact';
import { startHighsWorker } from './search/highsWorker';
import { PolishLoop, polishApplies } from './search/polish';
import { repairHard } from './search/repair';
import { rowDpApplies } from './search/rowDp';
import { constructRows } from './search/constructRows';
import { MoveBuffer, MoveGenerator } from './search/moves';
import { mulberry32 } from './search/rng';
import { SearchState } from './search/state';

/** Search parameters (tuned on the NRP instances; exported so benchmarks can experiment). */
export const searchDefaults = {
  /** Penalty per unit of hard violation in the search objective, relative to soft costs. */
  hardWeight: 1000,
  /** Annealing cycles (each restarts from the best roster). */
  cycles: 1,
  /** Start temperature = t0Scale × median uphill step. */
  t0Scale: 1,
  /** Final temperature of each cycle. */
  t1: 0.5,
  adaptEvery: 5000,
  adaptFactor: 1.1,
  minHardWeight: 20,
  rowConstruction: true,
  /** Run the whole-problem MIP (HiGHS) beside the search when the model is small. */
  exact: true,
  /**
   * Run the MIP polish (search/polish.ts) beside the search (second core) on problems whose 7-day
   * windows make small MIPs and where the exact MIP does not already use that core.
   */
  polish: true,
  /**
   * On horizons longer than `polishEarlyMaxDays`, the fraction of the time before which the
   * polish takes no roster. The two cores slow each other (a HiGHS solve beside the annealer
   * costs it 20–30 % of its iterations), and there a round of windows is many solves while the
   * search improves early rosters as fast on its own. 60 s, seeds 1–3, polish from half-way
   * against from the start: NRP 19 3,869 / 4,169 / 3,852 against 4,244 / 4,354 / 4,365, NRP 15
   * 4,389 / 4,723 against 4,547 / 4,646, NRP 14 and 16 level (BENCH_NOTES.md, session 5).
   */
  polishFrom: 0.5,
  /**
   * Horizons (days) on which the polish starts at once: a round of windows is a handful of solves
   * and NRP 9 needs dozens of them (60 s, seeds 1–3, from half-way 519 / 486 / 525 against
   * 481 / 491 / 484 from the start).
   */
  polishEarlyMaxDays: 28,
  /** Share of the time kept for the final hard-rule repair (used only if still infeasible). */
  repairShare: 0.05,
  /** Least share of the time kept after the search for the final scoring and explanation. */
  endShare: 0.01,
  /** Fraction of the anneal after which the hard weight stays at its maximum. */
  endgameFrom: 0.85,
  /** Make the DP moves on the second core when nothing else uses it (search/dpHelper.ts). */
  dpHelper: true,
};

export function initialGrid(c: Compiled): { x: Int32Array; locked: Uint8Array } {
  const x = c.previousCell ? Int32Array.from(c.previousCell) : new Int32Array(c.P * c.D).fill(-1);
  const locked = new Uint8Array(c.P * c.D);
  for (let i = 0; i < x.length; i++) {
    if (c.pinnedCell[i] >= 0) {
      x[i] = c.pinnedCell[i];
      locked[i] = 1;
    }
  }
  return { x, locked };
}

/** Start temperature: a typical uphill step among random moves that keep hard rules unchanged. */
function calibrate(state: SearchState, gen: MoveGenerator): number {
  const ups: number[] = [];
  const m = new MoveBuffer();
  for (let i = 0; i < 2000 && ups.length < 200; i++) {
    if (!gen.generate(state.x, m)) continue;
    const delta = state.propose(m.cells, m.values, m.n);
    const dh = state.pendingDelta().hard;
    state.reject();
    if (dh === 0 && delta > 0) ups.push(delta);
  }
  if (ups.length === 0) return 10;
  ups.sort((a, b) => a - b);
  return Math.max(1, ups[Math.floor(ups.length / 2)]);
}

export async function solveProblem(problem: Problem, opts: SolveOptions): Promise<SolveResult> {
  if (!opts || typeof opts.timeLimitMs !== 'number' || !(opts.timeLimitMs >= 0)) {
    throw new ProblemValidationError('opts.timeLimitMs', 'must be a number ≥ 0');
  }
  const now = opts.now ?? (() => performance.now());
  const start = now();
  const random = opts.random ?? mulberry32(opts.seed ?? 1);
  const c = compile(problem, opts.previous);
  const { x, locked } = initialGrid(c);
  // The exact MIP runs beside the local search (second core) when the model is small; it is
  // time-dependent, so it is left out when an iteration budget asks for a reproducible run.
  const exact =
    searchDefaults.exact && opts.maxIterations === undefined && !opts.signal?.aborted
      ? startExact(c, x, locked, (opts.timeLimitMs * 0.9 - (now() - start)) / 1000 - 1, now)
      : null;
  // The polish is time-dependent too, and needs HiGHS and the core the exact MIP would use.
  const polishOn =
    searchDefaults.polish && !exact && opts.maxIterations === undefined && !opts.signal?.aborted && polishApplies(c, locked);
  const polishWorker = polishOn ? startHighsWorker() : null;
  const polishFrom = start + (c.D > searchDefaults.polishEarlyMaxDays ? opts.timeLimitMs * searchDefaults.polishFrom : 0);
  const polishLoop = polishWorker
    ? new PolishLoop(c, locked, polishWorker, { deadline: start + opts.timeLimitMs * 0.97, from: polishFrom, now, random: mulberry32(Math.floor(random() * 2 ** 32)) })
    : null;
  // Few shifts a day (rota-like): lay out whole rows; many sites a day: fill shift by shift.
  if (searchDefaults.rowConstruction && maxShiftsPerDay(c) <= 64) constructRows(c, x, locked, random);
  construct(c, x, locked, random);
  const state = new SearchState(c, x, searchDefaults.hardWeight);
  const gen = new MoveGenerator(c, locked, random);
  gen.focus = () => state.samplePersonWithHard(random);
  gen.staffed = state.tally.count;
  gen.stats = state.stats;
  let lastProgress = -Infinity;
  let lastHard = Infinity;
  // Throttled to one report in 100 ms, except when the hard count falls: a listener waiting for
  // the first roster that breaks no rule must see it when it happens, not at the end.
  const report = (hard: number, soft: number, phase: string, force: boolean, t = now()) => {
    if (!opts.onProgress) return;
    if (!force && hard >= lastHard && t - lastProgress < 100) return;
    lastProgress = t;
    lastHard = Math.min(lastHard, hard);
    const bestScore: Score = { hard, soft, parts: [] };
    opts.onProgress({ bestScore, phase, elapsedMs: t - start });
  };
  // The second core makes the DP moves where nothing else uses it (search/dpHelper.ts).
  const helper =
    searchDefaults.dpHelper && rowDpApplies(c) && !exact && !polishWorker && opts.maxIterations === undefined && !opts.signal?.aborted
      ? startDpHelper(problem, opts.previous, locked, Math.floor(random() * 2 ** 32), state, gen)
      : null;
  // Stop the helper however the search ends: left running it would keep a core busy after the solve.
  let searchStart: number;
  let result: AnnealResult;
  try {
    report(state.hard, state.soft, 'construct', true);
    let t0 = calibrate(state, gen) * searchDefaults.t0Scale;
    // Re-planning starts from a good roster: a cool start keeps the repair local instead of
    // reshuffling everyone and counting on churn to pull them back.
    if (c.previousCell) t0 = Math.min(t0, Math.max(1, c.weights.churn ?? 10));
    // Keep time at the end for the final scoring and explanation (about one construction on large
    // problems) and, only while the best roster still breaks a hard rule, a few percent more for
    // the hard-rule repair: a feasible search runs on to the end margin instead of idling through
    // a repair reserve it does not use.
    searchStart = now();
    const setupMs = searchStart - start;
    const endMargin = Math.max(opts.timeLimitMs * searchDefaults.endShare, Math.min(setupMs, opts.timeLimitMs * 0.3));
    const reserve = Math.max(opts.timeLimitMs * searchDefaults.repairShare, endMargin);
    const timed = opts.maxIterations === undefined;
    result = await anneal(state, gen, {
      timeLimitMs: Math.max(0, (timed ? opts.timeLimitMs - endMargin : opts.timeLimitMs) - setupMs),
      infeasibleStopMs: timed ? opts.timeLimitMs - reserve - setupMs : undefined,
      maxIterations: opts.maxIterations,
      now,
      startMs: searchStart,
      random,
      signal: opts.signal,
      t0,
      t1: Math.min(searchDefaults.t1, t0),
      cycles: searchDefaults.cycles,
      adaptEvery: searchDefaults.adaptEvery,
      adaptFactor: searchDefaults.adaptFactor,
      minHardWeight: searchDefaults.minHardWeight,
      maxHardWeight: searchDefaults.hardWeight,
      endgameFrom: searchDefaults.endgameFrom,
      onBest: (h, s, atMs) => report(h, s, 'search', false, searchStart + atMs),
      exchange: polishLoop ?? undefined,
    });
  } finally {
    await helper?.stop();
  }
  // The anneal counts from its own start; the solve's figures count from the solve's.
  result.timeToBestMs += searchStart - start;
  let polishStats: { solves: number; improvements: number } | undefined;
  if (polishLoop) {
    await polishLoop.stop();
    polishStats = { solves: polishLoop.solves, improvements: polishLoop.improvements };
    const p = polishLoop.best;
    // A window answer that arrived after the search's last yield.
    if (p && betterScore(p, { hard: result.bestHard, soft: result.bestSoft })) {
      result.best = p.cells;
      result.bestHard = p.hard;
      result.bestSoft = p.soft;
      result.timeToBestMs = now() - start;
    }
  }
  let best = result.best;
  if (!result.cancelled) {
    // The roster where the anneal ended may be one hard unit away from a much better soft cost
    // than the best feasible one: repair it too and keep whichever wins.
    const tries: Int32Array[] = [];
    if (state.hard > 0 && state.soft < result.bestSoft) tries.push(Int32Array.from(state.x));
    if (result.bestHard > 0) tries.push(result.best);
    let bh = result.bestHard;
    let bs = result.bestSoft;
    for (const start0 of tries) {
      state.x.set(start0);
      state.recomputeAll();
      repairHard(state, locked, start + opts.timeLimitMs * 0.985, now);
      if (betterScore(state, { hard: bh, soft: bs })) {
        bh = state.hard;
        bs = state.soft;
        best = Int32Array.from(state.x);
        result.timeToBestMs = now() - start;
      }
    }
  }
  let bestScore: Score | null = null;
  let timeToBest = result.timeToBestMs;
  let exactStatus: string | undefined;
  if (exact) {
    if (result.cancelled) exact.stop();
    else {
      // HiGHS stops at its own (earlier) time limit; wait for it at most until the deadline.
      const grace = setTimeout(() => exact.stop(), Math.max(0, start + opts.timeLimitMs * 0.97 - now()));
      const found = await exact.result;
      clearTimeout(grace);
      if (found) {
        exactStatus = found.status;
        const s = fullScore(c, found.cells);
        bestScore ??= fullScore(c, best);
        if (betterScore(s, bestScore)) {
          best = found.cells;
          bestScore = s;
          timeToBest = found.atMs - start;
        }
      } else exactStatus = 'none';
    }
  }
  // One pass: the explanation carries the full score of the chosen roster.
  const explanation = explainCells(c, best);
  const score = explanation.score;
  report(score.hard, score.soft, 'done', true);
  return {
    roster: cellsToRoster(c, best),
    score,
    feasible: score.hard === 0,
    explanation,
    stats: {
      iterations: result.iterations,
      elapsedMs: now() - start,
      timeToBestMs: timeToBest,
      restarts: result.restarts,
      cancelled: result.cancelled,
      ...(exactStatus ? { exactStatus } : {}),
      ...(polishStats ? { polish: polishStats } : {}),
      ...(helper ? { helperMoves: gen.helperMoves } : {}),
    },
  };
}
