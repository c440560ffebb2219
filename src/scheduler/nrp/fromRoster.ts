/**
 * Engine roster → benchmark roster. Works from the engine problem alone (not from how `toProblem`
 * names things): a person is matched to the employee with the same ID, a shift's day is where its
 * start falls in the problem's calendar, and its NRP shift ID is its `type`. Anything that does not
 * fit the instance is an error, never silently dropped — a lost assignment would flatter the
 * objective.
 */
import type { Problem, Roster } from '../model';
import type { NrpInstance, NrpRoster } from './types';

export class NrpMappingError extends Error {
  override readonly name = 'NrpMappingError';
}

export function rosterToNrp(instance: NrpInstance, problem: Problem, roster: Roster): NrpRoster {
  const employeeIndex = new Map(instance.staff.map((s, e) => [s.id, e]));
  const shiftTypes = new Set(instance.shifts.map((s) => s.id));
  const shiftById = new Map(problem.shifts.map((s) => [s.id, s]));
  const out: (string | null)[][] = instance.staff.map(() => Array<string | null>(instance.horizon).fill(null));
  roster.assignments.forEach((a, i) => {
    const where = `roster.assignments[${i}]`;
    const e = employeeIndex.get(a.personId);
    if (e === undefined) throw new NrpMappingError(`${where}.personId: ${JSON.stringify(a.personId)} is no employee of ${instance.name}`);
    const shift = shiftById.get(a.shiftId);
    if (!shift) throw new NrpMappingError(`${where}.shiftId: ${JSON.stringify(a.shiftId)} is no shift of the problem`);
    if (!shiftTypes.has(shift.type)) throw new NrpMappingError(`${where}: shift ${a.shiftId} has type ${JSON.stringify(shift.type)}, no shift type of ${instance.name}`);
    const day = Math.floor((shift.start - problem.calendar.startMinute) / 1440);
    if (!(day >= 0 && day < instance.horizon)) throw new NrpMappingError(`${where}: shift ${a.shiftId} starts on day ${day}, outside 0…${instance.horizon - 1}`);
    const row = out[e]!;
    if (row[day] !== null) {
      throw new NrpMappingError(`${where}: employee ${a.personId} has two shifts on day ${day} (${row[day]} and ${shift.type})`);
    }
    row[day] = shift.type;
  });
  return out;
}
