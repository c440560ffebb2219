/**
 * Rule (hard): a person holds at most one shift per calendar day. The engine's roster grid
 * cannot express a second shift, so this checks the raw assignment list of a roster handed in
 * from outside (e.g. a manual edit); rosters produced by the search never break it.
 * Cost: weight × number of extra shifts on the same day.
 */
import type { RosterConstraint } from './types';
import { personName, shiftLabel, shiftLabelZh } from './types';

export const oneShiftPerDay: RosterConstraint = {
  name: 'oneShiftPerDay',
  scope: 'roster',
  hard: true,
  defaultWeight: 1,
  active: () => true,
  cost(c, extra, weight, report) {
    for (const e of extra) report?.({ person: e.person, shifts: [e.shift], day: c.shiftDay[e.shift], cost: weight, detail: {} });
    return extra.length * weight;
  },
  message: (c, v) => ({
    en: `${personName(c, v.person)} has a second shift ${shiftLabel(c, v.shifts[0])} on day ${v.day}; one shift per day.`,
    'zh-CN': `${personName(c, v.person)} 在第${(v.day ?? 0) + 1}天被安排了第二个班次 ${shiftLabelZh(c, v.shifts[0])}，每天只能上一个班。`,
  }),
};
