import type { Problem } from '../validation/problem';

export interface RowProblem extends Problem {
  line: number;
}

export interface ImportOutcome {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** non-empty ⇒ nothing was written */
  errors: RowProblem[];
}

export function rejected(dryRun: boolean, rows: number, errors: RowProblem[]): ImportOutcome {
  return { dryRun, rows, created: 0, updated: 0, unchanged: 0, errors: errors.sort((a, b) => a.line - b.line) };
}
