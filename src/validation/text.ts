// Lengths are counted in characters as people see them (code points), so a 50-character limit
// allows 50 Chinese characters, not 50 UTF-16 units.
import { problem, type Problem } from './problem';

export const NAME_MIN = 1;
export const NAME_MAX = 50;

export function charLength(s: string): number {
  return Array.from(s).length;
}

/** Trims, then checks min ≤ length ≤ max. */
export function checkLength(
  field: string,
  raw: string,
  min: number,
  max: number,
): { value: string } | { problem: Problem } {
  const value = raw.trim();
  const n = charLength(value);
  if (n < min || n > max) return { problem: problem(field, 'text.length', { min, max, actual: n }) };
  return { value };
}

export function checkName(field: string, raw: string) {
  return checkLength(field, raw, NAME_MIN, NAME_MAX);
}
