/**
 * Rule (hard): every maximal run of consecutive working days (any shift types) is at most
 * `limits.maxConsecutiveWorkDays` long. Only days inside the horizon count.
 * Cost: weight × days beyond the limit, per run.
 */
import type { PersonConstraint } from './types';
import { personName } from './types';

export const maxConsecutiveWorkingDays: PersonConstraint = {
  name: 'maxConsecutiveWorkingDays',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: (c) => c.people.maxConsecutiveWorkDays.some((v) => v >= 0),
  cost(c, p, x, off, weight, report) {
    const max = c.people.maxConsecutiveWorkDays[p];
    if (max < 0) return 0;
    let cost = 0;
    let run = 0;
    for (let d = 0; d <= c.D; d++) {
      if (d < c.D && x[off + d] >= 0) {
        run++;
        continue;
      }
      if (run > max) {
        const k = (run - max) * weight;
        cost += k;
        if (report) {
          const shifts: number[] = [];
          for (let e = d - run; e < d; e++) shifts.push(x[off + e]);
          report({ person: p, shifts, day: d - run, cost: k, detail: { run, max } });
        }
      }
      run = 0;
    }
    return cost;
  },
  message: (c, v) => ({
    en: `${personName(c, v.person)} works ${v.detail.run} days in a row from day ${v.day}; at most ${v.detail.max} allowed.`,
    'zh-CN': `${personName(c, v.person)} 从第${(v.day ?? 0) + 1}天起连续上班 ${v.detail.run} 天，最多允许连续 ${v.detail.max} 天。`,
  }),
};
