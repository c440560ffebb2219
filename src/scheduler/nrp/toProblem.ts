/**
 * NRP benchmark instance → engine Problem, with no special case left for the search:
 *   cover line (d, s, req, wu, wo)  → shift "s@d" of type s on day d, headcount req, under/over weights
 *   MaxShifts[s]                    → limits.maxShiftsPerType
 *   min/max total minutes, min/max consecutive shifts, min consecutive days off, max weekends
 *                                   → the person's hard limits
 *   days off                        → unavailableDays
 *   on / off requests               → wantType / avoidType preferences with their weights
 *   NotNext                         → forbiddenSuccessions
 * The engine's soft total then equals the benchmark objective and its hard total is 0 exactly
 * when the roster is feasible (checked against the independent evaluator in the tests).
 */
import type { Preference, Problem, Shift } from '../model';
import type { NrpInstance } from './types';

/** Day 0 of every mapped instance: 2024-01-01T00:00 (a Monday), in epoch minutes. */
export const NRP_START_MINUTE = Date.UTC(2024, 0, 1) / 60000;

export function nrpShiftId(type: string, day: number): string {
  return `${type}@${day}`;
}

export function toProblem(inst: NrpInstance): Problem {
  const cover = new Map(inst.cover.map((c) => [`${c.day}|${c.shift}`, c]));
  const shifts: Shift[] = [];
  for (let d = 0; d < inst.horizon; d++) {
    for (const t of inst.shifts) {
      const cv = cover.get(`${d}|${t.id}`);
      const start = NRP_START_MINUTE + d * 1440;
      shifts.push({
        id: nrpShiftId(t.id, d),
        type: t.id,
        start,
        end: start + t.minutes,
        headcount: cv ? cv.requirement : 0,
        underWeight: cv ? cv.weightUnder : 0,
        overWeight: cv ? cv.weightOver : 0,
      });
    }
  }
  const preferences: Preference[] = [
    ...inst.onRequests.map((r): Preference => ({ personId: r.employee, kind: 'wantType', day: r.day, shiftType: r.shift, weight: r.weight })),
    ...inst.offRequests.map((r): Preference => ({ personId: r.employee, kind: 'avoidType', day: r.day, shiftType: r.shift, weight: r.weight })),
  ];
  return {
    calendar: { startMinute: NRP_START_MINUTE, days: inst.horizon, firstWeekday: 0, weekendDays: [5, 6] },
    people: inst.staff.map((e) => ({
      id: e.id,
      unavailableDays: [...e.daysOff],
      limits: {
        maxShiftsPerType: { ...e.maxShifts },
        minTotalMinutes: e.minTotalMinutes,
        maxTotalMinutes: e.maxTotalMinutes,
        maxConsecutiveWorkDays: e.maxConsecutiveShifts,
        minConsecutiveWorkDays: e.minConsecutiveShifts,
        minConsecutiveDaysOff: e.minConsecutiveDaysOff,
        maxWeekendsWorked: e.maxWeekends,
      },
    })),
    shifts,
    forbiddenSuccessions: inst.shifts.flatMap((s) => s.notNext.map((to) => ({ from: s.id, to }))),
    preferences,
  };
}

/** Benchmark roster (per employee per day shift ID or null) → engine roster for the mapped problem. */
export function nrpRosterToRoster(inst: NrpInstance, roster: ReadonlyArray<ReadonlyArray<string | null>>): { assignments: Array<{ personId: string; shiftId: string }> } {
  const assignments: Array<{ personId: string; shiftId: string }> = [];
  roster.forEach((row, e) => {
    row.forEach((s, d) => {
      if (s !== null && s !== '') assignments.push({ personId: inst.staff[e].id, shiftId: nrpShiftId(s, d) });
    });
  });
  return { assignments };
}
export const nrpToProblem = toProblem;
