// Codes are the stable natural keys of regions, sites, units and teams (what a seed or an import
// matches on); kept to a safe ASCII alphabet so they survive spreadsheets and URLs.
import { problem, type Problem } from './problem';

const CODE = /^[A-Za-z0-9_-]{1,32}$/;

export function checkCode(field: string, raw: string): { value: string } | { problem: Problem } {
  const value = raw.trim();
  return CODE.test(value) ? { value } : { problem: problem(field, 'code.format', { value: raw }) };
}
