/**
 * The whole problem as one MIP, solved by HiGHS (WebAssembly) in a worker thread while the
 * local search runs on the main thread — the two cores work at once, and the event loop stays
 * free for the AbortSignal. On small rosters an exact solver beats local search within a minute
 * (NRP 1–6: optimal or within 1 % in PEERS.md); on large ones it finds nothing and is not started (see
 * `MAX_BINARIES`). The answer is scored by the engine like any roster; the better one wins.
 * HiGHS is optional: without the `highs` package the engine runs the local search alone.
 */
import { Worker } from 'node:worker_threads';
import type { Compiled } from '../compiled';
import { buildSubMip, readSubMip } from './subMip';

/**
 * Above this many binaries the MIP does not beat the search within a minute (NRP 8–10, 12–24:
 * no roster or a poor one; PEERS.md), while it takes CPU from the search on a busy machine —
 * bench:nrp at 10–20 s saw Instance8 end with the MIP's feasible 15,896 because the starved
 * search was still one weekend over. NRP 1–7 stay below it.
 */
export const MAX_BINARIES = 2500;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const load = require(workerData.highsPath);
(load.default || load)().then((h) => {
  const r = h.solve(workerData.lp, workerData.options);
  const primal = {};
  for (const [k, v] of Object.entries(r.Columns || {})) if (v && v.Primal > 0.5) primal[k] = v.Primal;
  parentPort.postMessage({ status: r.Status, primal });
}).catch((e) => parentPort.postMessage({ error: String(e && e.message || e) }));
`;

export interface ExactRun {
  /** Resolves with the cells of the MIP's best roster, or null (no solution, no solver, stopped). */
  result: Promise<{ cells: Int32Array; status: string } | null>;
  stop(): void;
}

function highsPath(): string | null {
  try {
    return require.resolve('highs');
  } catch {
    return null;
  }
}

/** Starts the exact solve of the whole problem with a time limit; null when not worth it. */
export function startExact(c: Compiled, x: Int32Array, locked: Uint8Array, timeLimitSec: number): ExactRun | null {
  const path = highsPath();
  if (!path || timeLimitSec < 1) return null;
  // Only cheap-to-build models: count candidate variables first.
  let n = 0;
  for (let d = 0; d < c.D; d++) n += c.shiftsByDay[d].length;
  if (n * c.P > MAX_BINARIES * 2) return null;
  const all = Array.from({ length: c.P }, (_, p) => p);
  const model = buildSubMip(c, x, locked, all, 0, c.D - 1, {
    cover: c.weights.coverHeadcount ?? 1,
    pref: c.weights.shiftPreference ?? 1,
    travel: c.weights.travelCost ?? 1,
    churn: c.weights.churn ?? 10,
  });
  if (!model || model.binaries > MAX_BINARIES) return null;
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { highsPath: path, lp: model.lp, options: { output_flag: false, time_limit: timeLimitSec, mip_rel_gap: 0, threads: 1 } },
  });
  worker.unref();
  let settle: (v: { cells: Int32Array; status: string } | null) => void = () => {};
  const result = new Promise<{ cells: Int32Array; status: string } | null>((resolve) => (settle = resolve));
  worker.once('message', (m: { status?: string; primal?: Record<string, number>; error?: string }) => {
    void worker.terminate();
    if (!m.primal || !m.status || m.error) return settle(null);
    const sub = readSubMip(model, m.primal);
    const cells = Int32Array.from(x);
    for (let i = 0; i < sub.n; i++) cells[sub.cells[i]] = sub.values[i];
    settle({ cells, status: m.status });
  });
  worker.once('error', () => settle(null));
  worker.once('exit', () => settle(null));
  return {
    result,
    stop: () => {
      void worker.terminate();
      settle(null);
    },
  };
}
