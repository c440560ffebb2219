/**
 * Per-person running totals kept by the search state as cells change: minutes worked, shifts per
 * type and shifts beyond the per-type limits, worked days per weekend and weekends worked. Global
 * row rules (total minutes, per-type limits, weekends, fairness) read these in O(1) instead of
 * walking the row. Beside them, the last scan of a row's runs, which the run rules share while
 * scoring one window.
 */
import type { Compiled } from '../compiled';
import { RunScan } from '../constraints/runs';

export class RowStats {
  readonly minutes: Float64Array;
  readonly typeCount: Int32Array;
  /**
   * Per person: shifts beyond their per-type limits, summed over the limited types. Kept as the
   * counts change, so the per-type rule is scored in O(1) instead of O(types) a window (NRP 24
   * has 32 types; the rule was 2 % of the search's time).
   */
  readonly typeExcess: Int32Array;
  readonly weekendDays: Int32Array;
  readonly weekendsWorked: Int32Array;
  /** Runs around the window being scored; forgotten on every change (`set`). */
  readonly runs: RunScan;

  constructor(
    private readonly c: Compiled,
    x: Int32Array,
  ) {
    this.minutes = new Float64Array(c.P);
    this.typeCount = new Int32Array(c.P * c.T);
    this.typeExcess = new Int32Array(c.P);
    this.weekendDays = new Int32Array(c.P * Math.max(1, c.weekendCount));
    this.weekendsWorked = new Int32Array(c.P);
    this.runs = new RunScan(c.D);
    this.reset(x);
  }

  /** Recomputes every total from the grid (after bulk edits). */
  reset(x: Int32Array): void {
    const c = this.c;
    this.minutes.fill(0);
    this.typeCount.fill(0);
    this.typeExcess.fill(0);
    this.weekendDays.fill(0);
    this.weekendsWorked.fill(0);
    this.runs.forget();
    for (let p = 0; p < c.P; p++) for (let d = 0; d < c.D; d++) this.set(p, d, -1, x[p * c.D + d]);
  }

  /** Person p's day d changes from shift `from` to shift `to` (−1 = off). */
  set(p: number, d: number, from: number, to: number): void {
    const c = this.c;
    this.runs.forget();
    if (from >= 0) {
      this.minutes[p] -= c.shiftMinutes[from];
      const i = p * c.T + c.shiftType[from];
      const max = c.people.maxShiftsPerType[i];
      if (max >= 0 && this.typeCount[i] > max) this.typeExcess[p]--;
      this.typeCount[i]--;
    }
    if (to >= 0) {
      this.minutes[p] += c.shiftMinutes[to];
      const i = p * c.T + c.shiftType[to];
      const max = c.people.maxShiftsPerType[i];
      this.typeCount[i]++;
      if (max >= 0 && this.typeCount[i] > max) this.typeExcess[p]++;
    }
    const w = c.weekendOfDay[d];
    if (w >= 0 && (from >= 0) !== (to >= 0)) {
      const i = p * c.weekendCount + w;
      const before = this.weekendDays[i];
      this.weekendDays[i] += to >= 0 ? 1 : -1;
      if (before === 0) this.weekendsWorked[p]++;
      else if (this.weekendDays[i] === 0) this.weekendsWorked[p]--;
    }
  }
}
