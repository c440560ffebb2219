/**
 * MIP polish, beside the search on the second core: HiGHS re-optimises the roster window by
 * window — everybody's days over POLISH_WINDOW consecutive days are free, every other day is
 * fixed (subMip.ts) — sliding the window by POLISH_STEP days and going round again until the
 * deadline or until a whole round changes nothing.
 *
 * Why: on the small NRP rosters the annealer stalls at trades no move of its own makes — who
 * takes the night shifts of one week, with everyone's runs, requests and cover at once. Each such
 * window is a MIP of a few hundred binaries that HiGHS solves to optimality in about a second.
 * From converged 60 s rosters (seed 1), one to two rounds of 7-day windows took NRP 8 from 1,598
 * to 1,390 and NRP 9 from 513 to 478 (see BENCH_NOTES.md, session 4).
 *
 * Each answer is scored by the engine with every registered constraint and kept only if the
 * whole roster gets better, so what the MIP does not model (skills, party members, fairness)
 * stays respected. Only problems whose windows stay small take it (`polishApplies`).
 */
import type { Compiled } from '../compiled';
import { betterScore, fullScore } from '../score';
import { isAvailable } from '../constraints/availability';
import { startHighsWorker, type HighsWorker } from './highsWorker';
import { buildSubMip, readSubMip, subMipWeights } from './subMip';

/** Days a polish window spans (a week: every weekday and the weekend in one model). */
export const POLISH_WINDOW = 7;
/** Days the window slides by (windows overlap, so runs across a border are re-planned too). */
export const POLISH_STEP = 3;
/**
 * Largest window model (binaries) worth polishing: NRP 8, 9, 14 and 19 (550–900) solve to
 * optimality in 0.3–3 s; ten times that does not solve within the few seconds a window may take.
 */
export const POLISH_MAX_BINARIES = 1200;
/** Time limit of one window's solve (seconds); HiGHS then returns its best roster so far. */
const SOLVE_LIMIT_SEC = 5;

/** The number of cell variables of the window [a, a + w − 1] with every person free. */
function windowBinaries(c: Compiled, locked: Uint8Array, a: number, w: number): number {
  let n = 0;
  for (let p = 0; p < c.P; p++) {
    for (let d = a; d < Math.min(c.D, a + w); d++) {
      if (locked[p * c.D + d]) continue;
      for (const s of c.shiftsByDay[d]) if (c.people.maxShiftsPerType[p * c.T + c.shiftType[s]] !== 0 && isAvailable(c, p, s)) n++;
    }
  }
  return n;
}

/** Does the polish apply (HiGHS present is checked when it starts): small windows, a horizon longer than one. */
export function polishApplies(c: Compiled, locked: Uint8Array): boolean {
  if (c.D <= POLISH_WINDOW || c.P === 0) return false;
  // Cheap bound first, so large problems never count their cells.
  let most = 0;
  for (let d = 0; d < POLISH_WINDOW; d++) most += c.shiftsByDay[d].length;
  if (most * c.P > POLISH_MAX_BINARIES * 4) return false;
  return windowBinaries(c, locked, 0, POLISH_WINDOW) <= POLISH_MAX_BINARIES;
}

export interface PolishOptions {
  /** Absolute time (in `now()` units, ms) by which the polish returns. */
  deadline: number;
  now: () => number;
  random: () => number;
  signal?: AbortSignal;
  /** Called with the new (hard, soft) whenever a window improves the roster. */
  onImprove?: (hard: number, soft: number) => void;
  /**
   * A worker started earlier (HiGHS loads while the search runs) and kept for later calls; the
   * polish closes it only on abort or at the deadline. Without one it starts and closes its own.
   */
  worker?: HighsWorker | null;
}

export interface PolishResult {
  cells: Int32Array;
  hard: number;
  soft: number;
  solves: number;
  improvements: number;
}

