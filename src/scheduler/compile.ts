/**
 * Validates a Problem and turns it into the indexed `Compiled` form. Every rejection is a
 * ProblemValidationError naming the field and the rule; nothing is half-built.
 */
import { Compiled, CompiledPreference, MINUTES_PER_DAY, NO_LIMIT } from './compiled';
import { Problem, ProblemValidationError, Roster } from './model';

function fail(field: string, rule: string): never {
  throw new ProblemValidationError(field, rule);
}

function checkInt(v: unknown, field: string, min = -Infinity): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(field, 'must be an integer');
  if (v < min) fail(field, `must be ≥ ${min}`);
  return v;
}

function optLimit(v: number | undefined, field: string): number {
  if (v === undefined || v === null) return NO_LIMIT;
  return checkInt(v, field, 0);
}

function windows(list: Array<{ start: number; end: number }> | undefined, field: string): Int32Array | null {
  if (!list) return null;
  if (!Array.isArray(list)) fail(field, 'must be an array of {start, end}');
  const out = new Int32Array(list.length * 2);
  list.forEach((w, i) => {
    const s = checkInt(w?.start, `${field}[${i}].start`);
    const e = checkInt(w?.end, `${field}[${i}].end`);
    if (e <= s) fail(`${field}[${i}].end`, 'must be after start');
    out[2 * i] = s;
    out[2 * i + 1] = e;
  });
  // Sorted and merged (overlapping or touching windows become one), so lookups can bisect.
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < out.length; i += 2) pairs.push([out[i], out[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [s, e] of pairs) {
    const n = merged.length;
    if (n > 0 && s <= merged[n - 1]) merged[n - 1] = Math.max(merged[n - 1], e);
    else merged.push(s, e);
  }
  return Int32Array.from(merged);
}

export function compile(problem: Problem, previous?: Roster): Compiled {
  if (!problem || typeof problem !== 'object') fail('problem', 'must be an object');
  const cal = problem.calendar;
  if (!cal || typeof cal !== 'object') fail('calendar', 'is required');
  checkInt(cal.startMinute, 'calendar.startMinute');
  const D = checkInt(cal.days, 'calendar.days', 1);
  const firstWeekday = checkInt(cal.firstWeekday, 'calendar.firstWeekday', 0);
  if (firstWeekday > 6) fail('calendar.firstWeekday', 'must be 0 (Monday) … 6 (Sunday)');
  const weekendDays = new Set<number>(cal.weekendDays ?? [5, 6]);
  if (!Array.isArray(problem.people)) fail('people', 'must be an array');
  if (!Array.isArray(problem.shifts)) fail('shifts', 'must be an array');

  // Shift types, in first-seen order (shifts first, then successions and limits).
  const typeIds: string[] = [];
  const typeIndex = new Map<string, number>();
  const typeOf = (t: string, field: string): number => {
    if (typeof t !== 'string' || t === '') fail(field, 'must be a non-empty string');
    let i = typeIndex.get(t);
    if (i === undefined) {
      i = typeIds.length;
      typeIds.push(t);
      typeIndex.set(t, i);
    }
    return i;
  };
  const skillIds: string[] = [];
  const skillIndex = new Map<string, number>();
  const skillOf = (k: string): number => {
    let i = skillIndex.get(k);
    if (i === undefined) {
      i = skillIds.length;
      skillIds.push(k);
      skillIndex.set(k, i);
    }
    return i;
  };
  const siteIds: string[] = [];
  const siteIndex = new Map<string, number>();
  const siteOf = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let i = siteIndex.get(s);
    if (i === undefined) {
      i = siteIds.length;
      siteIds.push(s);
      siteIndex.set(s, i);
    }
    return i;
  };
  const regionIds: string[] = [];
  const regionIndex = new Map<string, number>();
  const regionOf = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let i = regionIndex.get(s);
    if (i === undefined) {
      i = regionIds.length;
      regionIds.push(s);
      regionIndex.set(s, i);
    }
    return i;
  };

  // Shifts.
  const S = problem.shifts.length;
  const shiftIds: string[] = new Array(S);
  const shiftIndex = new Map<string, number>();
  const shiftDay = new Int32Array(S);
  const shiftType = new Int32Array(S);
  const shiftStart = new Int32Array(S);
  const shiftEnd = new Int32Array(S);
  const shiftMinutes = new Int32Array(S);
  const shiftSite = new Int32Array(S);
  const shiftHeadcount = new Int32Array(S);
  const shiftUnderWeight = new Int32Array(S);
  const shiftOverWeight = new Int32Array(S);
  const shiftMinParty = new Int32Array(S);
  const shiftRequiredSkills: Array<Int32Array | null> = new Array(S).fill(null);
  const defUnder = problem.weights?.understaffed ?? 100;
  const defOver = problem.weights?.overstaffed ?? 1;
  problem.shifts.forEach((sh, s) => {
    const f = `shifts[${s}]`;
    if (!sh || typeof sh.id !== 'string' || sh.id === '') fail(`${f}.id`, 'must be a non-empty string');
    if (shiftIndex.has(sh.id)) fail(`${f}.id`, `duplicate shift id "${sh.id}"`);
    shiftIds[s] = sh.id;
    shiftIndex.set(sh.id, s);
    shiftType[s] = typeOf(sh.type, `${f}.type`);
    const st = checkInt(sh.start, `${f}.start`);
    const en = checkInt(sh.end, `${f}.end`);
    if (en <= st) fail(`${f}.end`, 'must be after start');
    const day = Math.floor((st - cal.startMinute) / MINUTES_PER_DAY);
    if (day < 0 || day >= D) fail(`${f}.start`, `must fall inside the horizon (day ${day} of 0…${D - 1})`);
    shiftDay[s] = day;
    shiftStart[s] = st;
    shiftEnd[s] = en;
    shiftMinutes[s] = en - st;
    shiftSite[s] = siteOf(sh.site);
    shiftHeadcount[s] = checkInt(sh.headcount, `${f}.headcount`, 0);
    shiftUnderWeight[s] = sh.underWeight === undefined ? defUnder : checkInt(sh.underWeight, `${f}.underWeight`, 0);
    shiftOverWeight[s] = sh.overWeight === undefined ? defOver : checkInt(sh.overWeight, `${f}.overWeight`, 0);
    shiftMinParty[s] = sh.minPartyMembers === undefined ? 0 : checkInt(sh.minPartyMembers, `${f}.minPartyMembers`, 0);
    if (sh.requiredSkills) {
      const entries = Object.entries(sh.requiredSkills);
      const arr = new Int32Array(entries.length * 2);
      entries.forEach(([k, n], i) => {
        arr[2 * i] = skillOf(k);
        arr[2 * i + 1] = checkInt(n, `${f}.requiredSkills.${k}`, 0);
      });
      shiftRequiredSkills[s] = arr;
    }
  });

  const byDay: number[][] = Array.from({ length: D }, () => []);
  for (let s = 0; s < S; s++) byDay[shiftDay[s]].push(s);
  const shiftsByDay = byDay.map((l) => Int32Array.from(l.sort((a, b) => shiftStart[a] - shiftStart[b] || a - b)));

  // Forbidden successions.
  for (const [i, fs] of (problem.forbiddenSuccessions ?? []).entries()) {
    typeOf(fs?.from, `forbiddenSuccessions[${i}].from`);
    typeOf(fs?.to, `forbiddenSuccessions[${i}].to`);
  }
  // People (types named in limits must exist among shifts or successions; unknown ones are tolerated).
  const P = problem.people.length;
  for (const [p, person] of problem.people.entries()) {
    for (const k of person?.skills ?? []) skillOf(k);
    for (const t of Object.keys(person?.limits?.maxShiftsPerType ?? {})) {
      if (!typeIndex.has(t)) typeOf(t, `people[${p}].limits.maxShiftsPerType`);
    }
  }
  const T = typeIds.length;
  const forbiddenNext = new Uint8Array(T * T);
  let hasForbiddenNext = false;
  for (const fs of problem.forbiddenSuccessions ?? []) {
    forbiddenNext[typeIndex.get(fs.from)! * T + typeIndex.get(fs.to)!] = 1;
    hasForbiddenNext = true;
  }

  const W = Math.max(1, Math.ceil(skillIds.length / 32));
  const personIds: string[] = new Array(P);
  const personIndex = new Map<string, number>();
  const lim = () => new Int32Array(P).fill(NO_LIMIT);
  const people = {
    minTotalMinutes: lim(),
    maxTotalMinutes: lim(),
    maxMinutesPerWeek: lim(),
    maxConsecutiveWorkDays: lim(),
    minConsecutiveWorkDays: lim(),
    minConsecutiveDaysOff: lim(),
    maxWeekendsWorked: lim(),
    minRestMinutes: lim(),
    maxShiftsPerType: new Int32Array(P * T).fill(NO_LIMIT),
    unavailableDay: new Uint8Array(P * D),
    unavailableWindows: new Array<Int32Array | null>(P).fill(null),
    availabilityWindows: new Array<Int32Array | null>(P).fill(null),
    skillWords: new Uint32Array(P * W),
    party: new Uint8Array(P),
    homeRegion: new Int32Array(P).fill(-1),
    targetMinutes: lim(),
  };
  problem.people.forEach((person, p) => {
    const f = `people[${p}]`;
    if (!person || typeof person.id !== 'string' || person.id === '') fail(`${f}.id`, 'must be a non-empty string');
    if (personIndex.has(person.id)) fail(`${f}.id`, `duplicate person id "${person.id}"`);
    personIds[p] = person.id;
    personIndex.set(person.id, p);
    const l = person.limits ?? {};
    people.minTotalMinutes[p] = optLimit(l.minTotalMinutes, `${f}.limits.minTotalMinutes`);
    people.maxTotalMinutes[p] = optLimit(l.maxTotalMinutes, `${f}.limits.maxTotalMinutes`);
    people.maxMinutesPerWeek[p] = optLimit(l.maxMinutesPerWeek, `${f}.limits.maxMinutesPerWeek`);
    people.maxConsecutiveWorkDays[p] = optLimit(l.maxConsecutiveWorkDays, `${f}.limits.maxConsecutiveWorkDays`);
    people.minConsecutiveWorkDays[p] = optLimit(l.minConsecutiveWorkDays, `${f}.limits.minConsecutiveWorkDays`);
    people.minConsecutiveDaysOff[p] = optLimit(l.minConsecutiveDaysOff, `${f}.limits.minConsecutiveDaysOff`);
    people.maxWeekendsWorked[p] = optLimit(l.maxWeekendsWorked, `${f}.limits.maxWeekendsWorked`);
    people.minRestMinutes[p] = optLimit(l.minRestMinutes, `${f}.limits.minRestMinutes`);
    if (people.minTotalMinutes[p] > people.maxTotalMinutes[p] && people.maxTotalMinutes[p] !== NO_LIMIT) {
      fail(`${f}.limits.minTotalMinutes`, 'must not exceed maxTotalMinutes');
    }
    for (const [t, n] of Object.entries(l.maxShiftsPerType ?? {})) {
      people.maxShiftsPerType[p * T + typeIndex.get(t)!] = checkInt(n, `${f}.limits.maxShiftsPerType.${t}`, 0);
    }
    for (const [i, d] of (person.unavailableDays ?? []).entries()) {
      checkInt(d, `${f}.unavailableDays[${i}]`, 0);
      if (d < D) people.unavailableDay[p * D + d] = 1;
    }
    people.unavailableWindows[p] = windows(person.unavailable, `${f}.unavailable`);
    people.availabilityWindows[p] = windows(person.availability, `${f}.availability`);
    if (person.skills !== undefined && !Array.isArray(person.skills)) fail(`${f}.skills`, 'must be an array of strings');
    for (const k of person.skills ?? []) {
      const i = skillIndex.get(k)!;
      people.skillWords[p * W + (i >>> 5)] |= 1 << (i & 31);
    }
    people.party[p] = person.partyMember ? 1 : 0;
    people.homeRegion[p] = regionOf(person.homeRegion);
    people.targetMinutes[p] = optLimit(person.targetMinutes, `${f}.targetMinutes`);
  });

  // Preferences.
  const preferences: CompiledPreference[][] = Array.from({ length: P }, () => []);
  (problem.preferences ?? []).forEach((pr, i) => {
    const f = `preferences[${i}]`;
    const p = personIndex.get(pr?.personId);
    if (p === undefined) fail(`${f}.personId`, `unknown person "${pr?.personId}"`);
    const weight = checkInt(pr.weight, `${f}.weight`, 0);
    if (pr.kind === 'wantShift' || pr.kind === 'avoidShift') {
      const s = shiftIndex.get(pr.shiftId);
      if (s === undefined) fail(`${f}.shiftId`, `unknown shift "${pr.shiftId}"`);
      preferences[p].push({ kind: pr.kind, shift: s, day: shiftDay[s], weight });
    } else if (pr.kind === 'wantType' || pr.kind === 'avoidType') {
      const day = checkInt(pr.day, `${f}.day`, 0);
      if (day >= D) fail(`${f}.day`, `must be < ${D}`);
      const t = typeIndex.get(pr.shiftType);
      // A wish for a type that has no shift at all can still be unmet (wantType) or never met (avoidType).
      preferences[p].push({ kind: pr.kind, day, type: t ?? -1, weight });
    } else if (pr.kind === 'wantDayOff') {
      const day = checkInt(pr.day, `${f}.day`, 0);
      if (day >= D) fail(`${f}.day`, `must be < ${D}`);
      preferences[p].push({ kind: 'wantDayOff', day, weight });
    } else {
      fail(`${f}.kind`, 'must be wantShift, avoidShift, wantType, avoidType or wantDayOff');
    }
  });
  // By day, so a move's re-scoring finds the wishes of its changed days from `wishFrom`.
  for (const list of preferences) list.sort((a, b) => a.day - b.day);
  const wishFrom = new Int32Array(P * (D + 1));
  preferences.forEach((list, p) => {
    let i = 0;
    for (let d = 0; d <= D; d++) {
      while (i < list.length && list[i].day < d) i++;
      wishFrom[p * (D + 1) + d] = i;
    }
  });

  // Pinned assignments.
  const pinnedCell = new Int32Array(P * D).fill(-1);
  const pinnedLists: number[][] = Array.from({ length: P }, () => []);
  (problem.pinned ?? []).forEach((pa, i) => {
    const p = personIndex.get(pa?.personId);
    if (p === undefined) fail(`pinned[${i}].personId`, `unknown person "${pa?.personId}"`);
    const s = shiftIndex.get(pa.shiftId);
    if (s === undefined) fail(`pinned[${i}].shiftId`, `unknown shift "${pa.shiftId}"`);
    const cell = p * D + shiftDay[s];
    if (pinnedCell[cell] !== -1 && pinnedCell[cell] !== s) {
      fail(`pinned[${i}]`, `person "${pa.personId}" already has a pinned shift on day ${shiftDay[s]} (one shift per day)`);
    }
    pinnedCell[cell] = s;
    if (!pinnedLists[p].includes(s)) pinnedLists[p].push(s);
  });

  // Travel.
  let travelCost: Int32Array | null = null;
  if (problem.travel && problem.travel.length > 0) {
    problem.travel.forEach((t, i) => {
      regionOf(t?.region);
      siteOf(t?.site);
      checkInt(t?.cost, `travel[${i}].cost`, 0);
    });
    travelCost = new Int32Array(Math.max(1, regionIds.length * siteIds.length));
    for (const t of problem.travel) travelCost[regionIndex.get(t.region)! * siteIds.length + siteIndex.get(t.site)!] = t.cost;
  }

  // Calendar: weeks start Monday; weekends are maximal runs of weekend days within a week.
  const weekOfDay = new Int32Array(D);
  const weekendOfDay = new Int32Array(D).fill(-1);
  let weekendCount = 0;
  let prevWasWeekend = false;
  for (let d = 0; d < D; d++) {
    const wd = (firstWeekday + d) % 7;
    weekOfDay[d] = Math.floor((firstWeekday + d) / 7);
    if (weekendDays.has(wd)) {
      if (!prevWasWeekend || wd === 0) weekendCount++;
      weekendOfDay[d] = weekendCount - 1;
      prevWasWeekend = true;
    } else prevWasWeekend = false;
  }
  const weekCount = D > 0 ? weekOfDay[D - 1] + 1 : 0;

  const compiled: Compiled = {
    problem,
    P,
    S,
    D,
    T,
    skillWordsPerPerson: W,
    personIds,
    personIndex,
    shiftIds,
    shiftIndex,
    typeIds,
    typeIndex,
    skillIds,
    people,
    shiftDay,
    shiftType,
    shiftStart,
    shiftEnd,
    shiftMinutes,
    shiftSite,
    shiftHeadcount,
    shiftUnderWeight,
    shiftOverWeight,
    shiftMinParty,
    shiftRequiredSkills,
    shiftsByDay,
    weekendOfDay,
    weekendCount,
    weekOfDay,
    weekCount,
    forbiddenNext,
    hasForbiddenNext,
    preferences,
    wishFrom,
    pinnedByPerson: pinnedLists.map((l) => Int32Array.from(l)),
    pinnedCell,
    travelCost,
    siteIds,
    regionIds,
    previousCell: null,
    weights: problem.weights ?? {},
  };
  if (previous) compiled.previousCell = rosterToCells(compiled, previous, 'previous').cells;
  return compiled;
}

