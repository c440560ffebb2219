/**
 * Rule (hard): shift type B must not be worked on the day right after a day on which shift type
 * A was worked, for every forbidden pair (A, B) (NRP "NotNext"; e.g. no day shift after a night).
 * Nothing is assumed about the days before or after the horizon.
 * Cost: weight × number of forbidden consecutive-day pairs.
 */
import type { Compiled } from '../compiled';
import type { PersonConstraint, Reporter } from './types';
import { personName, shiftLabel, shiftLabelZh } from './types';

export const forbiddenSuccession: PersonConstraint = {
  name: 'forbiddenSuccession',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: (c) => c.hasForbiddenNext,
  cost(c, p, x, off, weight, report) {
    return successionRange(c, p, x, off, weight, 0, c.D - 1, report);
  },
  /** Pairs (d−1, d) with both days inside [from, to]. */
  window: (c, p, x, off, weight, from, to) => successionRange(c, p, x, off, weight, from, to),
  message: (c, v) => ({
    en: `${personName(c, v.person)} works ${shiftLabel(c, v.shifts[1])} right after ${shiftLabel(c, v.shifts[0])}; this succession is not allowed.`,
    'zh-CN': `${personName(c, v.person)} 在 ${shiftLabelZh(c, v.shifts[0])} 之后第二天上 ${shiftLabelZh(c, v.shifts[1])}，不允许这样衔接。`,
  }),
};

function successionRange(c: Compiled, p: number, x: Int32Array, off: number, weight: number, from: number, to: number, report?: Reporter): number {
    const T = c.T;
    let cost = 0;
    const lo = Math.max(0, from);
    let prev = x[off + lo];
    for (let d = lo + 1; d <= to && d < c.D; d++) {
      const s = x[off + d];
      if (prev >= 0 && s >= 0 && c.forbiddenNext[c.shiftType[prev] * T + c.shiftType[s]] === 1) {
        cost += weight;
        report?.({ person: p, shifts: [prev, s], day: d - 1, cost: weight, detail: {} });
      }
      prev = s;
    }
    return cost;
}
