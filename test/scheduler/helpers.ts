/**
 * Tiny hand-made problems for the roster engine tests: a Monday-start calendar, shifts by day
 * and hour, and helpers that evaluate ONE constraint object on a hand-written roster.
 */
import { compile, rosterToCells } from '../../src/scheduler/compile';
import type { Compiled } from '../../src/scheduler/compiled';
import { weightOf } from '../../src/scheduler/compiled';
import type { Constraint, RawViolation } from '../../src/scheduler/constraints/types';
import type { Person, Problem, Roster, Shift } from '../../src/scheduler/model';
import { tallyFromCells } from '../../src/scheduler/tally';

/** 2024-01-01T00:00 local = a Monday (epoch minutes). */
export const MONDAY = Date.UTC(2024, 0, 1) / 60000;

export function shift(id: string, day: number, type: string, opts: Partial<Shift> & { hour?: number; hours?: number } = {}): Shift {
  const start = MONDAY + day * 1440 + (opts.hour ?? 8) * 60;
  const { hour: _h, hours, ...rest } = opts;
  void _h;
  return { id, type, start, end: start + (hours ?? 8) * 60, headcount: 1, ...rest };
}

export function problem(days: number, people: Person[], shifts: Shift[], extra: Partial<Problem> = {}): Problem {
  return { calendar: { startMinute: MONDAY, days, firstWeekday: 0 }, people, shifts, ...extra };
}

/**
 * A roster from rows: rows[personId] = per day a shift id or null (day off).
 */
export function rosterOf(rows: Record<string, Array<string | null>>): Roster {
  const assignments = [];
  for (const [personId, row] of Object.entries(rows)) for (const s of row) if (s) assignments.push({ personId, shiftId: s });
  return { assignments };
}

export interface Evaluation {
  cost: number;
  violations: RawViolation[];
  c: Compiled;
}

/** Evaluates one constraint object alone on a roster (all people / all shifts / raw list). */
export function evaluate(constraint: Constraint, p: Problem, roster: Roster, previous?: Roster): Evaluation {
  const c = compile(p, previous);
  const { cells, extra } = rosterToCells(c, roster);
  const violations: RawViolation[] = [];
  const w = weightOf(c, constraint.name, constraint.defaultWeight);
  let cost = 0;
  if (!constraint.active(c)) return { cost: 0, violations, c };
  if (constraint.scope === 'person') {
    for (let i = 0; i < c.P; i++) cost += constraint.cost(c, i, cells, i * c.D, w, (v) => violations.push(v));
  } else if (constraint.scope === 'shift') {
    const t = tallyFromCells(c, cells, extra);
    for (let s = 0; s < c.S; s++) cost += constraint.cost(c, s, t, w, (v) => violations.push(v));
  } else cost += constraint.cost(c, extra, w, (v) => violations.push(v));
  // The reported costs must add up to the cost.
  expect(violations.reduce((a, v) => a + v.cost, 0)).toBe(cost);
  for (const v of violations) {
    const m = constraint.message(c, v);
    expect(m.en.length).toBeGreaterThan(0);
    expect(m['zh-CN'].length).toBeGreaterThan(0);
  }
  return { cost, violations, c };
}

/** Shift ids of a violation. */
export function ids(e: Evaluation, v: RawViolation): string[] {
  return v.shifts.map((s) => e.c.shiftIds[s]);
}

/** A row of one shift type over `days` days: "D" → D0, D1, …; "." = off. */
export function row(pattern: string, type = 'D'): Array<string | null> {
  return [...pattern].map((ch, d) => (ch === '.' ? null : `${ch === 'x' ? type : ch}${d}`));
}

/** Shifts of each given type on every day (ids "<type><day>"). */
export function dailyShifts(days: number, types: Array<{ type: string; hour?: number; hours?: number; headcount?: number }>): Shift[] {
  const out: Shift[] = [];
  for (let d = 0; d < days; d++) for (const t of types) out.push(shift(`${t.type}${d}`, d, t.type, { hour: t.hour, hours: t.hours, headcount: t.headcount ?? 1 }));
  return out;
}

/**
 * 5 people, 2 on each of 14 days: 28 shifts, 5–6 each fits every limit (known by hand), so a
 * roster with no hard violation exists.
 */
export function smallRota(extra: Partial<Problem> = {}): Problem {
  return problem(
    14,
    Array.from({ length: 5 }, (_, i) => ({
      id: `p${i}`,
      limits: { maxConsecutiveWorkDays: 4, minConsecutiveDaysOff: 2, maxWeekendsWorked: 1, minTotalMinutes: 5 * 480, maxTotalMinutes: 7 * 480 },
    })),
    dailyShifts(14, [{ type: 'D', headcount: 2 }]),
    extra,
  );
}
