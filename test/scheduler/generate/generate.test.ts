import { createRng, DISTRICT_PARAMS, generateDistrict, generateRegional, localMidnightEpochMinutes, type RegionalParams } from '../../../src/scheduler/generate';
import { checkHardRules } from '../../../src/scheduler/generate/hardCheck';
import type { Person, Shift } from '../../../src/scheduler/model';

/** A small area with the district's proportions, fast enough for many cases. */
const SMALL: RegionalParams = { ...DISTRICT_PARAMS, name: 'small', seed: 7, towns: 2, communities: 6, checkpoints: 12, cadres: 48, volunteers: 100 };

const fits = (p: Person, s: Shift): boolean => {
  if (p.availability && !p.availability.some((w) => w.start <= s.start && s.end <= w.end)) return false;
  return true;
};

describe('createRng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it('draws integers over the whole inclusive range', () => {
    const r = createRng(1);
    const seen = new Set(Array.from({ length: 200 }, () => r.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});

describe('generateRegional', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    const one = JSON.stringify(generateRegional(SMALL).problem);
    expect(JSON.stringify(generateRegional(SMALL).problem)).toBe(one);
    expect(JSON.stringify(generateRegional({ ...SMALL, seed: 8 }).problem)).not.toBe(one);
  });

  it('builds the region tree, sites and the round-the-clock checkpoint shifts', () => {
    const g = generateRegional(SMALL);
    expect(g.towns).toEqual(['T001', 'T002']);
    expect(g.communities).toHaveLength(6);
    expect(g.sites.filter((s) => s.kind === 'office')).toHaveLength(6);
    expect(g.sites.filter((s) => s.kind === 'checkpoint')).toHaveLength(12);
    // Every community has its office and at least one checkpoint.
    for (const c of g.communities) expect(g.sites.filter((s) => s.community === c.id).map((s) => s.kind)).toEqual(expect.arrayContaining(['office', 'checkpoint']));
    const { problem } = g;
    expect(problem.shifts).toHaveLength(12 * 3 * 14 + 6 * 14);
    expect(new Set(problem.shifts.map((s) => s.id)).size).toBe(problem.shifts.length);
    const day0 = localMidnightEpochMinutes('2026-12-07', 480);
    expect(problem.calendar).toEqual({ startMinute: day0, days: 14, firstWeekday: 0, weekendDays: [5, 6] });
    expect(new Date(day0 * 60000).toISOString()).toBe('2026-12-06T16:00:00.000Z'); // Monday 00:00 in Beijing
    const cp = problem.shifts.filter((s) => s.site === 'T001-C001-K1' && Math.floor((s.start - day0) / 1440) === 3);
    expect(cp.map((s) => [s.type, (s.start - day0 - 3 * 1440) / 60, s.end - s.start, s.headcount, s.minPartyMembers, s.requiredSkills])).toEqual([
      ['night', 0, 480, 2, 1, { 测温: 1 }],
      ['early', 8, 480, 2, 1, { 测温: 1 }],
      ['late', 16, 480, 2, 1, { 测温: 1 }],
    ]);
    expect(g.demandMinutes).toBe(problem.shifts.reduce((s, x) => s + x.headcount * (x.end - x.start), 0));
  });

  it('draws people with limits, skills, ≈1/3 party members and fairness targets within their limits', () => {
    const { problem } = generateDistrict(3);
    const people = problem.people;
    expect(people.filter((p) => p.id.startsWith('CAD'))).toHaveLength(1400);
    expect(people.filter((p) => p.id.startsWith('VOL'))).toHaveLength(3000);
    const party = people.filter((p) => p.partyMember).length / people.length;
    expect(party).toBeGreaterThan(0.28);
    expect(party).toBeLessThan(0.38);
    const temp = people.filter((p) => p.skills?.includes('测温')).length / people.length;
    expect(temp).toBeGreaterThan(0.4);
    const outOfLimits = people.filter(
      (p) =>
        p.limits?.minRestMinutes !== 720 ||
        p.targetMinutes! < (p.limits?.minTotalMinutes ?? 0) ||
        p.targetMinutes! > (p.limits?.maxTotalMinutes ?? p.limits!.maxMinutesPerWeek! * 2),
    );
    expect(outOfLimits).toEqual([]);
    // Some volunteers are only available in the daytime, some evenings and weekends.
    expect(people.filter((p) => p.availability && p.availability.length === 14).length).toBeGreaterThan(500);
    const demand = problem.shifts.reduce((s, x) => s + x.headcount * (x.end - x.start), 0);
    const targets = people.reduce((s, p) => s + p.targetMinutes!, 0);
    expect(Math.abs(targets - demand) / demand).toBeLessThan(0.05);
  });

  it('pins only people who are available for the pinned shift, and refers to existing ids everywhere', () => {
    const { problem } = generateRegional({ ...SMALL, seed: 11 });
    const people = new Map(problem.people.map((p) => [p.id, p]));
    const shifts = new Map(problem.shifts.map((s) => [s.id, s]));
    expect(problem.pinned!.length).toBeGreaterThan(0);
    for (const pin of problem.pinned!) {
      const p = people.get(pin.personId)!;
      const s = shifts.get(pin.shiftId)!;
      expect(s).toBeDefined();
      expect(fits(p, s)).toBe(true);
      expect(p.unavailableDays ?? []).not.toContain(0);
    }
    for (const pref of problem.preferences!) expect(people.has(pref.personId)).toBe(true);
    const regions = new Set(problem.people.map((p) => p.homeRegion));
    const siteIds = new Set(problem.shifts.map((s) => s.site));
    for (const t of problem.travel!) {
      expect(regions.has(t.region) || t.region.startsWith('T')).toBe(true);
      expect(siteIds.has(t.site)).toBe(true);
    }
  });

  it('uses town-level home regions when asked (province scale keeps the travel table small)', () => {
    const g = generateRegional({ ...SMALL, travelLevel: 'town' });
    expect(new Set(g.problem.people.map((p) => p.homeRegion))).toEqual(new Set(g.towns));
    expect(g.problem.travel).toHaveLength(g.towns.length * g.sites.length - g.sites.length);
  });

  it.each([
    [{ startDate: '2026-12-08' }, 'startDate: must be a Monday, got 2026-12-08'],
    [{ checkpoints: 3 }, 'checkpoints: must be at least one per community (6), got 3'],
    [{ partyShareCadres: 1.5 }, 'partyShareCadres: must lie in [0, 1], got 1.5'],
    [{ days: 0 }, 'days: must be a positive integer, got 0'],
  ])('rejects bad parameters %j', (override, message) => {
    expect(() => generateRegional({ ...SMALL, ...override })).toThrow(message);
  });
});

describe('generated problems admit a roster with no hard violation', () => {
  it('district: pins kept, every full-period cadre on early shifts at home until their minimum is met', () => {
    const { problem } = generateDistrict(1);
    const day0 = problem.calendar.startMinute;
    const byKey = new Map(problem.shifts.map((s) => [`${s.site}|${Math.floor((s.start - day0) / 1440)}|${s.type}`, s.id]));
    const pinnedPeople = new Set(problem.pinned!.map((p) => p.personId));
    const assignments = problem.pinned!.map((p) => ({ ...p }));
    for (const p of problem.people) {
      const min = p.limits?.minTotalMinutes ?? 0;
      let need = Math.ceil(min / 480) - (pinnedPeople.has(p.id) ? 1 : 0);
      for (let d = pinnedPeople.has(p.id) ? 1 : 0; need > 0 && d < 14; d++) {
        if (p.unavailableDays?.includes(d) || d % 7 === 5 || d % 7 === 6) continue;
        assignments.push({ personId: p.id, shiftId: byKey.get(`${p.homeRegion}-K1|${d}|early`)! });
        need--;
      }
      expect(need <= 0).toBe(true);
    }
    expect(checkHardRules(problem, { assignments }).findings).toEqual([]);
  });
});
