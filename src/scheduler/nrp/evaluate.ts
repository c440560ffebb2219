/**
 * Exact evaluator of a benchmark roster (FORMAT.md §4–5), written from the format note alone and
 * independent of the engine's own scoring: it is the referee for what the engine produces.
 *
 * Hard rules (a roster breaking any one is infeasible, they never add to the objective):
 *   1 one shift per day (by construction of `NrpRoster`)
 *   2 forbidden successions, days d → d+1 inside the horizon only
 *   3 max shifts per type          4 min / max total minutes
 *   5 max consecutive worked days (blocks inside the horizon, no border extension)
 *   6 min consecutive worked days, only for blocks with an off day inside the horizon on both sides
 *   7 min consecutive days off, only for blocks with a worked day inside the horizon on both sides
 *   8 max weekends (Sat 7k+5 / Sun 7k+6; working one or both days counts once)
 *   9 mandatory days off
 * Objective: on-requests (violated when off or on another shift), off-requests (violated only by
 * that exact shift), and per (day, shift) cover: wu·under + wo·over.
 */
import type { NrpInstance, NrpRoster } from './types';

export type NrpHardRule =
  | 'forbiddenSuccession'
  | 'maxShiftsPerType'
  | 'minTotalMinutes'
  | 'maxTotalMinutes'
  | 'maxConsecutiveShifts'
  | 'minConsecutiveShifts'
  | 'minConsecutiveDaysOff'
  | 'maxWeekends'
  | 'dayOff';

/** The rule's number in FORMAT.md §4. */
export const NRP_HARD_RULE_NUMBER: Readonly<Record<NrpHardRule, number>> = {
  forbiddenSuccession: 2,
  maxShiftsPerType: 3,
  minTotalMinutes: 4,
  maxTotalMinutes: 4,
  maxConsecutiveShifts: 5,
  minConsecutiveShifts: 6,
  minConsecutiveDaysOff: 7,
  maxWeekends: 8,
  dayOff: 9,
};

export interface NrpHardViolation {
  rule: NrpHardRule;
  employee: string;
  /** The days that make up the violation (the block, the succession pair, the worked weekend days, …). */
  days: number[];
  /** Shift types involved (succession pair, the capped type), when the rule is about types. */
  shifts?: string[];
  /** How far the limit is exceeded, in the rule's unit (days, shifts, minutes, weekends). */
  excess: number;
  /** Plain words, English. */
  detail: string;
}

export type NrpSoftItem =
  | { kind: 'coverUnder' | 'coverOver'; day: number; shift: string; requirement: number; assigned: number; cost: number }
  | { kind: 'onRequest' | 'offRequest'; employee: string; day: number; shift: string; worked: string | null; cost: number };

export interface NrpSoftParts {
  /** Cover part of the objective (what the published rosters call "cover costs"). */
  cover: number;
  coverUnder: number;
  coverOver: number;
  /** Request part (the published "roster costs"): on + off requests. */
  requests: number;
  onRequests: number;
  offRequests: number;
}

export interface NrpEvaluation {
  /** The benchmark objective F (always computed, also for an infeasible roster). */
  objective: number;
  feasible: boolean;
  hardViolations: NrpHardViolation[];
  /** Sum of `excess` over the hard violations (0 when feasible); a rough distance to feasibility. */
  hardExcess: number;
  parts: NrpSoftParts;
  /** Every soft term with a non-zero cost. */
  softItems: NrpSoftItem[];
}

/** The roster does not fit the instance (wrong number of rows or days, unknown shift ID). */
export class NrpRosterShapeError extends Error {
  override readonly name = 'NrpRosterShapeError';
}

/** Check that `roster` has one row per employee, one cell per day, and known shift IDs. */
export function checkRosterShape(instance: NrpInstance, roster: NrpRoster): void {
  if (roster.length !== instance.staff.length) {
    throw new NrpRosterShapeError(`roster: must have ${instance.staff.length} rows (one per employee), got ${roster.length}`);
  }
  const known = new Set(instance.shifts.map((s) => s.id));
  roster.forEach((row, e) => {
    const who = instance.staff[e]!.id;
    if (row.length !== instance.horizon) {
      throw new NrpRosterShapeError(`roster[${e}] (employee ${who}): must have ${instance.horizon} days, got ${row.length}`);
    }
    row.forEach((cell, d) => {
      if (cell !== null && !known.has(cell)) {
        throw new NrpRosterShapeError(`roster[${e}][${d}] (employee ${who}, day ${d}): unknown shift ${JSON.stringify(cell)}`);
      }
    });
  });
}

