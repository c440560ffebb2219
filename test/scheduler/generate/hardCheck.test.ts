import { explain } from '../../../src/scheduler';
import { createRng, DISTRICT_PARAMS, generateRegional } from '../../../src/scheduler/generate';
import { checkHardRules, type HardRule } from '../../../src/scheduler/generate/hardCheck';
import type { Person, Problem, Roster } from '../../../src/scheduler/model';

const DAY0 = Date.UTC(2026, 11, 7) / 60000 - 480; // Monday 2026-12-07 00:00 Beijing
const at = (day: number, hour: number): number => DAY0 + day * 1440 + hour * 60;

/** 14 days, one person, shifts early (08–16) and night (00–08) every day; limits per test. */
function tiny(person: Partial<Person> = {}, extra: Partial<Problem> = {}): Problem {
  const shifts = [];
  for (let d = 0; d < 14; d++) {
    shifts.push({ id: `e${d}`, type: 'early', start: at(d, 8), end: at(d, 16), headcount: 1 });
    shifts.push({ id: `n${d}`, type: 'night', start: at(d, 0), end: at(d, 8), headcount: 1 });
  }
  return { calendar: { startMinute: DAY0, days: 14, firstWeekday: 0 }, people: [{ id: 'P', ...person }], shifts, ...extra };
}
const roster = (...shiftIds: string[]): Roster => ({ assignments: shiftIds.map((shiftId) => ({ personId: 'P', shiftId })) });
const rules = (p: Problem, r: Roster): HardRule[] => checkHardRules(p, r).findings.map((f) => f.rule);

