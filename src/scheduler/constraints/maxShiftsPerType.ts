/**
 * Rule (hard): a person works at most `limits.maxShiftsPerType[type]` shifts of each type over
 * the horizon (0 = never that type).
 * Cost: weight × number of shifts beyond the limit, per type.
 */
import type { PersonConstraint } from './types';
import { personName } from './types';

const counts: { buf: Int32Array } = { buf: new Int32Array(0) };

export const maxShiftsPerType: PersonConstraint = {
  name: 'maxShiftsPerType',
  scope: 'person',
  hard: true,
  defaultWeight: 1,
  active: (c) => c.people.maxShiftsPerType.some((v) => v >= 0),
  cost(c, p, x, off, weight, report) {
    const T = c.T;
    if (counts.buf.length < T) counts.buf = new Int32Array(T);
    const n = counts.buf;
    n.fill(0, 0, T);
    for (let d = 0; d < c.D; d++) {
      const s = x[off + d];
      if (s >= 0) n[c.shiftType[s]]++;
    }
    let cost = 0;
    for (let t = 0; t < T; t++) {
      const max = c.people.maxShiftsPerType[p * T + t];
      if (max >= 0 && n[t] > max) {
        const k = (n[t] - max) * weight;
        cost += k;
        if (report) {
          const shifts: number[] = [];
          for (let d = 0; d < c.D; d++) if (x[off + d] >= 0 && c.shiftType[x[off + d]] === t) shifts.push(x[off + d]);
          report({ person: p, shifts, cost: k, detail: { type: c.typeIds[t], count: n[t], max } });
        }
      }
    }
    return cost;
  },
  window: (_c, p, _x, _off, weight, _from, _to, stats) => stats.typeExcess[p] * weight,
  message: (c, v) => ({
    en: `${personName(c, v.person)} works ${v.detail.count} shifts of type ${v.detail.type}; at most ${v.detail.max} allowed.`,
    'zh-CN': `${personName(c, v.person)} 上了 ${v.detail.count} 个 ${v.detail.type} 班，最多允许 ${v.detail.max} 个。`,
  }),
};
