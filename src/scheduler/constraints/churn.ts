/**
 * Rule (soft, re-planning only): every assignment that differs from the previous roster costs —
 * one unit for each previous assignment dropped and one for each new assignment added — so a
 * repaired roster disturbs as few people as possible.
 * Cost: weight × number of changed assignments.
 */
import type { Compiled } from '../compiled';
import type { Message } from '../model';
import type { PersonConstraint, RawViolation, Reporter } from './types';
import { personName, shiftLabel, shiftLabelZh } from './types';

export const churn: PersonConstraint = {
  name: 'churn',
  scope: 'person',
  hard: false,
  defaultWeight: 10,
  active: (c) => c.previousCell !== null,
  cost(c, p, x, off, weight, report) {
    return churnRange(c, p, x, off, weight, 0, c.D - 1, report);
  },
  window: (c, p, x, off, weight, from, to) => churnRange(c, p, x, off, weight, from, to),
  message(c, v) {
    return churnMessage(c, v);
  },
};

function churnRange(c: Compiled, p: number, x: Int32Array, off: number, weight: number, from: number, to: number, report?: Reporter): number {
    const prev = c.previousCell;
    if (!prev) return 0;
    const base = p * c.D;
    let cost = 0;
    for (let d = Math.max(0, from); d <= to && d < c.D; d++) {
      const a = prev[base + d];
      const b = x[off + d];
      if (a === b) continue;
      const k = ((a >= 0 ? 1 : 0) + (b >= 0 ? 1 : 0)) * weight;
      cost += k;
      if (report) {
        const shifts: number[] = [];
        if (a >= 0) shifts.push(a);
        if (b >= 0) shifts.push(b);
        report({ person: p, shifts, day: d, cost: k, detail: { from: a, to: b } });
      }
    }
    return cost;
}

function churnMessage(c: Compiled, v: RawViolation): Message {
    const who = personName(c, v.person);
    const from = Number(v.detail.from);
    const to = Number(v.detail.to);
    if (from >= 0 && to >= 0) return { en: `${who} moved from ${shiftLabel(c, from)} to ${shiftLabel(c, to)}.`, 'zh-CN': `${who} 由 ${shiftLabelZh(c, from)} 调整为 ${shiftLabelZh(c, to)}。` };
    if (from >= 0) return { en: `${who} no longer works ${shiftLabel(c, from)}.`, 'zh-CN': `${who} 不再上 ${shiftLabelZh(c, from)}。` };
    return { en: `${who} newly works ${shiftLabel(c, to)}.`, 'zh-CN': `${who} 新增班次 ${shiftLabelZh(c, to)}。` };
}
