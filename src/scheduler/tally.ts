/** Per-shift counters (people, party members, skill holders) built from a roster grid. */
import type { Compiled } from './compiled';
import { hasSkill } from './compiled';
import type { Tally } from './constraints/types';

export function emptyTally(c: Compiled): Tally {
  const K = c.skillIds.length;
  return { count: new Int32Array(c.S), party: new Int32Array(c.S), skill: new Int32Array(c.S * K), K };
}

/** Adds (sign = 1) or removes (sign = −1) person p on shift s. */
export function tallyAdd(c: Compiled, t: Tally, p: number, s: number, sign: number): void {
  t.count[s] += sign;
  if (c.people.party[p] === 1) t.party[s] += sign;
  if (t.K > 0) {
    for (let k = 0; k < t.K; k++) if (hasSkill(c, p, k)) t.skill[s * t.K + k] += sign;
  }
}

export function tallyFromCells(c: Compiled, cells: Int32Array, extra: Array<{ person: number; shift: number }> = []): Tally {
  const t = emptyTally(c);
  for (let p = 0; p < c.P; p++) {
    for (let d = 0; d < c.D; d++) {
      const s = cells[p * c.D + d];
      if (s >= 0) tallyAdd(c, t, p, s, 1);
    }
  }
  // A second shift on a day still staffs that shift: count it for cover, skills and party.
  for (const e of extra) tallyAdd(c, t, e.person, e.shift, 1);
  return t;
}