/** Polishes roster `x` window by window until the deadline; returns the best roster seen. */
export async function polish(c: Compiled, x: Int32Array, locked: Uint8Array, o: PolishOptions): Promise<PolishResult> {
  const cells = Int32Array.from(x);
  const start = fullScore(c, cells);
  const out: PolishResult = { cells, hard: start.hard, soft: start.soft, solves: 0, improvements: 0 };
  if (o.signal?.aborted) return out;
  const worker = o.worker ?? startHighsWorker();
  if (!worker) return out;
  const onAbort = () => worker.close();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  // HiGHS keeps its own time limit only roughly (loading the module, presolve): a solve still
  // running at the deadline is cut off, and the windows kept so far stand.
  const cutoff = setTimeout(onAbort, Math.max(0, o.deadline - o.now()));
  try {
    const weights = subMipWeights(c);
    const all = Array.from({ length: c.P }, (_, p) => p);
    const last = c.D - POLISH_WINDOW;
    // Each round starts at a random offset below POLISH_STEP and ends with the last window, so
    // every day is in some window of every round.
    const firstOf = () => Math.floor(o.random() * Math.min(POLISH_STEP, last + 1));
    let a = firstOf();
    let sinceImproved = 0;
    const perRound = Math.ceil(last / POLISH_STEP) + 1;
    while (sinceImproved < perRound && !o.signal?.aborted) {
      const left = (o.deadline - o.now()) / 1000;
      if (left < 0.2) break;
      const model = buildSubMip(c, cells, locked, all, a, a + POLISH_WINDOW - 1, weights);
      a = a === last ? firstOf() : Math.min(last, a + POLISH_STEP);
      sinceImproved++;
      if (!model) continue;
      const answer = await worker.solve(model.lp, { output_flag: false, time_limit: Math.min(SOLVE_LIMIT_SEC, left), mip_rel_gap: 0, threads: 1 });
      if (!answer) break;
      out.solves++;
      const sub = readSubMip(model, answer.primal);
      const trial = Int32Array.from(cells);
      for (let i = 0; i < sub.n; i++) trial[sub.cells[i]] = sub.values[i];
      const s = fullScore(c, trial);
      if (betterScore(s, out)) {
        cells.set(trial);
        out.hard = s.hard;
        out.soft = s.soft;
        out.improvements++;
        sinceImproved = 0;
        o.onImprove?.(s.hard, s.soft);
      }
    }
  } finally {
    clearTimeout(cutoff);
    o.signal?.removeEventListener('abort', onAbort);
    if (!o.worker) worker.close();
  }
  return out;
}

/** A roster with its score, as the search and the polish hand it to each other. */
export interface ScoredRoster {
  cells: Int32Array;
  hard: number;
  soft: number;
}

/**
 * The polish beside the search, on the second core: it polishes a copy of the search's best
 * roster (offered at the search's yields) until no window improves it, hands the result back for
 * the search to adopt, then waits for a newer best and starts again; what it finds joins the
 * search at the next yield (anneal.ts, `exchange`). It is not free: on two cores each HiGHS solve
 * slows the annealer by 20–30 %, which is why it may be told to start late (`from`).
 */
export class PolishLoop {
  private offered: ScoredRoster | null = null;
  private improved: ScoredRoster | null = null;
  /** The best roster the polish produced (null until one improves on its start). */
  best: ScoredRoster | null = null;
  solves = 0;
  improvements = 0;
  private readonly stopper = new AbortController();
  private wake: (() => void) | null = null;
  private readonly running: Promise<void>;
  /** Score of the roster the last polish started from (a new offer must beat it). */
  private startedFrom: { hard: number; soft: number } = { hard: Infinity, soft: Infinity };

  constructor(
    private readonly c: Compiled,
    private readonly locked: Uint8Array,
    private readonly worker: HighsWorker,
    /** `from`: offers before this time (in `now()` units) are ignored — the polish starts late. */
    private readonly o: { deadline: number; now: () => number; random: () => number; from?: number },
  ) {
    this.running = this.loop();
  }

  /** The search's best roster (copied only when it beats the one the polish last started from). */
  offer(cells: Int32Array, hard: number, soft: number): void {
    if (this.o.from !== undefined && this.o.now() < this.o.from) return;
    if (!betterScore({ hard, soft }, this.startedFrom)) return;
    if (this.offered && !betterScore({ hard, soft }, this.offered)) return;
    this.offered = { cells: Int32Array.from(cells), hard, soft };
    this.wake?.();
  }

  /** A polished roster for the search to adopt, once. */
  take(): ScoredRoster | null {
    const r = this.improved;
    this.improved = null;
    return r;
  }

  /** Stops the polish (a solve in flight is dropped) and resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.stopper.abort();
    this.worker.close();
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopper.signal.aborted && this.o.now() < this.o.deadline) {
      const start = this.offered;
      if (!start) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      this.offered = null;
      this.startedFrom = start;
      const done = await polish(this.c, start.cells, this.locked, {
        deadline: this.o.deadline,
        now: this.o.now,
        random: this.o.random,
        signal: this.stopper.signal,
        worker: this.worker,
      });
      this.solves += done.solves;
      if (done.improvements === 0) continue;
      this.improvements += done.improvements;
      const r: ScoredRoster = { cells: done.cells, hard: done.hard, soft: done.soft };
      this.startedFrom = r;
      if (!this.best || betterScore(r, this.best)) this.best = r;
      this.improved = r;
    }
  }
}
