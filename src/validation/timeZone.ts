import { problem, type Problem } from './problem';

/** Accepts IANA zone names the runtime knows (Intl is built with full ICU in Node 20). */
export function checkTimeZone(field: string, raw: string): { value: string } | { problem: Problem } {
  const value = raw.trim();
  try {
    if (!value.includes('/') && value !== 'UTC') throw new RangeError('not a zone name');
    new Intl.DateTimeFormat('en', { timeZone: value });
    return { value };
  } catch {
    return { problem: problem(field, 'timeZone.invalid', { value: raw }) };
  }
}
