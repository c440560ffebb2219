/**
 * Rule (soft): sending a person to a site far from their home region costs travel; the table
 * `Problem.travel` gives the cost per assignment for (home region, site) pairs (missing = 0).
 * Cost: weight × Σ travel cost of the person's shifts.
 */
import type { Compiled } from '../compiled';
import type { PersonConstraint, Reporter } from './types';
import { personName, shiftLabel, shiftLabelZh } from './types';

export const travelCost: PersonConstraint = {
  name: 'travelCost',
  scope: 'person',
  hard: false,
  defaultWeight: 1,
  active: (c) => c.travelCost !== null,
  cost(c, p, x, off, weight, report) {
    return travelRange(c, p, x, off, weight, 0, c.D - 1, report);
  },
  window: (c, p, x, off, weight, from, to) => travelRange(c, p, x, off, weight, from, to),
  message: (c, v) => ({
    en: `${personName(c, v.person)} travels from ${v.detail.region} to ${v.detail.site} for shift ${shiftLabel(c, v.shifts[0])}.`,
    'zh-CN': `${personName(c, v.person)} 需从 ${v.detail.region} 前往 ${v.detail.site} 上班次 ${shiftLabelZh(c, v.shifts[0])}。`,
  }),
};

function travelRange(c: Compiled, p: number, x: Int32Array, off: number, weight: number, from: number, to: number, report?: Reporter): number {
    const table = c.travelCost;
    const home = c.people.homeRegion[p];
    if (!table || home < 0) return 0;
    const base = home * c.siteIds.length;
    let cost = 0;
    for (let d = Math.max(0, from); d <= to && d < c.D; d++) {
      const s = x[off + d];
      if (s < 0) continue;
      const site = c.shiftSite[s];
      if (site < 0) continue;
      const k = table[base + site] * weight;
      if (k > 0) {
        cost += k;
        report?.({ person: p, shifts: [s], day: d, cost: k, detail: { region: c.regionIds[home], site: c.siteIds[site] } });
      }
    }
    return cost;
}
