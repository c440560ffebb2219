/**
 * The whole problem as one MIP, solved by HiGHS (WebAssembly) in a worker thread while the
 * local search runs on the main thread — the two cores work at once, and the event loop stays
 * free for the AbortSignal. On the smallest rosters it proves the optimum within a minute (NRP
 * 1–4); above `MAX_BINARIES` it is not started and the MIP polish (polish.ts) gets the core.
 * The answer is scored by the engine like any roster; the better one wins.
 * HiGHS is optional: without the `highs` package the engine runs the local search alone.
 */
import type { Compiled } from '../compiled';
import { highsAvailable, startHighsWorker } from './highsWorker';
import { buildSubMip, readSubMip, subMipWeights } from './subMip';

/**
 * Above this many binaries the whole-problem MIP does not beat the search within a minute, and
 * the second core is better spent on the MIP polish of 7-day windows (polish.ts). Measured with
 * HiGHS alone for 55 s: NRP 5 (740 binaries) 1,246 and NRP 6 (1,112) 2,240, where the search
 * reaches 1,155 and 2,042; NRP 8 (2,278) finds no roster (PEERS.md). NRP 1–4 (120–638) stay
 * below it: the MIP proves them optimal within the minute.
 */
export const MAX_BINARIES = 700;

export interface ExactRun {
  /**
   * Resolves with the cells of the MIP's best roster and the clock's reading when it arrived
   * (the solve collects it only after the search ends), or null (no solution, no solver, stopped).
   */
  result: Promise<{ cells: Int32Array; status: string; atMs: number } | null>;
  stop(): void;
}

/** Starts the exact solve of the whole problem with a time limit; null when not worth it. */
export function startExact(c: Compiled, x: Int32Array, locked: Uint8Array, timeLimitSec: number, now: () => number = () => performance.now()): ExactRun | null {
  if (!highsAvailable() || timeLimitSec < 1) return null;
  // Only cheap-to-build models: count candidate variables first.
  let n = 0;
  for (let d = 0; d < c.D; d++) n += c.shiftsByDay[d].length;
  if (n * c.P > MAX_BINARIES * 2) return null;
  const all = Array.from({ length: c.P }, (_, p) => p);
  const model = buildSubMip(c, x, locked, all, 0, c.D - 1, subMipWeights(c));
  if (!model || model.binaries > MAX_BINARIES) return null;
  const worker = startHighsWorker();
  if (!worker) return null;
  const result = worker.solve(model.lp, { output_flag: false, time_limit: timeLimitSec, mip_rel_gap: 0, threads: 1 }).then((answer) => {
    const atMs = now();
    worker.close();
    if (!answer) return null;
    const sub = readSubMip(model, answer.primal);
    const cells = Int32Array.from(x);
    for (let i = 0; i < sub.n; i++) cells[sub.cells[i]] = sub.values[i];
    return { cells, status: answer.status, atMs };
  });
  return { result, stop: () => worker.close() };
}
