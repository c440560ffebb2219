// Resident identity card numbers (居民身份证号码), GB 11643-1999: 6-digit address code, 8-digit
// birth date YYYYMMDD, 3-digit sequence, and a check character computed as ISO 7064 MOD 11-2
// over the first 17 digits (weights 2^(17-i) mod 11, result 10 written as X).
import { problem, type Problem } from './problem';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function validBirthDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d && date.getTime() <= Date.now();
}

/** Upper-cases a trailing x and checks format, birth date and checksum. */
export function checkResidentId(field: string, raw: string): { value: string } | { problem: Problem } {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { problem: problem(field, 'residentId.format') };
  if (!validBirthDate(value.slice(6, 14))) return { problem: problem(field, 'residentId.birthDate') };
  if (residentIdCheckChar(value) !== value[17]) return { problem: problem(field, 'residentId.checksum') };
  return { value };
}

/** 1101**********123X: the first four and last four characters, the rest hidden. */
export function maskResidentId(value: string): string {
  return value.slice(0, 4) + '*'.repeat(Math.max(0, value.length - 8)) + value.slice(-4);
}
