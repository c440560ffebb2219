/**
 * The roster as the search thread shares it with its move helper (dpHelper.ts), in shared memory:
 * a log of the cells each accepted move changed, and a snapshot of the whole grid for when the
 * helper must start over (at its start, after the search adopts another roster, or when it fell
 * so far behind that the log wrapped). One writer (the search), one reader (the helper); the
 * helper's copy is a little behind the search's roster, which is all a move proposal needs — the
 * search scores every proposal on its own roster before taking it.
 */

/** Cells the log holds before it wraps (two Int32 each). */
export const LOG_CELLS = 1 << 20;

/** Control words: entries written, snapshot epoch, log position of the snapshot, snapshot asked for. */
const WRITTEN = 0;
const EPOCH = 1;
const SNAPSHOT_AT = 2;
const WANT_SNAPSHOT = 3;

export interface SharedRosterBuffers {
  control: SharedArrayBuffer;
  log: SharedArrayBuffer;
  snapshot: SharedArrayBuffer;
}

/** The search's side: appends accepted changes, publishes snapshots. */
export class SharedRosterWriter {
  readonly buffers: SharedRosterBuffers;
  private readonly control: Int32Array;
  private readonly log: Int32Array;
  private readonly snapshot: Int32Array;
  private written = 0;

  constructor(cells: number) {
    this.buffers = {
      control: new SharedArrayBuffer(4 * 4),
      log: new SharedArrayBuffer(8 * LOG_CELLS),
      snapshot: new SharedArrayBuffer(4 * cells),
    };
    this.control = new Int32Array(this.buffers.control);
    this.log = new Int32Array(this.buffers.log);
    this.snapshot = new Int32Array(this.buffers.snapshot);
  }

  /** Logs cell ← value (visible to the reader after `commit`). */
  push(cell: number, value: number): void {
    const i = (this.written & (LOG_CELLS - 1)) << 1;
    this.log[i] = cell;
    this.log[i + 1] = value;
    this.written++;
  }

  /** Makes the pushed changes visible; publishes a snapshot if the reader asked for one. */
  commit(x: Int32Array): void {
    Atomics.store(this.control, WRITTEN, this.written | 0);
    if (this.control[WANT_SNAPSHOT] !== 0) this.publish(x);
  }

  /**
   * The whole grid, for the reader to start over from. The epoch is odd while the snapshot is
   * being written (a seqlock): a reader that saw it odd, or saw it change while copying, copies
   * again later.
   */
  publish(x: Int32Array): void {
    Atomics.store(this.control, WANT_SNAPSHOT, 0);
    Atomics.add(this.control, EPOCH, 1);
    this.snapshot.set(x);
    Atomics.store(this.control, WRITTEN, this.written | 0);
    Atomics.store(this.control, SNAPSHOT_AT, this.written | 0);
    Atomics.add(this.control, EPOCH, 1);
  }
}

/** The helper's side: keeps a private copy of the grid in step with the writer. */
export class SharedRosterReader {
  private readonly control: Int32Array;
  private readonly log: Int32Array;
  private readonly snapshot: Int32Array;
  /** Epoch of the snapshot x was copied from (0: none yet, −1: a copy that was overwritten). */
  private epoch = 0;
  private read = 0;
  /** Asked for a snapshot after the log wrapped; nothing to apply until it comes. */
  private waiting = false;

  constructor(buffers: SharedRosterBuffers) {
    this.control = new Int32Array(buffers.control);
    this.log = new Int32Array(buffers.log);
    this.snapshot = new Int32Array(buffers.snapshot);
  }

  /**
   * Brings `x` up to date: `reload(x)` after copying a snapshot into it, `apply(cell, value)` for
   * each logged change since the last call. False while there is nothing to start from (no
   * snapshot yet, or the log wrapped and a new snapshot is awaited).
   */
  sync(x: Int32Array, reload: () => void, apply: (cell: number, value: number) => void): boolean {
    const epoch = Atomics.load(this.control, EPOCH);
    // An even epoch other than the one copied last: a finished snapshot to start over from.
    if (epoch !== this.epoch && epoch !== 0 && (epoch & 1) === 0) {
      const at = Atomics.load(this.control, SNAPSHOT_AT);
      x.set(this.snapshot);
      if (Atomics.load(this.control, EPOCH) !== epoch) {
        // Overwritten while copying: x holds nothing usable until a clean copy.
        this.epoch = -1;
        return false;
      }
      this.epoch = epoch;
      this.read = at;
      this.waiting = false;
      reload();
    }
    if (this.epoch <= 0 || this.waiting) return false;
    return this.drain(apply);
  }

  private drain(apply: (cell: number, value: number) => void): boolean {
    const written = Atomics.load(this.control, WRITTEN);
    if (((written - this.read) | 0) > LOG_CELLS) {
      // Fell behind by a whole log: ask for a snapshot and wait for it.
      Atomics.store(this.control, WANT_SNAPSHOT, 1);
      this.waiting = true;
      return false;
    }
    while (this.read !== written) {
      const i = (this.read & (LOG_CELLS - 1)) << 1;
      apply(this.log[i], this.log[i + 1]);
      this.read = (this.read + 1) | 0;
    }
    return true;
  }
}
