/**
 * Public API of the roster engine. `src/scheduler/` imports nothing from the rest of the service.
 *
 *   solve(problem, opts)   → a roster, its score, an explanation and search statistics
 *   score(problem, roster) → hard/soft totals with one part per constraint
 *   explain(problem, roster) → broken rules (person, shifts, cost, en/zh-CN message) and loads
 *   replan(problem, previous, changes, opts) → a repaired roster that moves as few people as possible
 */
import type { Explanation, Problem, ProblemChange, Roster, Score, SolveOptions, SolveResult } from './model';

export * from './model';

export async function solve(problem: Problem, opts: SolveOptions): Promise<SolveResult> {
  void problem;
  void opts;
  throw new Error('solve: not implemented yet');
}

export function score(problem: Problem, roster: Roster): Score {
  void problem;
  void roster;
  throw new Error('score: not implemented yet');
}

export function explain(problem: Problem, roster: Roster): Explanation {
  void problem;
  void roster;
  throw new Error('explain: not implemented yet');
}

export async function replan(
  problem: Problem,
  previous: Roster,
  changes: ProblemChange[],
  opts: Omit<SolveOptions, 'previous'>,
): Promise<SolveResult & { problem: Problem; changedAssignments: number }> {
  void problem;
  void previous;
  void changes;
  void opts;
  throw new Error('replan: not implemented yet');
}
