/**
 * Rule (hard): a person works at least `limits.minTotalMinutes` minutes over the horizon.
 * Cost: weight × missing minutes in started hours (ceil(missing / 60)).
 */
import type { PersonConstraint } from './types';
import { hoursUp, personName } from './types';
import { rowMinutes, rowShifts } from './rowMinutes';

export const minTotalMinutes: PersonConstraint = {
  name: 'minTotalMinutes',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: (c) => c.people.minTotalMinutes.some((v) => v > 0),
  cost(c, p, x, off, weight, report) {
    const min = c.people.minTotalMinutes[p];
    if (min <= 0) return 0;
    const m = rowMinutes(c, x, off);
    if (m >= min) return 0;
    const k = hoursUp(min - m) * weight;
    report?.({ person: p, shifts: rowShifts(c, x, off), cost: k, detail: { minutes: m, min } });
    return k;
  },
  window(c, p, _x, _off, weight, _from, _to, stats) {
    const min = c.people.minTotalMinutes[p];
    const m = stats.minutes[p];
    return min <= 0 || m >= min ? 0 : hoursUp(min - m) * weight;
  },
  message: (c, v) => ({
    en: `${personName(c, v.person)} works ${v.detail.minutes} minutes; at least ${v.detail.min} required.`,
    'zh-CN': `${personName(c, v.person)} 共工作 ${v.detail.minutes} 分钟，至少应为 ${v.detail.min} 分钟。`,
  }),
};
