/**
 * Rule (soft): each shift has at least the required number of people holding each skill
 * (`Shift.requiredSkills`, e.g. one person trained for temperature checks at a checkpoint).
 * Cost: weight × missing skilled people, summed over skills.
 */
import type { ShiftConstraint } from './types';
import { shiftLabel, shiftLabelZh } from './types';

export const requiredSkills: ShiftConstraint = {
  name: 'requiredSkills',
  scope: 'shift',
  hard: false,
  defaultWeight: 100,
  active: (c) => c.shiftRequiredSkills.some((r) => r !== null),
  cost(c, s, t, weight, report) {
    const req = c.shiftRequiredSkills[s];
    if (!req) return 0;
    let cost = 0;
    for (let i = 0; i < req.length; i += 2) {
      const have = t.skill[s * t.K + req[i]];
      if (have < req[i + 1]) {
        const k = (req[i + 1] - have) * weight;
        cost += k;
        report?.({ shifts: [s], day: c.shiftDay[s], cost: k, detail: { skill: c.skillIds[req[i]], have, need: req[i + 1] } });
      }
    }
    return cost;
  },
  message: (c, v) => ({
    en: `Shift ${shiftLabel(c, v.shifts[0])} has ${v.detail.have} people with skill "${v.detail.skill}"; ${v.detail.need} needed.`,
    'zh-CN': `班次 ${shiftLabelZh(c, v.shifts[0])} 具备“${v.detail.skill}”技能的只有 ${v.detail.have} 人，需要 ${v.detail.need} 人。`,
  }),
};
