/**
 * Rule (soft): each shift is staffed by its headcount. Each missing person costs the shift's
 * `underWeight` (default 100), each surplus person its `overWeight` (default 1) — NRP cover.
 * Cost: weight × (underWeight × missing + overWeight × surplus).
 */
import type { ShiftConstraint } from './types';
import { shiftLabel, shiftLabelZh } from './types';

export const coverHeadcount: ShiftConstraint = {
  name: 'coverHeadcount',
  scope: 'shift',
  hard: false,
  defaultWeight: 1,
  active: () => true,
  cost(c, s, t, weight, report) {
    const n = t.count[s];
    const want = c.shiftHeadcount[s];
    if (n === want) return 0;
    const k = (n < want ? (want - n) * c.shiftUnderWeight[s] : (n - want) * c.shiftOverWeight[s]) * weight;
    if (k > 0) report?.({ shifts: [s], day: c.shiftDay[s], cost: k, detail: { count: n, headcount: want } });
    return k;
  },
  message: (c, v) =>
    Number(v.detail.count) < Number(v.detail.headcount)
      ? { en: `Shift ${shiftLabel(c, v.shifts[0])} has ${v.detail.count} of ${v.detail.headcount} people.`, 'zh-CN': `班次 ${shiftLabelZh(c, v.shifts[0])} 只有 ${v.detail.count} 人，需要 ${v.detail.headcount} 人。` }
      : { en: `Shift ${shiftLabel(c, v.shifts[0])} has ${v.detail.count} people, more than the ${v.detail.headcount} needed.`, 'zh-CN': `班次 ${shiftLabelZh(c, v.shifts[0])} 安排了 ${v.detail.count} 人，超出所需 ${v.detail.headcount} 人。` },
};
