/**
 * Moves handed from the move helper (dpHelper.ts) to the search thread through shared memory: a
 * ring of a few slots, one writer (the helper), one reader (the search). Few slots on purpose: a
 * move waiting in the ring was made on a roster that ages with every move the search takes.
 */
import { MAX_MOVE_CELLS, type MoveBuffer } from './moves';

export const RING_SLOTS = 4;
/** Per slot: kind, n, then the cells and the values. */
const SLOT = 2 + 2 * MAX_MOVE_CELLS;
/** Control words: moves written, moves taken, stop asked for. */
const WRITTEN = 0;
const TAKEN = 1;
const STOP = 2;

export class MoveRing {
  readonly buffer: SharedArrayBuffer;
  private readonly control: Int32Array;
  private readonly slots: Int32Array;

  constructor(buffer?: SharedArrayBuffer) {
    this.buffer = buffer ?? new SharedArrayBuffer(4 * (3 + RING_SLOTS * SLOT));
    this.control = new Int32Array(this.buffer, 0, 3);
    this.slots = new Int32Array(this.buffer, 12);
  }

  /** Writer: false when every slot is full. */
  put(m: MoveBuffer): boolean {
    const written = this.control[WRITTEN];
    if (written - Atomics.load(this.control, TAKEN) >= RING_SLOTS) return false;
    const at = (written % RING_SLOTS) * SLOT;
    this.slots[at] = m.kind;
    this.slots[at + 1] = m.n;
    for (let i = 0; i < m.n; i++) {
      this.slots[at + 2 + i] = m.cells[i];
      this.slots[at + 2 + MAX_MOVE_CELLS + i] = m.values[i];
    }
    Atomics.store(this.control, WRITTEN, written + 1);
    return true;
  }

  /** Reader: the oldest move into m, or false when there is none. */
  take(m: MoveBuffer): boolean {
    const taken = this.control[TAKEN];
    if (Atomics.load(this.control, WRITTEN) === taken) return false;
    const at = (taken % RING_SLOTS) * SLOT;
    m.kind = this.slots[at];
    const n = this.slots[at + 1];
    m.n = n;
    for (let i = 0; i < n; i++) {
      m.cells[i] = this.slots[at + 2 + i];
      m.values[i] = this.slots[at + 2 + MAX_MOVE_CELLS + i];
    }
    Atomics.store(this.control, TAKEN, taken + 1);
    Atomics.notify(this.control, TAKEN);
    return true;
  }

  /** Writer: is a slot free? */
  hasRoom(): boolean {
    return this.control[WRITTEN] - Atomics.load(this.control, TAKEN) < RING_SLOTS;
  }

  /** Writer: sleeps until a slot is free, the stop is asked for, or `ms` pass. */
  waitForRoom(ms: number): void {
    const taken = Atomics.load(this.control, TAKEN);
    if (this.control[WRITTEN] - taken < RING_SLOTS || this.stopped()) return;
    Atomics.wait(this.control, TAKEN, taken, ms);
  }

  /** Writer: sleeps `ms` unless the stop is asked for. */
  sleep(ms: number): void {
    Atomics.wait(this.control, STOP, 0, ms);
  }

  stop(): void {
    Atomics.store(this.control, STOP, 1);
    Atomics.notify(this.control, TAKEN);
    Atomics.notify(this.control, STOP);
  }

  stopped(): boolean {
    return Atomics.load(this.control, STOP) === 1;
  }
}
