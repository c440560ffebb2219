/**
 * Rule (hard): a person works only when available — never on one of their `unavailableDays`,
 * never on a shift overlapping one of their `unavailable` windows, and, when they have
 * `availability` windows, only on shifts lying entirely inside one of them.
 * Cost: weight × number of shifts held while unavailable.
 */
import type { Compiled } from '../compiled';
import type { PersonConstraint, Reporter } from './types';
import { personName, shiftLabel, shiftLabelZh } from './types';

/** Can person p work shift s as far as availability goes? */
export function isAvailable(c: Compiled, p: number, s: number): boolean {
  if (c.people.unavailableDay[p * c.D + c.shiftDay[s]] === 1) return false;
  const st = c.shiftStart[s];
  const en = c.shiftEnd[s];
  const un = c.people.unavailableWindows[p];
  if (un) for (let i = 0; i < un.length; i += 2) if (st < un[i + 1] && un[i] < en) return false;
  const av = c.people.availabilityWindows[p];
  if (av) {
    for (let i = 0; i < av.length; i += 2) if (av[i] <= st && en <= av[i + 1]) return true;
    return false;
  }
  return true;
}

export const availability: PersonConstraint = {
  name: 'availability',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: () => true,
  cost(c, p, x, off, weight, report) {
    return availabilityRange(c, p, x, off, weight, 0, c.D - 1, report);
  },
  window: (c, p, x, off, weight, from, to) => availabilityRange(c, p, x, off, weight, from, to),
  message: (c, v) => ({
    en: `${personName(c, v.person)} is not available for shift ${shiftLabel(c, v.shifts[0])}.`,
    'zh-CN': `${personName(c, v.person)} 在班次 ${shiftLabelZh(c, v.shifts[0])} 不可上岗。`,
  }),
};

function availabilityRange(c: Compiled, p: number, x: Int32Array, off: number, weight: number, from: number, to: number, report?: Reporter): number {
    let cost = 0;
    for (let d = Math.max(0, from); d <= to && d < c.D; d++) {
      const s = x[off + d];
      if (s >= 0 && !isAvailable(c, p, s)) {
        cost += weight;
        report?.({ person: p, shifts: [s], day: d, cost: weight, detail: {} });
      }
    }
    return cost;
}
