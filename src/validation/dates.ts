import { problem, type Problem } from './problem';

/** A period must end strictly after it starts; an open end (null) is always fine. */
export function checkDateRange(
  field: string,
  start: Date,
  end: Date | null | undefined,
): Problem | null {
  if (Number.isNaN(start.getTime())) return problem(field.replace(/[^.]*$/, 'start'), 'date.invalid');
  if (end == null) return null;
  if (Number.isNaN(end.getTime())) return problem(field, 'date.invalid');
  return end.getTime() > start.getTime() ? null : problem(field, 'dateRange.endBeforeStart');
}
