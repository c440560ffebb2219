/** Re-planning keeps pins, honours the change, and moves few people compared with solving afresh. */
import { applyChanges, countChanges, replan, score, solve } from '../../src/scheduler';
import { MONDAY, dailyShifts, problem } from './helpers';

function rota() {
  return problem(
    14,
    Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, targetMinutes: 6 * 480, limits: { maxConsecutiveWorkDays: 5, maxTotalMinutes: 8 * 480 } })),
    dailyShifts(14, [
      { type: '早', hour: 0, headcount: 2 },
      { type: '中', hour: 8, headcount: 2 },
    ]),
    { forbiddenSuccessions: [{ from: '中', to: '早' }] },
  );
}

describe('replan', () => {
  it('after one person drops out, changes few assignments and keeps pins', async () => {
    const p = rota();
    p.pinned = [{ personId: 'p5', shiftId: '早3' }];
    const first = await solve(p, { timeLimitMs: 60000, maxIterations: 60000, seed: 1 });
    expect(first.score.hard).toBe(0);
    const lost = first.roster.assignments.filter((a) => a.personId === 'p3' && Number(a.shiftId.slice(1)) >= 7).length;
    expect(lost).toBeGreaterThan(0);
    const changes = [{ kind: 'personUnavailable' as const, personId: 'p3', from: MONDAY + 7 * 1440 }];
    const r = await replan(p, first.roster, changes, { timeLimitMs: 60000, maxIterations: 60000, seed: 2 });
    expect(r.score.hard).toBe(0);
    expect(r.roster.assignments.filter((a) => a.personId === 'p3' && Number(a.shiftId.slice(1)) >= 7)).toEqual([]);
    expect(r.roster.assignments).toContainEqual({ personId: 'p5', shiftId: '早3' });
    // Each lost shift needs at most a drop and an add (2 changes); allow a little reshuffling.
    expect(r.changedAssignments).toBeLessThanOrEqual(2 * lost + 4);
    // Solving the changed problem from scratch disturbs far more people.
    const fresh = await solve(r.problem, { timeLimitMs: 60000, maxIterations: 60000, seed: 2 });
    expect(countChanges(first.roster, fresh.roster)).toBeGreaterThan(r.changedAssignments * 2);
  });

  it('applies new, cancelled and re-sized shifts', () => {
    const p = rota();
    const next = applyChanges(p, [
      { kind: 'cancelShift', shiftId: '早0' },
      { kind: 'setHeadcount', shiftId: '中0', headcount: 3 },
      { kind: 'addShift', shift: { id: '夜0', type: '夜', start: MONDAY + 16 * 60, end: MONDAY + 24 * 60, headcount: 1 } },
    ]);
    expect(next.shifts.find((s) => s.id === '早0')).toBeUndefined();
    expect(next.shifts.find((s) => s.id === '中0')!.headcount).toBe(3);
    expect(next.shifts.find((s) => s.id === '夜0')).toBeDefined();
    expect(p.shifts.find((s) => s.id === '中0')!.headcount).toBe(2); // input untouched
    expect(() => applyChanges(p, [{ kind: 'cancelShift', shiftId: 'nope' }])).toThrow('changes[0].shiftId');
    expect(score(next, { assignments: [] }).hard).toBe(0);
  });

  it('drops assignments of a cancelled shift and counts them as changes', async () => {
    const p = rota();
    const first = await solve(p, { timeLimitMs: 60000, maxIterations: 20000, seed: 3 });
    const r = await replan(p, first.roster, [{ kind: 'cancelShift', shiftId: '中5' }], { timeLimitMs: 60000, maxIterations: 20000, seed: 3 });
    expect(r.roster.assignments.some((a) => a.shiftId === '中5')).toBe(false);
    expect(r.changedAssignments).toBeGreaterThanOrEqual(2);
  });
});
