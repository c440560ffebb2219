/**
 * An independent check of a roster's hard rules for the general model, written from the field
 * comments of `model.ts` (not from the engine's constraints), so `bench:scale` can confirm "no
 * hard violation" without trusting the engine's own score — the same role the NRP evaluator plays
 * for the benchmark. Rules:
 *   oneShiftPerDay, availability (unavailable days, unavailable windows, availability windows),
 *   minRest (between the end of a shift and the start of the person's next one), maxMinutesPerWeek
 *   (calendar weeks Monday–Sunday cut by the horizon), min/maxTotalMinutes, maxShiftsPerType,
 *   maxConsecutiveWorkDays, minConsecutiveWorkDays and minConsecutiveDaysOff (runs touching the
 *   horizon's first or last day are never too short), maxWeekendsWorked (a weekend = the weekend
 *   days of one week; any of them worked counts once), forbiddenSuccession (type on day d → type on
 *   day d+1), pinned (every pinned assignment present).
 */
import type { Problem, Roster, Shift } from '../model';

export type HardRule =
  | 'oneShiftPerDay'
  | 'availability'
  | 'minRest'
  | 'maxMinutesPerWeek'
  | 'minTotalMinutes'
  | 'maxTotalMinutes'
  | 'maxShiftsPerType'
  | 'maxConsecutiveWorkDays'
  | 'minConsecutiveWorkDays'
  | 'minConsecutiveDaysOff'
  | 'maxWeekendsWorked'
  | 'forbiddenSuccession'
  | 'pinned';

export interface HardFinding {
  rule: HardRule;
  personId: string;
  shiftIds: string[];
  detail: string;
}

export interface HardCheck {
  findings: HardFinding[];
  byRule: Partial<Record<HardRule, number>>;
}

