// Mainland China mobile numbers: 11 digits, `1` then a second digit 3–9 (all carriers' ranges),
// optionally written with the +86 / 0086 country code and with spaces or dashes as people type them.
// We store the bare 11 digits: that string is the person's natural key.
import { problem, type Problem } from './problem';

const MOBILE = /^1[3-9]\d{9}$/;

/** The canonical 11-digit form, or null when the input is not a mainland mobile number. */
export function normalizeMobile(raw: string): string | null {
  let s = raw.trim().replace(/[\s-]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  return MOBILE.test(s) ? s : null;
}

export function checkMobile(field: string, raw: string): { value: string } | { problem: Problem } {
  const value = normalizeMobile(raw);
  return value ? { value } : { problem: problem(field, 'mobile.invalid', { value: raw }) };
}
