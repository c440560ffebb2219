/**
 * Rule (hard): every maximal run of consecutive working days (any shift types) is at most
 * `limits.maxConsecutiveWorkDays` long. Only days inside the horizon count.
 * Cost: weight × days beyond the limit, per run.
 */
import type { Compiled } from '../compiled';
import type { RowStats } from '../search/rowStats';
import type { PersonConstraint, Reporter } from './types';
import { personName } from './types';
import { runsAround } from './runs';

function runsCost(c: Compiled, p: number, x: Int32Array, off: number, weight: number, lo: number, hi: number, stats?: RowStats, report?: Reporter): number {
  const max = c.people.maxConsecutiveWorkDays[p];
  if (max < 0) return 0;
  const runs = runsAround(c, x, off, lo, hi, stats);
  let cost = 0;
  for (let i = 0; i < runs.n; i++) {
    const first = runs.first[i];
    const run = runs.last[i] - first + 1;
    if (runs.working[i] === 0 || run <= max) continue;
    const k = (run - max) * weight;
    cost += k;
    if (report) {
      const shifts: number[] = [];
      for (let e = first; e <= runs.last[i]; e++) shifts.push(x[off + e]);
      report({ person: p, shifts, day: first, cost: k, detail: { run, max } });
    }
  }
  return cost;
}

export const maxConsecutiveWorkingDays: PersonConstraint = {
  name: 'maxConsecutiveWorkingDays',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: (c) => c.people.maxConsecutiveWorkDays.some((v) => v >= 0),
  cost: (c, p, x, off, weight, report) => runsCost(c, p, x, off, weight, 0, c.D - 1, undefined, report),
  window: (c, p, x, off, weight, from, to, stats) => runsCost(c, p, x, off, weight, from, to, stats),
  message: (c, v) => ({
    en: `${personName(c, v.person)} works ${v.detail.run} days in a row from day ${v.day}; at most ${v.detail.max} allowed.`,
    'zh-CN': `${personName(c, v.person)} 从第${(v.day ?? 0) + 1}天起连续上班 ${v.detail.run} 天，最多允许连续 ${v.detail.max} 天。`,
  }),
};
