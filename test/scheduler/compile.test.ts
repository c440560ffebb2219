/** Problem validation: every rejection names the field and the rule; the compiled wish index. */
import { score } from '../../src/scheduler';
import { compile } from '../../src/scheduler/compile';
import { ProblemValidationError } from '../../src/scheduler/model';
import { dailyShifts, problem } from './helpers';
import { richProblem } from './richProblem';

describe('problem validation', () => {
  const ok = () => problem(2, [{ id: 'a' }], dailyShifts(2, [{ type: 'D' }]));
  const cases: Array<[string, (p: ReturnType<typeof ok>) => void, string]> = [
    ['duplicate shift', (p) => p.shifts.push({ ...p.shifts[0] }), 'shifts[2].id: duplicate shift id "D0"'],
    ['shift outside horizon', (p) => (p.shifts[1] = { ...p.shifts[1], start: p.shifts[1].start + 3 * 1440, end: p.shifts[1].end + 3 * 1440 }), 'shifts[1].start: must fall inside the horizon'],
    ['negative headcount', (p) => (p.shifts[0].headcount = -1), 'shifts[0].headcount: must be ≥ 0'],
    ['duplicate person', (p) => p.people.push({ id: 'a' }), 'people[1].id: duplicate person id "a"'],
    ['min above max', (p) => (p.people[0].limits = { minTotalMinutes: 10, maxTotalMinutes: 5 }), 'people[0].limits.minTotalMinutes: must not exceed maxTotalMinutes'],
    ['unknown preference person', (p) => (p.preferences = [{ personId: 'zz', kind: 'wantDayOff', day: 0, weight: 1 }]), 'preferences[0].personId: unknown person "zz"'],
    ['fractional weight', (p) => (p.preferences = [{ personId: 'a', kind: 'wantDayOff', day: 0, weight: 1.5 }]), 'preferences[0].weight: must be an integer'],
    ['unknown pinned shift', (p) => (p.pinned = [{ personId: 'a', shiftId: 'X' }]), 'pinned[0].shiftId: unknown shift "X"'],
    ['bad window', (p) => (p.people[0].unavailable = [{ start: 10, end: 5 }]), 'people[0].unavailable[0].end: must be after start'],
  ];
  it.each(cases)('%s', (_name, mutate, message) => {
    const p = ok();
    mutate(p);
    let err: unknown;
    try {
      score(p, { assignments: [] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProblemValidationError);
    expect((err as Error).message).toContain(message);
  });
  it('rejects roster assignments naming unknown people or shifts', () => {
    expect(() => score(ok(), { assignments: [{ personId: 'a', shiftId: 'nope' }] })).toThrow('roster.assignments[0].shiftId: unknown shift "nope"');
    expect(() => score(ok(), { assignments: [{ personId: 'b', shiftId: 'D0' }] })).toThrow('roster.assignments[0].personId: unknown person "b"');
  });
});

describe('wish index', () => {
  it('gives each person and day the index of their first wish on that day or later', () => {
    const { problem: p } = richProblem(3, 8, 21);
    const c = compile(p);
    expect(c.preferences.some((l) => l.length > 1)).toBe(true);
    for (let q = 0; q < c.P; q++) {
      const list = c.preferences[q];
      for (let d = 0; d <= c.D; d++) {
        const first = list.findIndex((w) => w.day >= d);
        expect([q, d, c.wishFrom[q * (c.D + 1) + d]]).toEqual([q, d, first < 0 ? list.length : first]);
      }
    }
  });
});
