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
  // Windows are sorted and merged at compile time: bisect for the first window ending after st.
  const un = c.people.unavailableWindows[p];
  if (un) {
    const i = firstEndingAfter(un, st);
    if (i < un.length && un[i] < en) return false;
  }
  const av = c.people.availabilityWindows[p];
  if (av) {
    const i = firstEndingAfter(av, st);
    return i < av.length && av[i] <= st && en <= av[i + 1];
  }
  return true;
}

/** Index (even) of the first window [w[i], w[i+1]) with w[i+1] > t, or w.length. */
function firstEndingAfter(w: Int32Array, t: number): number {
  let lo = 0;
  let hi = w.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (w[2 * mid + 1] > t) hi = mid;
    else lo = mid + 1;
  }
  return 2 * lo;
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
    // Most people have whole days off only: then the day's flag says it all (the grid holds each
    // day's own shifts), without the window searches of isAvailable.
    const dayOff = c.people.unavailableDay;
    const row = p * c.D;
    const windows = c.people.unavailableWindows[p] !== null || c.people.availabilityWindows[p] !== null;
    const end = Math.min(to, c.D - 1);
    for (let d = Math.max(0, from); d <= end; d++) {
      const s = x[off + d];
      if (s >= 0 && (windows ? !isAvailable(c, p, s) : dayOff[row + c.shiftDay[s]] === 1)) {
        cost += weight;
        report?.({ person: p, shifts: [s], day: d, cost: weight, detail: {} });
      }
    }
    return cost;
}