describe('checkHardRules on hand-made cases', () => {
  it('accepts a roster within every limit', () => {
    expect(rules(tiny({ limits: { minRestMinutes: 720, maxMinutesPerWeek: 1440 } }), roster('e0', 'e2', 'e4'))).toEqual([]);
  });
  it('one shift per day', () => expect(rules(tiny(), roster('e0', 'n0'))).toEqual(['oneShiftPerDay']));
  it('availability: unavailable day, unavailable window, outside availability', () => {
    expect(rules(tiny({ unavailableDays: [3] }), roster('e3', 'e4'))).toEqual(['availability']);
    expect(rules(tiny({ unavailable: [{ start: at(2, 15), end: at(2, 18) }] }), roster('e2', 'n3'))).toEqual(['availability']);
    expect(rules(tiny({ availability: [{ start: at(1, 7), end: at(1, 20) }] }), roster('e1', 'e2'))).toEqual(['availability']);
  });
  it('minimum rest between consecutive shifts (across midnight too)', () => {
    // early day 0 ends 16:00, night day 1 starts 24:00 → 8 h rest.
    expect(checkHardRules(tiny({ limits: { minRestMinutes: 720 } }), roster('e0', 'n1')).findings).toEqual([{ rule: 'minRest', personId: 'P', shiftIds: ['e0', 'n1'], detail: 'rest 480 min < 720' }]);
    expect(rules(tiny({ limits: { minRestMinutes: 480 } }), roster('e0', 'n1'))).toEqual([]);
  });
  it('weekly minutes per Monday–Sunday week, total minutes both ways, per-type cap', () => {
    expect(rules(tiny({ limits: { maxMinutesPerWeek: 960 } }), roster('e5', 'e6', 'e7', 'e8'))).toEqual([]);
    expect(rules(tiny({ limits: { maxMinutesPerWeek: 960 } }), roster('e4', 'e5', 'e6'))).toEqual(['maxMinutesPerWeek']);
    expect(rules(tiny({ limits: { maxTotalMinutes: 960, minTotalMinutes: 960 } }), roster('e0', 'e1', 'e2'))).toEqual(['maxTotalMinutes']);
    expect(rules(tiny({ limits: { minTotalMinutes: 960 } }), roster('e0'))).toEqual(['minTotalMinutes']);
    expect(rules(tiny({ limits: { maxShiftsPerType: { night: 1 } } }), roster('n0', 'n2'))).toEqual(['maxShiftsPerType']);
  });
  it('runs: max and min working days, min days off, with border exemptions for the minimums', () => {
    expect(rules(tiny({ limits: { maxConsecutiveWorkDays: 2 } }), roster('e0', 'e1', 'e2'))).toEqual(['maxConsecutiveWorkDays']);
    expect(rules(tiny({ limits: { minConsecutiveWorkDays: 2 } }), roster('e0', 'e5', 'e13'))).toEqual(['minConsecutiveWorkDays']);
    expect(rules(tiny({ limits: { minConsecutiveDaysOff: 2 } }), roster('e1', 'e2', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10', 'e11', 'e12'))).toEqual(['minConsecutiveDaysOff']);
  });
  it('weekends: Saturday and Sunday of one week count once', () => {
    expect(rules(tiny({ limits: { maxWeekendsWorked: 1 } }), roster('e5', 'e6'))).toEqual([]);
    expect(rules(tiny({ limits: { maxWeekendsWorked: 1 } }), roster('e6', 'e12'))).toEqual(['maxWeekendsWorked']);
  });
  it('forbidden successions and pinned assignments', () => {
    expect(rules(tiny({}, { forbiddenSuccessions: [{ from: 'early', to: 'night' }] }), roster('e0', 'n1'))).toEqual(['forbiddenSuccession']);
    expect(rules(tiny({}, { pinned: [{ personId: 'P', shiftId: 'e3' }] }), roster('e2'))).toEqual(['pinned']);
  });
  it('refuses assignments to unknown people or shifts', () => {
    expect(() => checkHardRules(tiny(), { assignments: [{ personId: 'Q', shiftId: 'e0' }] })).toThrow('roster.assignments[0]: unknown person "Q"');
  });
});

/** The engine's constraint name for each rule of the independent check. */
const ENGINE_NAME: Record<HardRule, string> = {
  oneShiftPerDay: 'oneShiftPerDay',
  availability: 'availability',
  minRest: 'minRestBetweenShifts',
  maxMinutesPerWeek: 'maxMinutesPerWeek',
  minTotalMinutes: 'minTotalMinutes',
  maxTotalMinutes: 'maxTotalMinutes',
  maxShiftsPerType: 'maxShiftsPerType',
  maxConsecutiveWorkDays: 'maxConsecutiveWorkingDays',
  minConsecutiveWorkDays: 'minConsecutiveWorkingDays',
  minConsecutiveDaysOff: 'minConsecutiveDaysOff',
  maxWeekendsWorked: 'maxWeekendsWorked',
  forbiddenSuccession: 'forbiddenSuccession',
  pinned: 'pinned',
};

describe('checkHardRules agrees with the engine on generated problems', () => {
  it('names the same (rule, person) pairs as explain() for random rosters of a small district', () => {
    const { problem } = generateRegional({ ...DISTRICT_PARAMS, name: 'small', seed: 5, towns: 2, communities: 5, checkpoints: 10, cadres: 40, volunteers: 80 });
    const rng = createRng(17);
    for (let k = 0; k < 5; k++) {
      // Each person draws shifts at random, at most one per day: breaks rest, weeks, runs, availability, …
      const byDay = new Map<number, string[]>();
      for (const s of problem.shifts) {
        const d = Math.floor((s.start - problem.calendar.startMinute) / 1440);
        byDay.set(d, [...(byDay.get(d) ?? []), s.id]);
      }
      const assignments = problem.people.flatMap((p) =>
        [...byDay.values()].filter(() => rng.chance(0.2 + 0.1 * k)).map((ids) => ({ personId: p.id, shiftId: rng.pick(ids) })),
      );
      const r = { assignments };
      const mine = new Set(checkHardRules(problem, r).findings.map((f) => `${ENGINE_NAME[f.rule]}:${f.personId}`));
      const engine = new Set(explain(problem, r).violations.filter((v) => v.hard).map((v) => `${v.constraint}:${v.personId}`));
      expect(mine.size).toBeGreaterThan(10);
      expect([...engine].sort()).toEqual([...mine].sort());
    }
  });
});
