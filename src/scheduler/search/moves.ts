/**
 * The neighbourhood of the local search, on the person × day grid:
 *  - change:      one person's day → another shift of that day, or off;
 *  - swap:        two people exchange what they do on one day;
 *  - blockSwap:   two people exchange a run of k consecutive days (keeps cover, reshapes rows —
 *                 what makes the NRP's run and weekend limits tractable);
 *  - blockChange: one person's run of k days → the "same" shift every day (same type and site), or off.
 * A move is written into (cells, values, n) for SearchState.propose; locked (pinned) cells are
 * never touched.
 */
import type { Compiled } from '../compiled';

export const MAX_BLOCK = 7;

export class MoveBuffer {
  readonly cells = new Int32Array(2 * MAX_BLOCK + 2);
  readonly values = new Int32Array(2 * MAX_BLOCK + 2);
  n = 0;
  kind = 0;
}

export const MOVE_KINDS = ['change', 'swap', 'blockSwap', 'blockChange'] as const;

/** For each shift, the shift of the next day with the same type and site (−1 if none). */
export function nextSameShift(c: Compiled): Int32Array {
  const next = new Int32Array(c.S).fill(-1);
  for (let d = 0; d + 1 < c.D; d++) {
    const key = new Map<string, number>();
    for (const s of c.shiftsByDay[d + 1]) {
      const k = `${c.shiftType[s]}|${c.shiftSite[s]}`;
      if (!key.has(k)) key.set(k, s);
    }
    for (const s of c.shiftsByDay[d]) next[s] = key.get(`${c.shiftType[s]}|${c.shiftSite[s]}`) ?? -1;
  }
  return next;
}

export class MoveGenerator {
  private readonly next: Int32Array;
  /** Cumulative probabilities of the move kinds. */
  private readonly cumulative: number[];

  constructor(
    private readonly c: Compiled,
    private readonly locked: Uint8Array,
    private readonly random: () => number,
    mix: readonly number[] = [0.3, 0.25, 0.35, 0.1],
  ) {
    this.next = nextSameShift(c);
    let acc = 0;
    const total = mix.reduce((a, b) => a + b, 0);
    this.cumulative = mix.map((m) => (acc += m / total));
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  /** Fills `m` with a random move of a random kind; returns false when the draw produced no change. */
  generate(x: Int32Array, m: MoveBuffer): boolean {
    const r = this.random();
    let kind = 0;
    while (kind < this.cumulative.length - 1 && r >= this.cumulative[kind]) kind++;
    m.kind = kind;
    m.n = 0;
    const { P, D } = this.c;
    if (kind === 0) {
      const p = this.int(P);
      const d = this.int(D);
      const cell = p * D + d;
      if (this.locked[cell]) return false;
      const day = this.c.shiftsByDay[d];
      const off = day.length === 0 || this.random() < 0.25;
      const v = off ? -1 : day[this.int(day.length)];
      if (v === x[cell]) return false;
      m.cells[0] = cell;
      m.values[0] = v;
      m.n = 1;
      return true;
    }
    if (P < 2 && kind !== 3) return false;
    if (kind === 1 || kind === 2) {
      const p1 = this.int(P);
      let p2 = this.int(P - 1);
      if (p2 >= p1) p2++;
      const k = kind === 1 ? 1 : 2 + this.int(Math.min(MAX_BLOCK, D) - 1);
      if (k > D) return false;
      const d0 = this.int(D - k + 1);
      let differs = false;
      for (let i = 0; i < k; i++) {
        const a = p1 * D + d0 + i;
        const b = p2 * D + d0 + i;
        if (this.locked[a] || this.locked[b]) return false;
        if (x[a] !== x[b]) differs = true;
        m.cells[m.n] = a;
        m.values[m.n++] = x[b];
        m.cells[m.n] = b;
        m.values[m.n++] = x[a];
      }
      return differs;
    }
    // blockChange
    const p = this.int(P);
    const k = 2 + this.int(Math.min(MAX_BLOCK, D) - 1);
    if (k > D) return false;
    const d0 = this.int(D - k + 1);
    const day = this.c.shiftsByDay[d0];
    let s = day.length === 0 || this.random() < 0.3 ? -1 : day[this.int(day.length)];
    let differs = false;
    for (let i = 0; i < k; i++) {
      const cell = p * D + d0 + i;
      if (this.locked[cell]) return false;
      if (x[cell] !== s) differs = true;
      m.cells[m.n] = cell;
      m.values[m.n++] = s;
      if (s >= 0) {
        s = this.next[s];
        if (s < 0) break;
      }
    }
    return differs;
  }
}
