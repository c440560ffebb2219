/**
 * Rule (soft): each shift has at least `Shift.minPartyMembers` party members on it.
 * Cost: weight × missing party members.
 */
import type { ShiftConstraint } from './types';
import { shiftLabel, shiftLabelZh } from './types';

export const minPartyMembers: ShiftConstraint = {
  name: 'minPartyMembers',
  scope: 'shift',
  hard: false,
  defaultWeight: 100,
  active: (c) => c.shiftMinParty.some((v) => v > 0),
  cost(c, s, t, weight, report) {
    const need = c.shiftMinParty[s];
    const have = t.party[s];
    if (have >= need) return 0;
    const k = (need - have) * weight;
    report?.({ shifts: [s], day: c.shiftDay[s], cost: k, detail: { have, need } });
    return k;
  },
  message: (c, v) => ({
    en: `Shift ${shiftLabel(c, v.shifts[0])} has ${v.detail.have} party member(s); ${v.detail.need} needed.`,
    'zh-CN': `班次 ${shiftLabelZh(c, v.shifts[0])} 只有 ${v.detail.have} 名党员，至少需要 ${v.detail.need} 名。`,
  }),
};
