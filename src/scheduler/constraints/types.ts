/**
 * The shape of a roster constraint. A constraint is either
 *  - `person`-scoped: its cost depends only on one person's row (their shift per day), so a move
 *    is re-scored by recomputing the rows of the people it touches; or
 *  - `shift`-scoped: its cost depends only on who holds one shift (counts in a tally), so a move
 *    is re-scored by recomputing the shifts it touches; or
 *  - `roster`-scoped: checks the raw assignment list (only what the day grid cannot hold).
 * `cost` returns the weighted cost and, when given a reporter, reports each violation with the
 * exact person/shifts and the cost it contributes — the same code computes both, so explanations
 * always add up to the score.
 */
import type { Compiled } from '../compiled';
import type { Message } from '../model';
import type { RowStats } from '../search/rowStats';

export interface RawViolation {
  person?: number;
  shifts: number[];
  day?: number;
  cost: number;
  /** Numbers and strings the message needs (limit, actual, …). */
  detail: Record<string, number | string>;
}

export type Reporter = (v: RawViolation) => void;

/** Per-shift counters kept by the scorer and the search. */
export interface Tally {
  /** People on each shift. */
  count: Int32Array;
  /** Party members on each shift. */
  party: Int32Array;
  /** [s * K + k] people holding skill k on shift s (K = number of skills). */
  skill: Int32Array;
  K: number;
}

interface Base {
  name: string;
  hard: boolean;
  /** Cost per unit of violation unless `Problem.weights[name]` overrides it. */
  defaultWeight: number;
  /** Plain-words description of one violation. */
  message(c: Compiled, v: RawViolation): Message;
  /** Cheap check that the constraint can produce any cost for this problem (skipped otherwise). */
  active(c: Compiled): boolean;
}

export interface PersonConstraint extends Base {
  scope: 'person';
  /** Cost of person p's row: x[off + d] = shift index on day d or -1, for d in 0 … D−1. */
  cost(c: Compiled, p: number, x: Int32Array, off: number, weight: number, report?: Reporter): number;
  /**
   * Optional, for local rules: the part of the row's cost that can change when only days in
   * [from + 1, to − 1] change. Then cost(after) − cost(before) = window(after) − window(before),
   * so the search scores a move on a few days without walking the whole (possibly year-long) row.
   * Rules on whole-row totals return their full cost from the running totals in `stats`.
   */
  window?(c: Compiled, p: number, x: Int32Array, off: number, weight: number, from: number, to: number, stats: RowStats): number;
}

export interface ShiftConstraint extends Base {
  scope: 'shift';
  cost(c: Compiled, s: number, t: Tally, weight: number, report?: Reporter): number;
}

export interface RosterConstraint extends Base {
  scope: 'roster';
  /** `extra` lists assignments beyond the first one for a person on a day. */
  cost(c: Compiled, extra: Array<{ person: number; shift: number }>, weight: number, report?: Reporter): number;
}

export type Constraint = PersonConstraint | ShiftConstraint | RosterConstraint;

/** Helpers for messages. */
export function personName(c: Compiled, p: number | undefined): string {
  if (p === undefined) return '?';
  const person = c.problem.people[p];
  return person.name ? `${person.name} (${person.id})` : person.id;
}

export function shiftLabel(c: Compiled, s: number): string {
  const sh = c.problem.shifts[s];
  return sh.site ? `${sh.id} [${sh.site} ${sh.type}, day ${c.shiftDay[s]}]` : `${sh.id} [${sh.type}, day ${c.shiftDay[s]}]`;
}

export function shiftLabelZh(c: Compiled, s: number): string {
  const sh = c.problem.shifts[s];
  return sh.site ? `${sh.id}（${sh.site} ${sh.type}班，第${c.shiftDay[s] + 1}天）` : `${sh.id}（${sh.type}班，第${c.shiftDay[s] + 1}天）`;
}

/** Minutes → hours, rounded up (hard minute limits cost one unit per started hour). */
export function hoursUp(minutes: number): number {
  return Math.ceil(minutes / 60);
}
