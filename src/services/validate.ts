// Bridges pure validators (src/validation, which return Problems) and mutations (which throw
// AppError BAD_USER_INPUT). The field name is also passed as a message param so every message
// can say which input broke the rule.
import { badInput, AppError } from '../errors/AppError';
import type { Problem } from '../validation/problem';
import { checkName, checkLength } from '../validation/text';
import { checkMobile } from '../validation/mobile';
import { checkResidentId } from '../validation/residentId';
import { checkEnum } from '../validation/enums';
import { checkCode } from '../validation/code';
import { checkTimeZone } from '../validation/timeZone';
import { checkDateRange } from '../validation/dates';

export function problemError(p: Problem): AppError {
  return badInput(p.field, p.rule, { field: p.field, ...p.params });
}

function unwrap<T>(r: { value: T } | { problem: Problem }): T {
  if ('problem' in r) throw problemError(r.problem);
  return r.value;
}

export const valid = {
  name: (field: string, raw: string) => unwrap(checkName(field, raw)),
  text: (field: string, raw: string, min: number, max: number) => unwrap(checkLength(field, raw, min, max)),
  mobile: (field: string, raw: string) => unwrap(checkMobile(field, raw)),
  residentId: (field: string, raw: string) => unwrap(checkResidentId(field, raw)),
  code: (field: string, raw: string) => unwrap(checkCode(field, raw)),
  timeZone: (field: string, raw: string) => unwrap(checkTimeZone(field, raw)),
  enumValue: <T extends string>(field: string, raw: string, allowed: readonly T[]) => unwrap(checkEnum(field, raw, allowed)),
  dateRange(field: string, start: Date, end: Date | null | undefined): void {
    const p = checkDateRange(field, start, end);
    if (p) throw problemError(p);
  },
};
