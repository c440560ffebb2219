// DateTime: ISO 8601 with an explicit zone in, UTC ISO out. A date-time without a zone is
// refused because the server cannot guess which region's clock the client meant.
import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from '../errors/AppError';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseDateTime(value: unknown, field = 'DateTime'): Date {
  if (typeof value !== 'string' || !ISO_WITH_ZONE.test(value)) throw badInput(field, 'dateTime.invalid', { field, value: String(value) });
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw badInput(field, 'dateTime.invalid', { field, value });
  return d;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO 8601 instant with a zone offset; returned in UTC',
  serialize(value) {
    const d = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
    if (!d || Number.isNaN(d.getTime())) throw new TypeError(`DateTime cannot represent ${String(value)}`);
    return d.toISOString();
  },
  parseValue(value) {
    return parseDateTime(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('DateTime', 'dateTime.invalid', { field: 'DateTime', value: ast.kind });
    return parseDateTime(ast.value);
  },
});
