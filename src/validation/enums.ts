import { problem, type Problem } from './problem';

export function checkEnum<T extends string>(
  field: string,
  raw: string,
  allowed: readonly T[],
): { value: T } | { problem: Problem } {
  const value = raw.trim() as T;
  return allowed.includes(value)
    ? { value }
    : { problem: problem(field, 'enum.invalid', { value: raw, allowed: allowed.join(', ') }) };
}
