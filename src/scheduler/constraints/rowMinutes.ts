/** Shared helper (not a constraint): minutes worked in a person's row. */
import type { Compiled } from '../compiled';

export function rowMinutes(c: Compiled, x: Int32Array, off: number): number {
  let m = 0;
  for (let d = 0; d < c.D; d++) {
    const s = x[off + d];
    if (s >= 0) m += c.shiftMinutes[s];
  }
  return m;
}

export function rowShifts(c: Compiled, x: Int32Array, off: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < c.D; d++) if (x[off + d] >= 0) out.push(x[off + d]);
  return out;
}
