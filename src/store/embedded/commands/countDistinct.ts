// count and distinct.
import type { Document } from 'mongodb';
import { mongoError } from '../errors';
import { keyOf, valuesAtPath } from '../engine/keys';
import { matchingDocuments } from '../engine/query';
import { collectionArg, optionalDocument, optionalNumber, type CommandContext } from './context';

export function count(cmd: Document, ctx: CommandContext): Document {
  const name = collectionArg(cmd, 'count');
  const query = optionalDocument(cmd, 'query');
  const skip = optionalNumber(cmd, 'skip') ?? 0;
  const limit = Math.abs(optionalNumber(cmd, 'limit') ?? 0);
  const coll = ctx.engine.getCollection(ctx.db, name);
  let n = !query || Object.keys(query).length === 0 ? (coll?.size ?? 0) : matchingDocuments(coll, query).length;
  n = Math.max(0, n - skip);
  if (limit) n = Math.min(n, limit);
  return { n, ok: 1 };
}

export function distinct(cmd: Document, ctx: CommandContext): Document {
  const name = collectionArg(cmd, 'distinct');
  const key = cmd.key;
  if (typeof key !== 'string' || !key) throw mongoError('TypeMismatch', "BSON field 'distinct.key' is the wrong type, expected type 'string'");
  const coll = ctx.engine.getCollection(ctx.db, name);
  const seen = new Set<string>();
  const values: unknown[] = [];
  for (const d of matchingDocuments(coll, optionalDocument(cmd, 'query'))) {
    for (const v of valuesAtPath(d, key)) {
      for (const x of Array.isArray(v) ? v : [v]) {
        if (x === undefined) continue;
        const k = keyOf(x);
        if (seen.has(k)) continue;
        seen.add(k);
        values.push(x);
      }
    }
  }
  return { values, ok: 1 };
}
