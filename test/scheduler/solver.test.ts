/** The solver: feasible where a feasible roster is known, reproducible, cancellable, pins kept. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { score, solve } from '../../src/scheduler';
import type { SolveProgress } from '../../src/scheduler';
import { readNrpFile } from '../../src/scheduler/nrp/parse';
import { toProblem } from '../../src/scheduler/nrp/toProblem';
import { nrpDir } from './nrp/nrpDir';
import { dailyShifts, problem, smallRota } from './helpers';
import { richProblem } from './richProblem';


describe('solve', () => {
  it('finds a roster with no hard violation on a small rota where one is known', async () => {
    const p = smallRota();
    const r = await solve(p, { timeLimitMs: 5000, maxIterations: 200000, seed: 1 });
    expect(r.score.hard).toBe(0);
    expect(r.feasible).toBe(true);
    expect(score(p, r.roster)).toEqual(r.score);
  });

  it('solves NRP Instance1 to a feasible roster whose model score matches the benchmark objective range', async () => {
    expect(readdirSync(nrpDir)).toContain('Instance1.txt');
    const p = toProblem(readNrpFile(path.join(nrpDir, 'Instance1.txt')));
    const r = await solve(p, { timeLimitMs: 2000, seed: 3 });
    expect(r.score.hard).toBe(0);
    expect(r.score.soft).toBeGreaterThanOrEqual(607); // the proven optimum
  });

  it('is deterministic for a seed and an iteration budget', async () => {
    const { problem: p } = richProblem(11);
    const a = await solve(p, { timeLimitMs: 60000, maxIterations: 20000, seed: 42 });
    const b = await solve(p, { timeLimitMs: 60000, maxIterations: 20000, seed: 42 });
    expect(b.roster).toEqual(a.roster);
    expect(b.score).toEqual(a.score);
    expect(a.stats.iterations).toBe(20000);
  });

  it('stops on the AbortSignal and returns the best roster so far', async () => {
    const { problem: p } = richProblem(12, 12, 28);
    const ac = new AbortController();
    const t = Date.now();
    setTimeout(() => ac.abort(), 200);
    const r = await solve(p, { timeLimitMs: 30000, seed: 1, signal: ac.signal });
    expect(Date.now() - t).toBeLessThan(5000);
    expect(r.stats.cancelled).toBe(true);
    expect(score(p, r.roster)).toEqual(r.score);
  });

  it('keeps pinned assignments', async () => {
    const { problem: p } = richProblem(13);
    p.pinned = [
      { personId: 'p1', shiftId: p.shifts[10].id },
      { personId: 'p2', shiftId: p.shifts[40].id },
    ];
    const r = await solve(p, { timeLimitMs: 60000, maxIterations: 20000, seed: 5 });
    for (const pin of p.pinned) expect(r.roster.assignments).toContainEqual(pin);
    expect(r.score.parts.find((x) => x.constraint === 'pinned')!.cost).toBe(0);
  });

  it('uses the injected clock for the time limit and reports progress by phase', async () => {
    const { problem: p } = richProblem(14);
    let fake = 0;
    const phases = new Set<string>();
    const r = await solve(p, { timeLimitMs: 500, seed: 2, now: () => (fake += 1), onProgress: (e: SolveProgress) => phases.add(e.phase) });
    // The fake clock advances 1 ms per read (about one read per 256 iterations), so the run ends
    // after ~500 reads whatever the wall time (a feasible anneal stops at 99 %; an infeasible one
    // at 95 %, keeping the rest for the hard-rule repair).
    expect(r.stats.elapsedMs).toBeGreaterThanOrEqual(450);
    expect(r.stats.elapsedMs).toBeLessThan(700);
    expect([...phases]).toEqual(expect.arrayContaining(['construct', 'done']));
  });

  it('counts the time to best from the start of the solve, at the moment the best was found', async () => {
    const p = smallRota();
    // 200 ms a clock read: the set-up before the search takes many "seconds", and no two
    // progress reports fall inside the 100 ms throttle.
    let fake = 0;
    const reports: SolveProgress[] = [];
    const r = await solve(p, { timeLimitMs: 1e12, maxIterations: 20000, seed: 3, now: () => (fake += 200), onProgress: (e) => reports.push(e) });
    expect(r.feasible).toBe(true);
    const constructed = reports.find((e) => e.phase === 'construct')!;
    expect(constructed.elapsedMs).toBeGreaterThan(0);
    expect(r.stats.timeToBestMs).toBeGreaterThan(constructed.elapsedMs);
    expect(r.stats.timeToBestMs).toBeLessThan(r.stats.elapsedMs);
    // The search's report of the final roster carries the same instant as the engine's figure.
    const found = reports.filter((e) => e.phase === 'search' && e.bestScore.hard === r.score.hard && e.bestScore.soft === r.score.soft);
    expect(found.length).toBeGreaterThan(0);
    expect(found[found.length - 1].elapsedMs).toBe(r.stats.timeToBestMs);
  });

  it('rejects bad input with the field and the rule', async () => {
    const p = problem(2, [{ id: 'a' }], dailyShifts(2, [{ type: 'D' }]));
    p.shifts[1] = { ...p.shifts[1], end: p.shifts[1].start - 5 };
    await expect(solve(p, { timeLimitMs: 10 })).rejects.toThrow('shifts[1].end: must be after start');
    await expect(solve(problem(2, [{ id: 'a' }], []), { timeLimitMs: -1 })).rejects.toThrow('opts.timeLimitMs');
  });
});

describe('solve on degenerate problems', () => {
  it('handles no shifts, no people and a single cell', async () => {
    const noShifts = await solve(problem(3, [{ id: 'a' }], []), { timeLimitMs: 100, seed: 1 });
    expect([noShifts.score.hard, noShifts.score.soft, noShifts.roster.assignments.length]).toEqual([0, 0, 0]);
    const noPeople = await solve(problem(3, [], dailyShifts(1, [{ type: 'D' }])), { timeLimitMs: 100, seed: 1 });
    expect([noPeople.score.hard, noPeople.score.soft]).toEqual([0, 100]); // one person missing
    const one = await solve(problem(1, [{ id: 'a' }], dailyShifts(1, [{ type: 'D' }])), { timeLimitMs: 100, seed: 1 });
    expect(one.roster.assignments).toEqual([{ personId: 'a', shiftId: 'D0' }]);
  });
});
