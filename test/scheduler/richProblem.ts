/** A small random problem that switches on every constraint, for delta and solver tests. */
import type { Person, Preference, Problem, Roster, Shift } from '../../src/scheduler/model';
import { mulberry32 } from '../../src/scheduler/search/rng';
import { MONDAY } from './helpers';

export function richProblem(seed: number, people = 8, days = 14): { problem: Problem; previous: Roster } {
  const r = mulberry32(seed);
  const int = (n: number) => Math.floor(r() * n);
  const sites = ['卡点A', '卡点B'];
  const shifts: Shift[] = [];
  for (let d = 0; d < days; d++) {
    for (const site of sites) {
      for (const [type, hour] of [['早', 0], ['中', 8], ['夜', 16]] as const) {
        const start = MONDAY + d * 1440 + hour * 60;
        shifts.push({
          id: `${site}-${type}-${d}`,
          site,
          type,
          start,
          end: start + 480,
          headcount: int(2),
          requiredSkills: r() < 0.3 ? { 测温: 1 } : undefined,
          minPartyMembers: r() < 0.2 ? 1 : undefined,
        });
      }
    }
  }
  const ps: Person[] = [];
  for (let i = 0; i < people; i++) {
    const away = int(days);
    ps.push({
      id: `p${i}`,
      name: `人员${i}`,
      skills: r() < 0.5 ? ['测温'] : [],
      partyMember: r() < 0.4,
      homeRegion: r() < 0.5 ? 'N' : 'S',
      unavailableDays: r() < 0.5 ? [int(days)] : [],
      unavailable: r() < 0.3 ? [{ start: MONDAY + away * 1440 + 600, end: MONDAY + away * 1440 + 1500 }] : undefined,
      targetMinutes: r() < 0.7 ? 480 * (4 + int(5)) : undefined,
      limits: {
        minTotalMinutes: 480 * 3,
        maxTotalMinutes: 480 * 9,
        maxMinutesPerWeek: 480 * 5,
        maxConsecutiveWorkDays: 4,
        minConsecutiveWorkDays: 2,
        minConsecutiveDaysOff: 2,
        maxWeekendsWorked: 1,
        minRestMinutes: 12 * 60,
        maxShiftsPerType: { 夜: 3 },
      },
    });
  }
  const preferences: Preference[] = [];
  for (let i = 0; i < people * 2; i++) {
    const personId = `p${int(people)}`;
    const k = int(5);
    const day = int(days);
    if (k === 0) preferences.push({ personId, kind: 'wantType', day, shiftType: '早', weight: 1 + int(3) });
    else if (k === 1) preferences.push({ personId, kind: 'avoidType', day, shiftType: '夜', weight: 1 + int(3) });
    else if (k === 2) preferences.push({ personId, kind: 'wantDayOff', day, weight: 2 });
    else if (k === 3) preferences.push({ personId, kind: 'wantShift', shiftId: shifts[int(shifts.length)].id, weight: 3 });
    else preferences.push({ personId, kind: 'avoidShift', shiftId: shifts[int(shifts.length)].id, weight: 3 });
  }
  const problem: Problem = {
    calendar: { startMinute: MONDAY, days, firstWeekday: 0 },
    people: ps,
    shifts,
    forbiddenSuccessions: [{ from: '夜', to: '早' }],
    preferences,
    pinned: [{ personId: 'p0', shiftId: shifts[3].id }],
    travel: [
      { region: 'N', site: '卡点B', cost: 5 },
      { region: 'S', site: '卡点A', cost: 3 },
    ],
    weights: { fairHours: 2 },
  };
  const previous: Roster = { assignments: [] };
  for (let i = 0; i < people; i++) {
    for (let d = 0; d < days; d++) {
      if (r() < 0.5) previous.assignments.push({ personId: `p${i}`, shiftId: shifts[d * 6 + int(6)].id });
    }
  }
  return { problem, previous };
}
