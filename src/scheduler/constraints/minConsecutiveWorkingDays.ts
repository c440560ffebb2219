/**
 * Rule (hard): a maximal run of working days that has a day off right before it and right
 * after it, both inside the horizon, is at least `limits.minConsecutiveWorkDays` long. Runs
 * touching the first or last day are never too short (as if work continued outside).
 * Cost: weight × missing days, per run.
 */
import type { Compiled } from '../compiled';
import type { PersonConstraint, Reporter } from './types';
import { personName } from './types';
import type { RowStats } from '../search/rowStats';
import { runsAround, shortInteriorRunsCost } from './runs';

function runsCost(c: Compiled, p: number, x: Int32Array, off: number, weight: number, lo: number, hi: number, stats?: RowStats, report?: Reporter): number {
  const min = c.people.minConsecutiveWorkDays[p];
  if (min <= 1) return 0;
  const runs = runsAround(c, x, off, lo, hi, stats);
  return shortInteriorRunsCost(c, runs, true, min, weight, report && ((first, last, run, cost) => {
    const shifts: number[] = [];
    for (let e = first; e <= last; e++) shifts.push(x[off + e]);
    report({ person: p, shifts, day: first, cost, detail: { run, min } });
  }));
}

export const minConsecutiveWorkingDays: PersonConstraint = {
  name: 'minConsecutiveWorkingDays',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: (c) => c.people.minConsecutiveWorkDays.some((v) => v > 1),
  cost: (c, p, x, off, weight, report) => runsCost(c, p, x, off, weight, 0, c.D - 1, undefined, report),
  window: (c, p, x, off, weight, from, to, stats) => runsCost(c, p, x, off, weight, from, to, stats),
  message: (c, v) => ({
    en: `${personName(c, v.person)} works only ${v.detail.run} day(s) in a row from day ${v.day}; runs must be at least ${v.detail.min} days.`,
    'zh-CN': `${personName(c, v.person)} 从第${(v.day ?? 0) + 1}天起只连续上班 ${v.detail.run} 天，每段至少应连续 ${v.detail.min} 天。`,
  }),
};
