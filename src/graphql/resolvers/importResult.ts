import { translate } from '../../i18n/messages';
import type { ImportOutcome } from '../../import/result';
import type { Context } from '../context';

/** Row errors carry rule + params; the message is rendered in the caller's language here. */
export function presentImport(outcome: ImportOutcome, ctx: Context) {
  return {
    ...outcome,
    errors: outcome.errors.map((e) => ({
      line: e.line,
      field: e.field,
      rule: e.rule,
      message: translate(e.rule, ctx.locale, { field: e.field, ...e.params }),
    })),
  };
}
