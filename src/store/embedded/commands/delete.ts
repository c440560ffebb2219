// delete: each statement removes the first (limit: 1) or all (limit: 0) matching documents.
import type { Document } from 'mongodb';
import { mongoError, refuseCollation, toMongoError } from '../errors';
import { firstMatch, matchingDocuments } from '../engine/query';
import type { ChangeRecord } from '../persistence/types';
import { collectionArg, optionalArray, typeErr, type CommandContext } from './context';

export async function deleteCommand(cmd: Document, ctx: CommandContext): Promise<Document> {
  const name = collectionArg(cmd, 'delete');
  const statements = (optionalArray(cmd, 'deletes') ?? []) as Document[];
  // malformed statements fail the whole command before anything is written, as in mongod
  for (const st of statements) {
    if (!st || typeof st !== 'object' || Array.isArray(st)) throw typeErr('delete.deletes', 'object');
    if (st.q === undefined) throw mongoError('FailedToParse', "BSON field 'delete.deletes.q' is missing but a required field");
    if (st.q === null || typeof st.q !== 'object' || Array.isArray(st.q)) throw typeErr('delete.deletes.q', 'object');
    const limit = Number(st.limit ?? 0);
    if (limit !== 0 && limit !== 1) throw mongoError('FailedToParse', `The limit field in delete objects must be 0 or 1. Got ${limit}`);
  }
  const ordered = cmd.ordered !== false;
  const records: ChangeRecord[] = [];
  const writeErrors: Document[] = [];
  let n = 0;
  for (let i = 0; i < statements.length; i++) {
    try {
      const st = statements[i];
      if (!st || typeof st !== 'object') throw mongoError('TypeMismatch', "BSON field 'delete.deletes' items must be objects");
      refuseCollation(st.collation, 'delete');
      const limit = Number(st.limit ?? 0);
      if (limit !== 0 && limit !== 1) throw mongoError('FailedToParse', `The limit field in delete objects must be 0 or 1. Got ${limit}`);
      const coll = ctx.engine.getCollection(ctx.db, name);
      if (!coll) continue;
      const victims = limit === 1 ? [firstMatch(coll, st.q ?? {})].filter((d): d is Document => !!d) : matchingDocuments(coll, st.q ?? {});
      for (const d of victims) ctx.engine.remove(coll, d, records);
      n += victims.length;
    } catch (e) {
      writeErrors.push(toMongoError(e).toWriteError(i));
      if (ordered) break;
    }
  }
  await ctx.commit(records);
  const reply: Document = { n, ok: 1 };
  if (writeErrors.length) reply.writeErrors = writeErrors;
  return reply;
}
