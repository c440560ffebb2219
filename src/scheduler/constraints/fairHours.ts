/**
 * Rule (soft): each person with a fairness target (`Person.targetMinutes`) works close to it.
 * Cost: weight × |minutes worked − target| in started hours. Linear per person, so the load is
 * spread: moving an hour from someone over target to someone under target always pays.
 */
import type { PersonConstraint } from './types';
import { hoursUp, personName } from './types';
import { rowMinutes } from './rowMinutes';

export const fairHours: PersonConstraint = {
  name: 'fairHours',
  scope: 'person',
  hard: false,
  defaultWeight: 1,
  active: (c) => c.people.targetMinutes.some((v) => v >= 0),
  cost(c, p, x, off, weight, report) {
    const target = c.people.targetMinutes[p];
    if (target < 0) return 0;
    const m = rowMinutes(c, x, off);
    if (m === target) return 0;
    const k = hoursUp(Math.abs(m - target)) * weight;
    if (k > 0) report?.({ person: p, shifts: [], cost: k, detail: { minutes: m, target } });
    return k;
  },
  window(c, p, _x, _off, weight, _from, _to, stats) {
    const target = c.people.targetMinutes[p];
    return target < 0 ? 0 : hoursUp(Math.abs(stats.minutes[p] - target)) * weight;
  },
  message: (c, v) => {
    const diff = Number(v.detail.minutes) - Number(v.detail.target);
    return diff > 0
      ? { en: `${personName(c, v.person)} works ${v.detail.minutes} minutes, ${diff} over the fair target of ${v.detail.target}.`, 'zh-CN': `${personName(c, v.person)} 工作 ${v.detail.minutes} 分钟，比公平目标 ${v.detail.target} 分钟多 ${diff} 分钟。` }
      : { en: `${personName(c, v.person)} works ${v.detail.minutes} minutes, ${-diff} under the fair target of ${v.detail.target}.`, 'zh-CN': `${personName(c, v.person)} 工作 ${v.detail.minutes} 分钟，比公平目标 ${v.detail.target} 分钟少 ${-diff} 分钟。` };
  },
};
