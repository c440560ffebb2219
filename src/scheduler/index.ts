/**
 * Public API of the roster engine. `src/scheduler/` imports nothing from the rest of the service.
 *
 *   solve(problem, opts)   → a roster, its score, an explanation and search statistics
 *   score(problem, roster) → hard/soft totals with one part per constraint
 *   explain(problem, roster) → broken rules (person, shifts, cost, en/zh-CN message) and loads
 *   replan(problem, previous, changes, opts) → a repaired roster that moves as few people as possible
 */
import type { Explanation, Problem, ProblemChange, Roster, Score, SolveOptions, SolveResult } from './model';

import { compile, rosterToCells } from './compile';
import { explainRoster } from './explain';
import { fullScore } from './score';
import { solveProblem } from './solve';
import { replanProblem } from './replan';

export * from './model';
export { constraints } from './constraints';

/** Builds a roster: greedy construction, then local search until the time limit (or the iteration budget). */
export async function solve(problem: Problem, opts: SolveOptions): Promise<SolveResult> {
  return solveProblem(problem, opts);
}

/** Scores a roster: hard total (0 = feasible), soft total and one part per registered constraint. */
export function score(problem: Problem, roster: Roster): Score {
  const c = compile(problem);
  const { cells, extra } = rosterToCells(c, roster);
  return fullScore(c, cells, extra);
}

/** Broken rules with person, shifts, cost and en/zh-CN messages, plus per-person minutes against targets. */
export function explain(problem: Problem, roster: Roster): Explanation {
  return explainRoster(compile(problem), roster);
}

/**
 * Re-plans after changes: keeps pinned assignments, starts from `previous` and penalises every
 * changed assignment (`churn`), so the repaired roster disturbs as few people as possible.
 */
export async function replan(
  problem: Problem,
  previous: Roster,
  changes: ProblemChange[],
  opts: Omit<SolveOptions, 'previous'>,
): Promise<SolveResult & { problem: Problem; changedAssignments: number }> {
  return replanProblem(problem, previous, changes, opts);
}

export { applyChanges, countChanges } from './replan';
