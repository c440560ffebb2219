/**
 * Rule (hard): every pinned assignment is kept — the pinned person holds the pinned shift.
 * Cost: weight × number of pinned assignments missing. (The search never moves pinned cells,
 * so this only fires for rosters edited outside the engine.)
 */
import type { PersonConstraint } from './types';
import { personName, shiftLabel, shiftLabelZh } from './types';

export const pinned: PersonConstraint = {
  name: 'pinned',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: (c) => (c.problem.pinned?.length ?? 0) > 0,
  cost(c, p, x, off, weight, report) {
    const list = c.pinnedByPerson[p];
    let cost = 0;
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      if (x[off + c.shiftDay[s]] !== s) {
        cost += weight;
        report?.({ person: p, shifts: [s], day: c.shiftDay[s], cost: weight, detail: {} });
      }
    }
    return cost;
  },
  message: (c, v) => ({
    en: `Pinned assignment of ${personName(c, v.person)} to shift ${shiftLabel(c, v.shifts[0])} is missing.`,
    'zh-CN': `${personName(c, v.person)} 被固定安排在班次 ${shiftLabelZh(c, v.shifts[0])}，但排班中没有。`,
  }),
};
