// insert: documents applied in order, each atomically; failures become per-item writeErrors,
// and with ordered (the default) the batch stops at the first failure, as in mongod.
import { BSON, type Document } from 'mongodb';
import { MongoCommandError, mongoError, toMongoError } from '../errors';
import type { ChangeRecord } from '../persistence/types';
import { collectionArg, optionalArray, typeErr, type CommandContext } from './context';

export function prepareForInsert(doc: unknown): Document {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw mongoError('TypeMismatch', "BSON field 'insert.documents' items must be objects");
  }
  const d = doc as Document;
  if (!('_id' in d) || d._id === undefined) return { _id: new BSON.ObjectId(), ...d };
  if (Array.isArray(d._id)) throw mongoError('InvalidIdField', "The '_id' value cannot be of type array");
  if (d._id instanceof RegExp) throw mongoError('InvalidIdField', "The '_id' value cannot be of type regex");
  if (Object.keys(d)[0] !== '_id') {
    const { _id, ...rest } = d;
    return { _id, ...rest };
  }
  return d;
}

export async function insert(cmd: Document, ctx: CommandContext): Promise<Document> {
  const name = collectionArg(cmd, 'insert');
  const docs = optionalArray(cmd, 'documents') ?? [];
  // malformed items fail the whole command before anything is written, as in mongod
  if (docs.some((d) => !d || typeof d !== 'object' || Array.isArray(d))) throw typeErr('insert.documents', 'object');
  const ordered = cmd.ordered !== false;
  const records: ChangeRecord[] = [];
  const writeErrors: Document[] = [];
  let n = 0;
  const coll = ctx.engine.ensureCollection(ctx.db, name, records);
  for (let i = 0; i < docs.length; i++) {
    try {
      ctx.engine.insert(coll, prepareForInsert(docs[i]), records);
      n++;
    } catch (e) {
      const err: MongoCommandError = toMongoError(e);
      writeErrors.push(err.toWriteError(i));
      if (ordered) break;
    }
  }
  await ctx.commit(records);
  const reply: Document = { n, ok: 1 };
  if (writeErrors.length) reply.writeErrors = writeErrors;
  return reply;
}
