/**
 * Rule (hard): in every calendar week (Monday to Sunday, cut by the horizon) a person works at
 * most `limits.maxMinutesPerWeek` minutes.
 * Cost: weight × excess minutes in started hours, summed over weeks.
 */
import type { Compiled } from '../compiled';
import type { PersonConstraint, Reporter } from './types';
import { hoursUp, personName } from './types';

export const maxMinutesPerWeek: PersonConstraint = {
  name: 'maxMinutesPerWeek',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: (c) => c.people.maxMinutesPerWeek.some((v) => v >= 0),
  cost: (c, p, x, off, weight, report) => weeksCost(c, p, x, off, weight, 0, c.D - 1, report),
  /** Whole calendar weeks touching [from, to]. */
  window: (c, p, x, off, weight, from, to) => weeksCost(c, p, x, off, weight, from, to),
  message: (c, v) => ({
    en: `${personName(c, v.person)} works ${v.detail.minutes} minutes in the week starting day ${v.day}; at most ${v.detail.max} allowed.`,
    'zh-CN': `${personName(c, v.person)} 在第${(v.day ?? 0) + 1}天开始的那一周工作 ${v.detail.minutes} 分钟，每周最多 ${v.detail.max} 分钟。`,
  }),
};

function weeksCost(c: Compiled, p: number, x: Int32Array, off: number, weight: number, from: number, to: number, report?: Reporter): number {
    const max = c.people.maxMinutesPerWeek[p];
    if (max < 0) return 0;
    let cost = 0;
    let d = Math.max(0, from);
    while (d > 0 && c.weekOfDay[d - 1] === c.weekOfDay[d]) d--;
    const hi = Math.min(to, c.D - 1);
    while (d <= hi) {
      const w = c.weekOfDay[d];
      const first = d;
      let m = 0;
      while (d < c.D && c.weekOfDay[d] === w) {
        const s = x[off + d];
        if (s >= 0) m += c.shiftMinutes[s];
        d++;
      }
      if (m > max) {
        const k = hoursUp(m - max) * weight;
        cost += k;
        if (report) {
          const shifts: number[] = [];
          for (let e = first; e < d; e++) if (x[off + e] >= 0) shifts.push(x[off + e]);
          report({ person: p, shifts, day: first, cost: k, detail: { minutes: m, max, week: w } });
        }
      }
    }
    return cost;
}