export function checkHardRules(problem: Problem, roster: Roster): HardCheck {
  const cal = problem.calendar;
  const H = cal.days;
  const weekendDays = new Set<number>(cal.weekendDays ?? [5, 6]);
  const weekday = (d: number): number => (cal.firstWeekday + d) % 7;
  const week = (d: number): number => Math.floor((cal.firstWeekday + d) / 7);
  const dayOf = (s: Shift): number => Math.floor((s.start - cal.startMinute) / 1440);
  const shiftById = new Map(problem.shifts.map((s) => [s.id, s]));
  const findings: HardFinding[] = [];
  const add = (rule: HardRule, personId: string, shiftIds: string[], detail: string): void => {
    findings.push({ rule, personId, shiftIds, detail });
  };

  const byPerson = new Map<string, Shift[]>();
  for (const p of problem.people) byPerson.set(p.id, []);
  roster.assignments.forEach((a, i) => {
    const list = byPerson.get(a.personId);
    const shift = shiftById.get(a.shiftId);
    if (!list || !shift) throw new RangeError(`roster.assignments[${i}]: unknown ${list ? 'shift' : 'person'} ${JSON.stringify(list ? a.shiftId : a.personId)}`);
    list.push(shift);
  });

  const forbidden = new Set((problem.forbiddenSuccessions ?? []).map((f) => `${f.from}\u0000${f.to}`));
  for (const person of problem.people) {
    const shifts = byPerson.get(person.id)!.slice().sort((a, b) => a.start - b.start);
    const l = person.limits ?? {};
    const typeOn: (string | null)[] = Array(H).fill(null);
    let total = 0;
    const perWeek = new Map<number, number>();
    const perType = new Map<string, number>();
    for (const s of shifts) {
      const d = dayOf(s);
      const minutes = s.end - s.start;
      total += minutes;
      perWeek.set(week(d), (perWeek.get(week(d)) ?? 0) + minutes);
      perType.set(s.type, (perType.get(s.type) ?? 0) + 1);
      if (typeOn[d] !== null) add('oneShiftPerDay', person.id, [s.id], `second shift on day ${d}`);
      typeOn[d] = s.type;
      if ((person.unavailableDays ?? []).includes(d)) add('availability', person.id, [s.id], `works on unavailable day ${d}`);
      if ((person.unavailable ?? []).some((w) => s.start < w.end && w.start < s.end)) add('availability', person.id, [s.id], 'shift overlaps an unavailable window');
      if (person.availability && !person.availability.some((w) => w.start <= s.start && s.end <= w.end)) add('availability', person.id, [s.id], 'shift lies outside every availability window');
    }
    for (let i = 1; i < shifts.length; i++) {
      const rest = shifts[i]!.start - shifts[i - 1]!.end;
      if (l.minRestMinutes !== undefined && rest < l.minRestMinutes) add('minRest', person.id, [shifts[i - 1]!.id, shifts[i]!.id], `rest ${rest} min < ${l.minRestMinutes}`);
    }
    if (l.maxMinutesPerWeek !== undefined) {
      for (const [w, m] of perWeek) if (m > l.maxMinutesPerWeek) add('maxMinutesPerWeek', person.id, [], `week ${w}: ${m} min > ${l.maxMinutesPerWeek}`);
    }
    if (l.maxTotalMinutes !== undefined && total > l.maxTotalMinutes) add('maxTotalMinutes', person.id, [], `${total} min > ${l.maxTotalMinutes}`);
    if (l.minTotalMinutes !== undefined && total < l.minTotalMinutes) add('minTotalMinutes', person.id, [], `${total} min < ${l.minTotalMinutes}`);
    for (const [type, max] of Object.entries(l.maxShiftsPerType ?? {})) {
      const n = perType.get(type) ?? 0;
      if (n > max) add('maxShiftsPerType', person.id, [], `${n} shifts of type ${type} > ${max}`);
    }
    // Runs of working days / days off.
    for (let start = 0; start < H; ) {
      const working = typeOn[start] !== null;
      let end = start;
      while (end + 1 < H && (typeOn[end + 1] !== null) === working) end++;
      const len = end - start + 1;
      const interior = start > 0 && end < H - 1;
      if (working && l.maxConsecutiveWorkDays !== undefined && len > l.maxConsecutiveWorkDays) add('maxConsecutiveWorkDays', person.id, [], `days ${start}–${end}: ${len} > ${l.maxConsecutiveWorkDays}`);
      if (working && interior && l.minConsecutiveWorkDays !== undefined && len < l.minConsecutiveWorkDays) add('minConsecutiveWorkDays', person.id, [], `days ${start}–${end}: ${len} < ${l.minConsecutiveWorkDays}`);
      if (!working && interior && l.minConsecutiveDaysOff !== undefined && len < l.minConsecutiveDaysOff) add('minConsecutiveDaysOff', person.id, [], `days ${start}–${end} off: ${len} < ${l.minConsecutiveDaysOff}`);
      start = end + 1;
    }
    if (l.maxWeekendsWorked !== undefined) {
      const worked = new Set<number>();
      for (let d = 0; d < H; d++) if (typeOn[d] !== null && weekendDays.has(weekday(d))) worked.add(week(d));
      if (worked.size > l.maxWeekendsWorked) add('maxWeekendsWorked', person.id, [], `${worked.size} weekends > ${l.maxWeekendsWorked}`);
    }
    for (let d = 0; d + 1 < H; d++) {
      const a = typeOn[d];
      const b = typeOn[d + 1];
      if (a !== null && b !== null && forbidden.has(`${a}\u0000${b}`)) add('forbiddenSuccession', person.id, [], `type ${b} on day ${d + 1} after ${a} on day ${d}`);
    }
  }

  const held = new Set(roster.assignments.map((a) => `${a.personId}\u0000${a.shiftId}`));
  for (const pin of problem.pinned ?? []) {
    if (!held.has(`${pin.personId}\u0000${pin.shiftId}`)) add('pinned', pin.personId, [pin.shiftId], 'pinned assignment missing');
  }

  const byRule: Partial<Record<HardRule, number>> = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return { findings, byRule };
}
