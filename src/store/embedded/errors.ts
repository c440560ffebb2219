// MongoDB server error codes the embedded server can return. Names and numbers follow the
// server's error_codes.yml so that the driver and mongoose classify them exactly as they would
// for a real mongod (e.g. 11000 -> MongoServerError with keyValue, 43 -> cursor gone).
import type { Document } from 'mongodb';

export const ErrorCodes = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  InvalidBSON: 22,
  IllegalOperation: 20,
  Unauthorized: 13,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  InvalidIdField: 53,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  CommandNotSupported: 115,
  BSONObjectTooLarge: 10334,
  DuplicateKey: 11000,
  InvalidPipelineOperator: 168,
  CannotIndexParallelArrays: 171,
  NotImplemented: 238,
  Location31254: 31254,
  Location40324: 40324,
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;

const nameByCode = new Map<number, string>(Object.entries(ErrorCodes).map(([n, c]) => [c, n]));

export function codeNameOf(code: number): string {
  const name = nameByCode.get(code);
  return name && !name.startsWith('Location') ? name : `Location${code}`;
}

/**
 * An error that becomes a `{ ok: 0, errmsg, code, codeName, ...extra }` reply (or one entry of
 * `writeErrors`). Everything thrown inside a command that is not a MongoCommandError is turned into
 * one by `toMongoError` so a client never sees a dropped connection.
 */
export class MongoCommandError extends Error {
  constructor(
    readonly code: number,
    message: string,
    /** extra fields of the reply, e.g. keyPattern/keyValue for duplicate keys */
    readonly extra: Document = {},
  ) {
    super(message);
    this.name = 'MongoCommandError';
  }

  get codeName(): string {
    return codeNameOf(this.code);
  }

  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }

  /** the shape of one `writeErrors` entry */
  toWriteError(index: number): Document {
    return { index, code: this.code, errmsg: this.message, ...this.extra };
  }
}

export function mongoError(code: ErrorCodeName, message: string, extra?: Document): MongoCommandError {
  return new MongoCommandError(ErrorCodes[code], message, extra);
}

/**
 * Collations change what matches and how things sort; ignoring one would give wrong answers,
 * so anything but the simple (binary) collation is refused.
 */
export function refuseCollation(spec: unknown, where: string): void {
  if (spec === undefined || spec === null) return;
  const locale = (spec as { locale?: unknown }).locale;
  if (locale === 'simple') return;
  throw mongoError('CommandNotSupported', `collation (locale '${String(locale)}') in ${where} is not supported by the embedded server`);
}

/** Maps anything thrown (including mingo's errors about unknown operators) to a command error. */
export function toMongoError(e: unknown): MongoCommandError {
  if (e instanceof MongoCommandError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const op = /(\$\w+)/.exec(message)?.[1] ?? '?';
  // mingo names the operator it does not know; keep the name, use mongod's code and wording.
  if (/pipeline operator/.test(message)) {
    return new MongoCommandError(ErrorCodes.Location40324, `Unrecognized pipeline stage name: '${op}'`);
  }
  if (/Unknown update operator/i.test(message)) {
    return new MongoCommandError(
      ErrorCodes.FailedToParse,
      `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`,
    );
  }
  if (/unknown (query|top level) operator/i.test(message)) {
    return new MongoCommandError(ErrorCodes.BadValue, `unknown operator: ${op}`);
  }
  if (/accumulator '.*' is not registered|expression operator/i.test(message)) {
    return new MongoCommandError(ErrorCodes.InvalidPipelineOperator, `Unrecognized expression '${op}'`);
  }
  if (/immutable field '_id'/.test(message)) {
    return new MongoCommandError(ErrorCodes.ImmutableField, "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  if (e instanceof Error && (e.name === 'MingoError' || e.constructor.name === 'MingoError' || e instanceof RangeError || e instanceof TypeError)) {
    return new MongoCommandError(ErrorCodes.BadValue, message);
  }
  return new MongoCommandError(ErrorCodes.InternalError, message);
}
