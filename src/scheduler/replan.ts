/**
 * Re-planning: apply changes (a person unavailable from a time, a new or cancelled shift, a
 * changed headcount) to a problem, then search from the existing roster with the `churn`
 * constraint active, so every changed assignment costs and the repair disturbs as few people
 * as possible. Pinned assignments are kept (they are locked cells for the search).
 */
import type { Problem, ProblemChange, Roster, SolveOptions, SolveResult } from './model';
import { ProblemValidationError } from './model';
import { solveProblem } from './solve';

export function applyChanges(problem: Problem, changes: ProblemChange[]): Problem {
  const endOfHorizon = problem.calendar.startMinute + problem.calendar.days * 1440;
  let people = problem.people;
  let shifts = problem.shifts;
  let pinned = problem.pinned;
  let preferences = problem.preferences;
  if (!Array.isArray(changes)) throw new ProblemValidationError('changes', 'must be an array');
  changes.forEach((ch, i) => {
    const f = `changes[${i}]`;
    switch (ch?.kind) {
      case 'personUnavailable': {
        const idx = people.findIndex((p) => p.id === ch.personId);
        if (idx < 0) throw new ProblemValidationError(`${f}.personId`, `unknown person "${ch.personId}"`);
        const to = ch.to ?? endOfHorizon;
        if (!Number.isInteger(ch.from)) throw new ProblemValidationError(`${f}.from`, 'must be an integer epoch minute');
        if (!(to > ch.from)) throw new ProblemValidationError(`${f}.to`, 'must be after from');
        people = people.map((p, j) => (j === idx ? { ...p, unavailable: [...(p.unavailable ?? []), { start: ch.from, end: to }] } : p));
        break;
      }
      case 'addShift':
        if (shifts.some((s) => s.id === ch.shift?.id)) throw new ProblemValidationError(`${f}.shift.id`, `shift "${ch.shift?.id}" already exists`);
        shifts = [...shifts, ch.shift];
        break;
      case 'cancelShift':
        if (!shifts.some((s) => s.id === ch.shiftId)) throw new ProblemValidationError(`${f}.shiftId`, `unknown shift "${ch.shiftId}"`);
        shifts = shifts.filter((s) => s.id !== ch.shiftId);
        pinned = pinned?.filter((p) => p.shiftId !== ch.shiftId);
        preferences = preferences?.filter((p) => !('shiftId' in p) || p.shiftId !== ch.shiftId);
        break;
      case 'setHeadcount': {
        if (!Number.isInteger(ch.headcount) || ch.headcount < 0) throw new ProblemValidationError(`${f}.headcount`, 'must be an integer ≥ 0');
        const idx = shifts.findIndex((s) => s.id === ch.shiftId);
        if (idx < 0) throw new ProblemValidationError(`${f}.shiftId`, `unknown shift "${ch.shiftId}"`);
        shifts = shifts.map((s, j) => (j === idx ? { ...s, headcount: ch.headcount } : s));
        break;
      }
      default:
        throw new ProblemValidationError(`${f}.kind`, 'must be personUnavailable, addShift, cancelShift or setHeadcount');
    }
  });
  return { ...problem, people, shifts, pinned, preferences };
}

/** Number of assignments in one roster and not the other (both directions). */
export function countChanges(a: Roster, b: Roster): number {
  const key = (x: { personId: string; shiftId: string }) => `${x.personId}\u0000${x.shiftId}`;
  const sa = new Set(a.assignments.map(key));
  const sb = new Set(b.assignments.map(key));
  let n = 0;
  for (const k of sa) if (!sb.has(k)) n++;
  for (const k of sb) if (!sa.has(k)) n++;
  return n;
}

export async function replanProblem(
  problem: Problem,
  previous: Roster,
  changes: ProblemChange[],
  opts: Omit<SolveOptions, 'previous'>,
): Promise<SolveResult & { problem: Problem; changedAssignments: number }> {
  const next = applyChanges(problem, changes);
  const ids = new Set(next.shifts.map((s) => s.id));
  // Assignments to cancelled shifts cannot be kept; they still count as changes below.
  const kept: Roster = { assignments: previous.assignments.filter((a) => ids.has(a.shiftId)) };
  const result = await solveProblem(next, { ...opts, previous: kept });
  return { ...result, problem: next, changedAssignments: countChanges(previous, result.roster) };
}
