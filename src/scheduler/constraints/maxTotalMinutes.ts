/**
 * Rule (hard): a person works at most `limits.maxTotalMinutes` minutes over the horizon.
 * Cost: weight × excess minutes in started hours (ceil(excess / 60)).
 */
import type { PersonConstraint } from './types';
import { hoursUp, personName } from './types';
import { rowMinutes, rowShifts } from './rowMinutes';

export const maxTotalMinutes: PersonConstraint = {
  name: 'maxTotalMinutes',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: (c) => c.people.maxTotalMinutes.some((v) => v >= 0),
  cost(c, p, x, off, weight, report) {
    const max = c.people.maxTotalMinutes[p];
    if (max < 0) return 0;
    const m = rowMinutes(c, x, off);
    if (m <= max) return 0;
    const k = hoursUp(m - max) * weight;
    report?.({ person: p, shifts: rowShifts(c, x, off), cost: k, detail: { minutes: m, max } });
    return k;
  },
  window(c, p, _x, _off, weight, _from, _to, stats) {
    const max = c.people.maxTotalMinutes[p];
    const m = stats.minutes[p];
    return max < 0 || m <= max ? 0 : hoursUp(m - max) * weight;
  },
  message: (c, v) => ({
    en: `${personName(c, v.person)} works ${v.detail.minutes} minutes; at most ${v.detail.max} allowed.`,
    'zh-CN': `${personName(c, v.person)} 共工作 ${v.detail.minutes} 分钟，最多允许 ${v.detail.max} 分钟。`,
  }),
};
