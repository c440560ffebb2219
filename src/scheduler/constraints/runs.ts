/**
 * Shared helper (not a constraint): the maximal runs of working days / days off of a row.
 * `RunScan.around(lo, hi)` lists the runs from the one containing day `lo` (moving back to its
 * first day) to the last one starting at or before `hi`, each in full — so the runs touching a
 * window are listed whole, which is what windowed (delta) scoring of run rules needs.
 *
 * Three rules read the same runs (minimum and maximum working runs, minimum rest), and the
 * search scores each changed window once before and once after a move, so the scan remembers the
 * row and window it last listed: the second and third rule read it instead of walking the row
 * again (the walks were an eighth of the search's time on NRP 24). The search state keeps one
 * scan in its running totals (RowStats), which forget it whenever a cell changes.
 */
import type { Compiled } from '../compiled';

export class RunScan {
  /** First day, last day and kind (1 = working) of run i, for i < n. */
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly working: Uint8Array;
  n = 0;
  private x: Int32Array | null = null;
  private off = -1;
  private lo = 0;
  private hi = -1;

  constructor(days: number) {
    this.first = new Int32Array(days + 1);
    this.last = new Int32Array(days + 1);
    this.working = new Uint8Array(days + 1);
  }

  /** A fresh scan of the runs touching [lo, hi] of row x[off …] (not remembered). */
  static of(c: Compiled, x: Int32Array, off: number, lo: number, hi: number): RunScan {
    const scan = new RunScan(c.D);
    scan.scan(c, x, off, lo, hi);
    return scan;
  }

  /** The runs touching [lo, hi] of row x[off …]; scanned again only if row or window differ. */
  around(c: Compiled, x: Int32Array, off: number, lo: number, hi: number): this {
    if (this.x !== x || this.off !== off || this.lo !== lo || this.hi !== hi) {
      this.scan(c, x, off, lo, hi);
      this.x = x;
      this.off = off;
      this.lo = lo;
      this.hi = hi;
    }
    return this;
  }

  /** The row changed: the next `around` scans again. */
  forget(): void {
    this.x = null;
  }

  private scan(c: Compiled, x: Int32Array, off: number, lo: number, hi: number): void {
    const D = c.D;
    this.n = 0;
    let d = Math.max(0, lo);
    if (d >= D) return;
    const w0 = x[off + d] >= 0;
    while (d > 0 && x[off + d - 1] >= 0 === w0) d--;
    const end = Math.min(hi, D - 1);
    let n = 0;
    while (d <= end) {
      const working = x[off + d] >= 0;
      let e = d;
      while (e + 1 < D && x[off + e + 1] >= 0 === working) e++;
      this.first[n] = d;
      this.last[n] = e;
      this.working[n++] = working ? 1 : 0;
      d = e + 1;
    }
    this.n = n;
  }
}

/**
 * The runs touching [lo, hi] of row x[off …]: from the search's shared scan when its running
 * totals are given (windowed scoring), else a fresh scan (full-row cost, explanations).
 */
export function runsAround(c: Compiled, x: Int32Array, off: number, lo: number, hi: number, stats?: { runs: RunScan }): RunScan {
  return stats ? stats.runs.around(c, x, off, lo, hi) : RunScan.of(c, x, off, lo, hi);
}

/**
 * The minimum-run rule both min-consecutive constraints share: a run of the given kind that
 * starts after day 0 and ends before the last day (so it is bounded by the other kind on both
 * sides, inside the horizon) and is shorter than `min` costs weight × missing days. Runs touching
 * the horizon's edge are never too short. Returns the cost; `onShort` sees each short run.
 */
export function shortInteriorRunsCost(
  c: Compiled,
  runs: RunScan,
  working: boolean,
  min: number,
  weight: number,
  onShort?: (first: number, last: number, run: number, cost: number) => void,
): number {
  const kind = working ? 1 : 0;
  const lastDay = c.D - 1;
  let cost = 0;
  for (let i = 0; i < runs.n; i++) {
    const first = runs.first[i];
    const last = runs.last[i];
    const run = last - first + 1;
    if (runs.working[i] !== kind || first === 0 || last === lastDay || run >= min) continue;
    const k = (min - run) * weight;
    cost += k;
    onShort?.(first, last, run, k);
  }
  return cost;
}