export function evaluateNrp(instance: NrpInstance, roster: NrpRoster): NrpEvaluation {
  checkRosterShape(instance, roster);
  const H = instance.horizon;
  const minutesOf = new Map(instance.shifts.map((s) => [s.id, s.minutes]));
  const notNextOf = new Map(instance.shifts.map((s) => [s.id, new Set(s.notNext)]));
  const hardViolations: NrpHardViolation[] = [];

  instance.staff.forEach((emp, e) => {
    const row = roster[e]!;
    const push = (v: Omit<NrpHardViolation, 'employee'>): void => {
      hardViolations.push({ employee: emp.id, ...v });
    };

    // 2. Forbidden successions (inside the horizon only).
    for (let d = 0; d + 1 < H; d++) {
      const s = row[d];
      const t = row[d + 1];
      if (s != null && t != null && notNextOf.get(s)!.has(t)) {
        push({ rule: 'forbiddenSuccession', days: [d, d + 1], shifts: [s, t], excess: 1, detail: `${emp.id}: shift ${t} on day ${d + 1} may not follow shift ${s} on day ${d}` });
      }
    }

    // 3. Max shifts per type.
    for (const s of instance.shifts) {
      const days: number[] = [];
      row.forEach((cell, d) => {
        if (cell === s.id) days.push(d);
      });
      const max = emp.maxShifts[s.id] ?? H;
      if (days.length > max) {
        push({ rule: 'maxShiftsPerType', days, shifts: [s.id], excess: days.length - max, detail: `${emp.id}: works shift ${s.id} on ${days.length} days, at most ${max} allowed` });
      }
    }

    // 4. Total minutes.
    const workedDays: number[] = [];
    let minutes = 0;
    row.forEach((cell, d) => {
      if (cell !== null) {
        workedDays.push(d);
        minutes += minutesOf.get(cell)!;
      }
    });
    if (minutes > emp.maxTotalMinutes) {
      push({ rule: 'maxTotalMinutes', days: workedDays, excess: minutes - emp.maxTotalMinutes, detail: `${emp.id}: works ${minutes} minutes, at most ${emp.maxTotalMinutes} allowed` });
    }
    if (minutes < emp.minTotalMinutes) {
      push({ rule: 'minTotalMinutes', days: workedDays, excess: emp.minTotalMinutes - minutes, detail: `${emp.id}: works ${minutes} minutes, at least ${emp.minTotalMinutes} required` });
    }

    // 5–7. Maximal blocks of worked / off days.
    for (let start = 0; start < H; ) {
      const working = row[start] !== null;
      let end = start; // inclusive
      while (end + 1 < H && (row[end + 1] !== null) === working) end++;
      const length = end - start + 1;
      const days = range(start, end);
      // Bounded on both sides inside the horizon (by the opposite kind of day, by maximality).
      const interior = start > 0 && end < H - 1;
      if (working) {
        if (length > emp.maxConsecutiveShifts) {
          push({ rule: 'maxConsecutiveShifts', days, excess: length - emp.maxConsecutiveShifts, detail: `${emp.id}: works ${length} days in a row (days ${start}–${end}), at most ${emp.maxConsecutiveShifts} allowed` });
        }
        if (interior && length < emp.minConsecutiveShifts) {
          push({ rule: 'minConsecutiveShifts', days, excess: emp.minConsecutiveShifts - length, detail: `${emp.id}: works only ${length} days in a row (days ${start}–${end}), at least ${emp.minConsecutiveShifts} required` });
        }
      } else if (interior && length < emp.minConsecutiveDaysOff) {
        push({ rule: 'minConsecutiveDaysOff', days, excess: emp.minConsecutiveDaysOff - length, detail: `${emp.id}: only ${length} days off in a row (days ${start}–${end}), at least ${emp.minConsecutiveDaysOff} required` });
      }
      start = end + 1;
    }

    // 8. Weekends: Saturday 7k+5, Sunday 7k+6; one or both days worked counts once.
    const weekendDays: number[] = [];
    let weekends = 0;
    for (let sat = 5; sat < H; sat += 7) {
      const worked = [sat, sat + 1].filter((d) => d < H && row[d] !== null);
      if (worked.length > 0) {
        weekends++;
        weekendDays.push(...worked);
      }
    }
    if (weekends > emp.maxWeekends) {
      push({ rule: 'maxWeekends', days: weekendDays, excess: weekends - emp.maxWeekends, detail: `${emp.id}: works ${weekends} weekends, at most ${emp.maxWeekends} allowed` });
    }

    // 9. Mandatory days off.
    for (const d of emp.daysOff) {
      if (row[d] !== null) {
        push({ rule: 'dayOff', days: [d], shifts: [row[d]!], excess: 1, detail: `${emp.id}: works shift ${row[d]} on day ${d}, a mandatory day off` });
      }
    }
  });

  // Objective.
  const softItems: NrpSoftItem[] = [];
  const parts: NrpSoftParts = { cover: 0, coverUnder: 0, coverOver: 0, requests: 0, onRequests: 0, offRequests: 0 };
  const rowOf = new Map(instance.staff.map((s, e) => [s.id, roster[e]!]));
  for (const r of instance.onRequests) {
    const worked = rowOf.get(r.employee)![r.day]!;
    if (worked !== r.shift && r.weight > 0) {
      parts.onRequests += r.weight;
      softItems.push({ kind: 'onRequest', employee: r.employee, day: r.day, shift: r.shift, worked, cost: r.weight });
    }
  }
  for (const r of instance.offRequests) {
    const worked = rowOf.get(r.employee)![r.day]!;
    if (worked === r.shift && r.weight > 0) {
      parts.offRequests += r.weight;
      softItems.push({ kind: 'offRequest', employee: r.employee, day: r.day, shift: r.shift, worked, cost: r.weight });
    }
  }
  for (const c of instance.cover) {
    let assigned = 0;
    for (const row of roster) if (row[c.day] === c.shift) assigned++;
    const under = Math.max(0, c.requirement - assigned) * c.weightUnder;
    const over = Math.max(0, assigned - c.requirement) * c.weightOver;
    if (under > 0) {
      parts.coverUnder += under;
      softItems.push({ kind: 'coverUnder', day: c.day, shift: c.shift, requirement: c.requirement, assigned, cost: under });
    }
    if (over > 0) {
      parts.coverOver += over;
      softItems.push({ kind: 'coverOver', day: c.day, shift: c.shift, requirement: c.requirement, assigned, cost: over });
    }
  }
  parts.cover = parts.coverUnder + parts.coverOver;
  parts.requests = parts.onRequests + parts.offRequests;

  return {
    objective: parts.cover + parts.requests,
    feasible: hardViolations.length === 0,
    hardViolations,
    hardExcess: hardViolations.reduce((sum, v) => sum + v.excess, 0),
    parts,
    softItems,
  };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let d = from; d <= to; d++) out.push(d);
  return out;
}
