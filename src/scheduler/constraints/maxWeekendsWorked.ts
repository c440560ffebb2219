/**
 * Rule (hard): a person works on at most `limits.maxWeekendsWorked` weekends; a weekend counts
 * as worked when any of its days (Saturday, Sunday by default) has a shift.
 * Cost: weight × weekends beyond the limit.
 */
import type { PersonConstraint } from './types';
import { personName } from './types';

export const maxWeekendsWorked: PersonConstraint = {
  name: 'maxWeekendsWorked',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: (c) => c.weekendCount > 0 && c.people.maxWeekendsWorked.some((v) => v >= 0),
  cost(c, p, x, off, weight, report) {
    const max = c.people.maxWeekendsWorked[p];
    if (max < 0) return 0;
    let worked = 0;
    let last = -1;
    for (let d = 0; d < c.D; d++) {
      const w = c.weekendOfDay[d];
      if (w >= 0 && w !== last && x[off + d] >= 0) {
        worked++;
        last = w;
      }
    }
    if (worked <= max) return 0;
    const k = (worked - max) * weight;
    if (report) {
      const shifts: number[] = [];
      for (let d = 0; d < c.D; d++) if (c.weekendOfDay[d] >= 0 && x[off + d] >= 0) shifts.push(x[off + d]);
      report({ person: p, shifts, cost: k, detail: { worked, max } });
    }
    return k;
  },
  window(c, p, _x, _off, weight, _from, _to, stats) {
    const max = c.people.maxWeekendsWorked[p];
    const worked = stats.weekendsWorked[p];
    return max < 0 || worked <= max ? 0 : (worked - max) * weight;
  },
  message: (c, v) => ({
    en: `${personName(c, v.person)} works on ${v.detail.worked} weekends; at most ${v.detail.max} allowed.`,
    'zh-CN': `${personName(c, v.person)} 有 ${v.detail.worked} 个周末上班，最多允许 ${v.detail.max} 个。`,
  }),
};
