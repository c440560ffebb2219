/**
 * The second core for the DP moves. Where neither the exact MIP nor the polish uses it, a worker
 * thread (dpWorker.ts) makes the costly two-row and row-layout moves — about half of the search
 * thread's time on the long rotas — from a copy of the roster kept in step through shared memory
 * (sharedRoster.ts). The search thread takes them from a ring (moveRing.ts) when it draws one of
 * those kinds, and scores each on its own roster like any other move; a draw that finds the ring
 * empty makes the move itself, as without a helper. The search thread then spends most of its
 * time on the cheap moves and on scoring: at 60 s it made 1.1–1.5 times as many moves in all.
 *
 * Only the compiled build can start the worker (it runs dpWorker.js); under a TypeScript loader,
 * and whenever an iteration budget asks for a reproducible run, the search makes every move itself.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Problem, Roster } from '../model';
import { MoveRing } from './moveRing';
import { MOVE_KINDS, moveMix, type MoveGenerator } from './moves';
import { SharedRosterWriter } from './sharedRoster';
import type { SearchState } from './state';

/** Move kinds the helper makes: the DP moves, but for fixDp, which aims at the search's own violations. */
export const HELPER_KINDS: ReadonlyArray<(typeof MOVE_KINDS)[number]> = ['rowDp', 'handover', 'grant', 'fill', 'pairUp'];

export interface DpHelper {
  /** Stops the worker and hands the DP moves back to the search thread; resolves once it has exited. */
  stop(): Promise<void>;
}

const WORKER_FILE = path.join(__dirname, 'dpWorker.js');


/**
 * Starts the helper beside the search: from now on the search's accepted moves are logged for it
 * and the helper kinds are taken from its ring. Null when it cannot run here.
 */
export function startDpHelper(problem: Problem, previous: Roster | undefined, locked: Uint8Array, seed: number, state: SearchState, gen: MoveGenerator): DpHelper | null {
  // Only the compiled build has the worker's JavaScript beside this file.
  if (!existsSync(WORKER_FILE)) return null;
  const kinds = new Uint8Array(MOVE_KINDS.length);
  for (const k of HELPER_KINDS) kinds[MOVE_KINDS.indexOf(k)] = 1;
  const writer = new SharedRosterWriter(state.x.length);
  const ring = new MoveRing();
  const mix = moveMix.map((share, k) => (kinds[k] === 1 ? share : 0));
  let worker: Worker;
  try {
    worker = new Worker(WORKER_FILE, {
      workerData: { problem, previous, locked, seed, mix, ring: ring.buffer, roster: writer.buffers },
    });
  } catch {
    // No thread to be had (resource limits): the search makes every move itself.
    return null;
  }
  worker.unref();
  const release = () => {
    gen.helper = null;
    state.log = null;
  };
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // A helper that fails leaves the DP moves to the search thread again.
  worker.once('error', release);
  state.log = writer;
  writer.publish(state.x);
  gen.helper = { ring, kinds };
  return {
    async stop() {
      release();
      ring.stop();
      await worker.terminate();
      await exited;
    },
  };
}
