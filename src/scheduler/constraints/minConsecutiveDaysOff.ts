/**
 * Rule (hard): a maximal run of days off that has a working day right before it and right
 * after it, both inside the horizon, is at least `limits.minConsecutiveDaysOff` long. Runs
 * touching the first or last day are never too short (as if rest continued outside).
 * Cost: weight × missing days off, per run.
 */
import type { PersonConstraint } from './types';
import { personName } from './types';

export const minConsecutiveDaysOff: PersonConstraint = {
  name: 'minConsecutiveDaysOff',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: (c) => c.people.minConsecutiveDaysOff.some((v) => v > 1),
  cost(c, p, x, off, weight, report) {
    const min = c.people.minConsecutiveDaysOff[p];
    if (min <= 1) return 0;
    let cost = 0;
    let run = 0;
    let start = -1;
    for (let d = 0; d < c.D; d++) {
      if (x[off + d] < 0) {
        if (run === 0) start = d;
        run++;
      } else {
        if (run > 0 && start > 0 && run < min) {
          const k = (min - run) * weight;
          cost += k;
          report?.({ person: p, shifts: [x[off + start - 1], x[off + d]], day: start, cost: k, detail: { run, min } });
        }
        run = 0;
      }
    }
    return cost;
  },
  message: (c, v) => ({
    en: `${personName(c, v.person)} has only ${v.detail.run} day(s) off in a row from day ${v.day}; at least ${v.detail.min} required.`,
    'zh-CN': `${personName(c, v.person)} 从第${(v.day ?? 0) + 1}天起只连续休息 ${v.detail.run} 天，至少应连续休息 ${v.detail.min} 天。`,
  }),
};
