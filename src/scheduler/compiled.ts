/**
 * The problem in indexed form: people, shifts, days and types become dense integer indices and
 * typed arrays, so the constraints and the search never touch strings or maps in the hot loop.
 * Built once per solve/score by `compile()` (which also validates the input).
 */
import type { Problem, Weights } from './model';

export const MINUTES_PER_DAY = 1440;
export const NO_LIMIT = -1;

export interface PersonIndex {
  /** Limits, NO_LIMIT (-1) when absent. */
  minTotalMinutes: Int32Array;
  maxTotalMinutes: Int32Array;
  maxMinutesPerWeek: Int32Array;
  maxConsecutiveWorkDays: Int32Array;
  minConsecutiveWorkDays: Int32Array;
  minConsecutiveDaysOff: Int32Array;
  maxWeekendsWorked: Int32Array;
  minRestMinutes: Int32Array;
  /** [p * T + t] max shifts of type t for person p, NO_LIMIT when absent. */
  maxShiftsPerType: Int32Array;
  /** [p * D + d] 1 when the whole day is unavailable. */
  unavailableDay: Uint8Array;
  /** Unavailable windows per person, flattened [start, end, start, end, …]. */
  unavailableWindows: Array<Int32Array | null>;
  /** Availability windows per person (null = available any time). */
  availabilityWindows: Array<Int32Array | null>;
  /** Bitmask of skills per person over the skill index (up to 31 skills per words; array of words). */
  skillWords: Uint32Array;
  party: Uint8Array;
  homeRegion: Int32Array;
  /** Fairness target minutes, NO_LIMIT when absent. */
  targetMinutes: Int32Array;
}

export interface Compiled {
  problem: Problem;
  P: number;
  S: number;
  D: number;
  T: number;
  /** Number of 32-bit words per person skill mask. */
  skillWordsPerPerson: number;
  personIds: string[];
  personIndex: Map<string, number>;
  shiftIds: string[];
  shiftIndex: Map<string, number>;
  typeIds: string[];
  typeIndex: Map<string, number>;
  skillIds: string[];
  people: PersonIndex;
  shiftDay: Int32Array;
  shiftType: Int32Array;
  shiftStart: Int32Array;
  shiftEnd: Int32Array;
  shiftMinutes: Int32Array;
  shiftSite: Int32Array;
  shiftHeadcount: Int32Array;
  shiftUnderWeight: Int32Array;
  shiftOverWeight: Int32Array;
  shiftMinParty: Int32Array;
  /** Required skills per shift: list of [skillIndex, count] pairs, flattened; null if none. */
  shiftRequiredSkills: Array<Int32Array | null>;
  /** Shift indices per day, ordered by start. */
  shiftsByDay: Int32Array[];
  /** [d] 1 when day d is a weekend day; weekend id per day (-1 when not weekend). */
  weekendOfDay: Int32Array;
  weekendCount: number;
  /** [d] calendar week index (weeks start Monday). */
  weekOfDay: Int32Array;
  weekCount: number;
  /** [from * T + to] 1 when type `to` may not follow type `from` on the next day. */
  forbiddenNext: Uint8Array;
  hasForbiddenNext: boolean;
  /** Preferences per person, in compiled form, sorted by day. */
  preferences: CompiledPreference[][];
  /**
   * [p * (D + 1) + d] the index in preferences[p] of p's first wish on day d or later (d ≤ D), so
   * a move's re-scoring finds the wishes of its changed days without a search (the bisection it
   * replaces was half the wish rule's time on NRP 24: a cache miss per step).
   */
  wishFrom: Int32Array;
  /** Pinned shift per person: list of shift indices. */
  pinnedByPerson: Int32Array[];
  /** [p * D + d] shift index pinned for person p on day d, or -1. */
  pinnedCell: Int32Array;
  /** Travel cost [homeRegion * sites + site] (0 when unknown); null when no travel table. */
  travelCost: Int32Array | null;
  siteIds: string[];
  regionIds: string[];
  /** Previous roster (re-planning) as [p * D + d] shift index or -1; null when not re-planning. */
  previousCell: Int32Array | null;
  weights: Weights;
}

export type CompiledPreference =
  | { kind: 'wantShift'; shift: number; day: number; weight: number }
  | { kind: 'avoidShift'; shift: number; day: number; weight: number }
  | { kind: 'wantType'; day: number; type: number; weight: number }
  | { kind: 'avoidType'; day: number; type: number; weight: number }
  | { kind: 'wantDayOff'; day: number; weight: number };

/** Weight of a constraint: problem override, else the constraint's default. */
export function weightOf(c: Compiled, name: string, fallback: number): number {
  const w = c.weights[name];
  return typeof w === 'number' ? w : fallback;
}

/** Most shifts on any one day (how wide a day's choice is). */
export function maxShiftsPerDay(c: Compiled): number {
  let max = 0;
  for (const day of c.shiftsByDay) max = Math.max(max, day.length);
  return max;
}

/**
 * May someone work shift s2 the day after shift s1: no forbidden type succession, and at least
 * `minRest` minutes between them (the person's limit; 0 = none)? Shared by the row DP, the
 * moves' screens and the sub-MIP, so the three agree with the two constraints.
 */
export function mayFollow(c: Compiled, s1: number, s2: number, minRest: number): boolean {
  if (c.hasForbiddenNext && c.forbiddenNext[c.shiftType[s1] * c.T + c.shiftType[s2]] === 1) return false;
  return !(minRest > 0 && c.shiftStart[s2] - c.shiftEnd[s1] < minRest);
}

/** Does person p hold skill k? */
export function hasSkill(c: Compiled, p: number, k: number): boolean {
  const w = c.people.skillWords[p * c.skillWordsPerPerson + (k >>> 5)];
  return ((w >>> (k & 31)) & 1) === 1;
}
