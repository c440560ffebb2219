import { Types } from 'mongoose';
import { badInput } from '../errors/AppError';

/** Parses a GraphQL ID into an ObjectId or fails with BAD_USER_INPUT naming the field. */
export function parseId(field: string, value: string): Types.ObjectId {
  if (typeof value !== 'string' || !/^[0-9a-fA-F]{24}$/.test(value)) {
    throw badInput(field, 'id.invalid', { field, value: String(value) });
  }
  return new Types.ObjectId(value);
}

export function parseOptionalId(field: string, value: string | null | undefined): Types.ObjectId | null {
  return value == null ? null : parseId(field, value);
}

/** Token scope ids are not user input: an unparsable one simply matches nothing. */
export function idOrNull(value: string | undefined): Types.ObjectId | null {
  return value && /^[0-9a-fA-F]{24}$/.test(value) ? new Types.ObjectId(value) : null;
}

export function sameId(a: { toString(): string } | null | undefined, b: { toString(): string } | null | undefined): boolean {
  return a != null && b != null && a.toString() === b.toString();
}