/**
 * A roster as [p * D + d] shift index (or -1), plus the assignments that do not fit that grid
 * (a second shift for one person on one day) for the `oneShiftPerDay` rule.
 */
export function rosterToCells(
  c: Compiled,
  roster: Roster,
  field = 'roster',
): { cells: Int32Array; extra: Array<{ person: number; shift: number }> } {
  if (!roster || !Array.isArray(roster.assignments)) fail(`${field}.assignments`, 'must be an array');
  const cells = new Int32Array(c.P * c.D).fill(-1);
  const extra: Array<{ person: number; shift: number }> = [];
  roster.assignments.forEach((a, i) => {
    const p = c.personIndex.get(a?.personId);
    if (p === undefined) fail(`${field}.assignments[${i}].personId`, `unknown person "${a?.personId}"`);
    const s = c.shiftIndex.get(a.shiftId);
    if (s === undefined) fail(`${field}.assignments[${i}].shiftId`, `unknown shift "${a.shiftId}"`);
    const cell = p * c.D + c.shiftDay[s];
    if (cells[cell] === s) fail(`${field}.assignments[${i}]`, `duplicate assignment of "${a.personId}" to "${a.shiftId}"`);
    if (cells[cell] === -1) cells[cell] = s;
    else extra.push({ person: p, shift: s });
  });
  return { cells, extra };
}

export function cellsToRoster(c: Compiled, cells: Int32Array): Roster {
  const assignments = [];
  for (let p = 0; p < c.P; p++) {
    for (let d = 0; d < c.D; d++) {
      const s = cells[p * c.D + d];
      if (s >= 0) assignments.push({ personId: c.personIds[p], shiftId: c.shiftIds[s] });
    }
  }
  return { assignments };
}
