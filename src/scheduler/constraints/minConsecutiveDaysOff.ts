/**
 * Rule (hard): a maximal run of days off that has a working day right before it and right
 * after it, both inside the horizon, is at least `limits.minConsecutiveDaysOff` long. Runs
 * touching the first or last day are never too short (as if rest continued outside).
 * Cost: weight × missing days off, per run.
 */
import type { Compiled } from '../compiled';
import type { PersonConstraint, Reporter } from './types';
import { personName } from './types';
import type { RowStats } from '../search/rowStats';
import { runsAround, shortInteriorRunsCost } from './runs';

function runsCost(c: Compiled, p: number, x: Int32Array, off: number, weight: number, lo: number, hi: number, stats?: RowStats, report?: Reporter): number {
  const min = c.people.minConsecutiveDaysOff[p];
  if (min <= 1) return 0;
  const runs = runsAround(c, x, off, lo, hi, stats);
  return shortInteriorRunsCost(c, runs, false, min, weight, report && ((first, last, run, cost) => {
    report({ person: p, shifts: [x[off + first - 1], x[off + last + 1]], day: first, cost, detail: { run, min } });
  }));
}

export const minConsecutiveDaysOff: PersonConstraint = {
  name: 'minConsecutiveDaysOff',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: (c) => c.people.minConsecutiveDaysOff.some((v) => v > 1),
  cost: (c, p, x, off, weight, report) => runsCost(c, p, x, off, weight, 0, c.D - 1, undefined, report),
  window: (c, p, x, off, weight, from, to, stats) => runsCost(c, p, x, off, weight, from, to, stats),
  message: (c, v) => ({
    en: `${personName(c, v.person)} has only ${v.detail.run} day(s) off in a row from day ${v.day}; at least ${v.detail.min} required.`,
    'zh-CN': `${personName(c, v.person)} 从第${(v.day ?? 0) + 1}天起只连续休息 ${v.detail.run} 天，至少应连续休息 ${v.detail.min} 天。`,
  }),
};
