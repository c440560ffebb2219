/**
 * Rule (hard): a maximal run of working days that has a day off right before it and right
 * after it, both inside the horizon, is at least `limits.minConsecutiveWorkDays` long. Runs
 * touching the first or last day are never too short (as if work continued outside).
 * Cost: weight × missing days, per run.
 */
import type { PersonConstraint } from './types';
import { personName } from './types';

export const minConsecutiveWorkingDays: PersonConstraint = {
  name: 'minConsecutiveWorkingDays',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: (c) => c.people.minConsecutiveWorkDays.some((v) => v > 1),
  cost(c, p, x, off, weight, report) {
    const min = c.people.minConsecutiveWorkDays[p];
    if (min <= 1) return 0;
    let cost = 0;
    let run = 0;
    let start = -1;
    for (let d = 0; d < c.D; d++) {
      if (x[off + d] >= 0) {
        if (run === 0) start = d;
        run++;
      } else {
        if (run > 0 && start > 0 && run < min) {
          const k = (min - run) * weight;
          cost += k;
          if (report) {
            const shifts: number[] = [];
            for (let e = start; e < d; e++) shifts.push(x[off + e]);
            report({ person: p, shifts, day: start, cost: k, detail: { run, min } });
          }
        }
        run = 0;
      }
    }
    return cost;
  },
  message: (c, v) => ({
    en: `${personName(c, v.person)} works only ${v.detail.run} day(s) in a row from day ${v.day}; runs must be at least ${v.detail.min} days.`,
    'zh-CN': `${personName(c, v.person)} 从第${(v.day ?? 0) + 1}天起只连续上班 ${v.detail.run} 天，每段至少应连续 ${v.detail.min} 天。`,
  }),
};
