// What a command handler gets: the engine, cursors, the target database and a way to make its
// changes durable before it replies. Plus small argument readers that fail with the server's
// TypeMismatch wording naming the field.
import type { Document } from 'mongodb';
import { mongoError } from '../errors';
import type { Engine } from '../engine/engine';
import type { CursorManager } from '../engine/cursors';
import type { ChangeRecord } from '../persistence/types';

export interface CommandContext {
  engine: Engine;
  cursors: CursorManager;
  db: string;
  connectionId: number;
  /** resolves once the records are durable (immediately when in memory) */
  commit(records: ChangeRecord[]): Promise<void>;
}

export type CommandHandler = (cmd: Document, ctx: CommandContext) => Document | Promise<Document>;

export function typeErr(field: string, expected: string) {
  return mongoError('TypeMismatch', `BSON field '${field}' is the wrong type, expected type '${expected}'`);
}

/** The collection name of a command (`{ find: "users" }` -> "users"). */
export function collectionArg(cmd: Document, name: string): string {
  const v = cmd[name];
  if (typeof v !== 'string' || v.length === 0) throw typeErr(name, 'string');
  return v;
}

export function optionalNumber(cmd: Document, field: string): number | undefined {
  const v = cmd[field];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'object' && '_bsontype' in v ? Number(String(v)) : NaN;
  if (Number.isNaN(n)) throw typeErr(field, 'number');
  return n;
}

export function optionalDocument(cmd: Document, field: string): Document | undefined {
  const v = cmd[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw typeErr(field, 'object');
  return v as Document;
}

export function optionalArray(cmd: Document, field: string): unknown[] | undefined {
  const v = cmd[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw typeErr(field, 'array');
  return v;
}
