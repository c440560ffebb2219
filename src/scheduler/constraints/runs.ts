/**
 * Shared helper (not a constraint): walks the maximal runs of working days / days off of a row.
 * `visitRuns(lo, hi)` starts at the run containing day `lo` (moving back to its first day) and
 * visits every run that starts at or before `hi`, each in full — so the runs touching a window
 * are visited whole, which is what windowed (delta) scoring of run rules needs.
 */
import type { Compiled } from '../compiled';

/** Called with (first day, last day, working?) for each run. */
export type RunVisitor = (first: number, last: number, working: boolean) => void;

export function visitRuns(c: Compiled, x: Int32Array, off: number, lo: number, hi: number, visit: RunVisitor): void {
  const D = c.D;
  let d = Math.max(0, lo);
  if (d >= D) return;
  const w0 = x[off + d] >= 0;
  while (d > 0 && x[off + d - 1] >= 0 === w0) d--;
  const end = Math.min(hi, D - 1);
  while (d <= end) {
    const working = x[off + d] >= 0;
    let e = d;
    while (e + 1 < D && x[off + e + 1] >= 0 === working) e++;
    visit(d, e, working);
    d = e + 1;
  }
}

/**
 * The minimum-run rule both min-consecutive constraints share: a run of the given kind that
 * starts after day 0 and ends before the last day (so it is bounded by the other kind on both
 * sides, inside the horizon) and is shorter than `min` costs weight × missing days. Runs touching
 * the horizon's edge are never too short. Returns the cost; `onShort` sees each short run.
 */
export function shortInteriorRunsCost(
  c: Compiled,
  x: Int32Array,
  off: number,
  lo: number,
  hi: number,
  working: boolean,
  min: number,
  weight: number,
  onShort?: (first: number, last: number, run: number, cost: number) => void,
): number {
  if (min <= 1) return 0;
  let cost = 0;
  visitRuns(c, x, off, lo, hi, (first, last, isWorking) => {
    const run = last - first + 1;
    if (isWorking !== working || first === 0 || last === c.D - 1 || run >= min) return;
    const k = (min - run) * weight;
    cost += k;
    onShort?.(first, last, run, k);
  });
  return cost;
}
