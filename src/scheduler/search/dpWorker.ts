/**
 * The move helper's thread (started by dpHelper.ts): it compiles the same problem, keeps its own
 * copy of the search's roster in step through the shared log (sharedRoster.ts), and makes the
 * costly DP moves — handover, grant, fill, pair-up, row layout — into the move ring for the search
 * thread to score and take or leave.
 */
import { workerData } from 'node:worker_threads';
import { compile } from '../compile';
import type { Problem, Roster } from '../model';
import { tallyFromCells } from '../tally';
import { MoveRing } from './moveRing';
import { MoveBuffer, MoveGenerator } from './moves';
import { mulberry32 } from './rng';
import { RowStats } from './rowStats';
import { SharedRosterReader, type SharedRosterBuffers } from './sharedRoster';

interface HelperData {
  problem: Problem;
  previous?: Roster;
  locked: Uint8Array;
  seed: number;
  mix: number[];
  ring: SharedArrayBuffer;
  roster: SharedRosterBuffers;
}

function main(d: HelperData): void {
  const c = compile(d.problem, d.previous);
  const x = new Int32Array(c.P * c.D).fill(-1);
  const stats = new RowStats(c, x);
  const count = new Int32Array(c.S);
  const gen = new MoveGenerator(c, d.locked, mulberry32(d.seed), d.mix);
  gen.staffed = count;
  gen.stats = stats;
  const reader = new SharedRosterReader(d.roster);
  const ring = new MoveRing(d.ring);
  const reload = () => {
    stats.reset(x);
    count.set(tallyFromCells(c, x).count);
  };
  const apply = (cell: number, v: number) => {
    const old = x[cell];
    if (old === v) return;
    if (old >= 0) count[old]--;
    if (v >= 0) count[v]++;
    x[cell] = v;
    stats.set((cell / c.D) | 0, cell % c.D, old, v);
  };
  const m = new MoveBuffer();
  while (!ring.stopped()) {
    if (!reader.sync(x, reload, apply)) {
      ring.sleep(1);
      continue;
    }
    // A full ring: wait, then make a fresh move rather than hand over one made before the wait.
    if (!ring.hasRoom()) {
      ring.waitForRoom(5);
      continue;
    }
    if (gen.generate(x, m) && m.n > 0) ring.put(m);
  }
}

main(workerData as HelperData);
