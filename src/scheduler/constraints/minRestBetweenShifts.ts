/**
 * Rule (hard): between the end of one of a person's shifts and the start of their next shift
 * there are at least `limits.minRestMinutes` minutes (overlapping shifts have negative rest).
 * Cost: weight × number of too-short rests.
 */
import type { Compiled } from '../compiled';
import type { PersonConstraint, Reporter } from './types';
import { personName, shiftLabel, shiftLabelZh } from './types';

export const minRestBetweenShifts: PersonConstraint = {
  name: 'minRestBetweenShifts',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: (c) => c.people.minRestMinutes.some((v) => v > 0),
  cost: (c, p, x, off, weight, report) => restCost(c, p, x, off, weight, 0, c.D - 1, report),
  /** Pairs of consecutive worked shifts touching [from, to] (reaching back/forward to the neighbours). */
  window(c, p, x, off, weight, from, to) {
    let lo = Math.max(0, from);
    while (lo > 0 && x[off + lo] < 0) lo--;
    if (lo > 0) lo--;
    while (lo > 0 && x[off + lo] < 0) lo--;
    let hi = Math.min(c.D - 1, to);
    while (hi < c.D - 1 && x[off + hi] < 0) hi++;
    return restCost(c, p, x, off, weight, lo, hi);
  },
  message: (c, v) => ({
    en: `${personName(c, v.person)} rests only ${v.detail.rest} minutes between ${shiftLabel(c, v.shifts[0])} and ${shiftLabel(c, v.shifts[1])} (at least ${v.detail.minRest} required).`,
    'zh-CN': `${personName(c, v.person)} 在 ${shiftLabelZh(c, v.shifts[0])} 与 ${shiftLabelZh(c, v.shifts[1])} 之间只休息 ${v.detail.rest} 分钟（至少需要 ${v.detail.minRest} 分钟）。`,
  }),
};

/** Rests between consecutive worked shifts whose days both lie in [lo, hi]. */
function restCost(c: Compiled, p: number, x: Int32Array, off: number, weight: number, lo: number, hi: number, report?: Reporter): number {
    const minRest = c.people.minRestMinutes[p];
    if (minRest <= 0) return 0;
    let cost = 0;
    let prev = -1;
    for (let d = lo; d <= hi; d++) {
      const s = x[off + d];
      if (s < 0) continue;
      if (prev >= 0) {
        const rest = c.shiftStart[s] - c.shiftEnd[prev];
        if (rest < minRest) {
          cost += weight;
          report?.({ person: p, shifts: [prev, s], day: c.shiftDay[prev], cost: weight, detail: { rest, minRest } });
        }
      }
      prev = s;
    }
    return cost;
}
