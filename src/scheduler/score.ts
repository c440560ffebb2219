/**
 * The full scorer: evaluates every registered constraint on a whole roster. It is the reference
 * the incremental (delta) scorer is tested against, and the source of explanations.
 */
import type { Compiled } from './compiled';
import { weightOf } from './compiled';
import { constraints } from './constraints';
import type { RawViolation } from './constraints/types';
import type { Score } from './model';
import { tallyFromCells } from './tally';

export interface ReportedViolation extends RawViolation {
  constraint: number;
}

/** Is score a better than b: fewer hard violations, then a lower soft cost (how every roster is ranked)? */
export function betterScore(a: { hard: number; soft: number }, b: { hard: number; soft: number }): boolean {
  return a.hard < b.hard || (a.hard === b.hard && a.soft < b.soft);
}

export function fullScore(
  c: Compiled,
  cells: Int32Array,
  extra: Array<{ person: number; shift: number }> = [],
  collect?: ReportedViolation[],
): Score {
  const tally = tallyFromCells(c, cells, extra);
  let hard = 0;
  let soft = 0;
  const parts = constraints.map((k, ci) => {
    let cost = 0;
    if (k.active(c)) {
      const w = weightOf(c, k.name, k.defaultWeight);
      const report = collect ? (v: RawViolation) => collect.push({ ...v, constraint: ci }) : undefined;
      if (k.scope === 'person') for (let p = 0; p < c.P; p++) cost += k.cost(c, p, cells, p * c.D, w, report);
      else if (k.scope === 'shift') for (let s = 0; s < c.S; s++) cost += k.cost(c, s, tally, w, report);
      else cost += k.cost(c, extra, w, report);
    }
    if (k.hard) hard += cost;
    else soft += cost;
    return { constraint: k.name, hard: k.hard, cost };
  });
  return { hard, soft, parts };
}
