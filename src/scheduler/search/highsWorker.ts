/**
 * HiGHS (WebAssembly) in a worker thread: a HiGHS solve is synchronous and can run for seconds,
 * so it runs off the main thread — the event loop stays free for the AbortSignal and progress,
 * and a solve that overruns can be cut short by terminating the worker. One worker serves many
 * solves in turn (the WASM module is loaded once). HiGHS is optional: without the `highs`
 * package `startHighsWorker` returns null and the engine runs the local search alone.
 */
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const load = require(workerData.highsPath);
const ready = (load.default || load)();
parentPort.on('message', ({ id, lp, options }) => {
  ready.then((h) => {
    const r = h.solve(lp, options);
    const primal = {};
    for (const [k, v] of Object.entries(r.Columns || {})) if (v && v.Primal > 0.5) primal[k] = v.Primal;
    parentPort.postMessage({ id, status: r.Status, primal });
  }).catch((e) => parentPort.postMessage({ id, error: String((e && e.message) || e) }));
});
`;

export interface HighsAnswer {
  status: string;
  /** Columns whose value is above one half (the binaries set to 1). */
  primal: Record<string, number>;
}

export interface HighsWorker {
  /** Solves one LP (CPLEX LP text); null when the solver failed or the worker was closed. */
  solve(lp: string, options: Record<string, unknown>): Promise<HighsAnswer | null>;
  /** Terminates the worker; a solve in flight resolves with null. */
  close(): void;
}

function highsPath(): string | null {
  try {
    return require.resolve('highs');
  } catch {
    return null;
  }
}

export function highsAvailable(): boolean {
  return highsPath() !== null;
}

export function startHighsWorker(): HighsWorker | null {
  const path = highsPath();
  if (!path) return null;
  const worker = new Worker(WORKER, { eval: true, workerData: { highsPath: path } });
  worker.unref();
  const pending = new Map<number, (a: HighsAnswer | null) => void>();
  let nextId = 0;
  let closed = false;
  const failAll = () => {
    closed = true;
    for (const settle of pending.values()) settle(null);
    pending.clear();
  };
  worker.on('message', (m: { id: number; status?: string; primal?: Record<string, number>; error?: string }) => {
    const settle = pending.get(m.id);
    pending.delete(m.id);
    settle?.(m.error || !m.status || !m.primal ? null : { status: m.status, primal: m.primal });
  });
  worker.once('error', failAll);
  worker.once('exit', failAll);
  return {
    solve(lp, options) {
      if (closed) return Promise.resolve(null);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ id, lp, options });
      });
    },
    close() {
      if (closed) return;
      failAll();
      void worker.terminate();
    },
  };
}
