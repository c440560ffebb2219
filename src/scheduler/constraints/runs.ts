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
