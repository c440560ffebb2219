// update: each statement matches one (multi: false) or all documents and rewrites them one by
// one; with upsert and no match it inserts the document built from the query and the update.
import type { Document } from 'mongodb';
import { mongoError, refuseCollation, toMongoError } from '../errors';
import { classifyUpdate, applyUpdate, buildUpsertDocument, sameDocument } from '../engine/update';
import { firstMatch, matchingDocuments } from '../engine/query';
import type { Engine } from '../engine/engine';
import type { ChangeRecord } from '../persistence/types';
import { collectionArg, optionalArray, typeErr, type CommandContext } from './context';

export interface UpdateStatement {
  q?: Document;
  u: Document | Document[];
  upsert?: boolean;
  multi?: boolean;
  arrayFilters?: Document[];
  sort?: Document;
}

export interface UpdateOutcome {
  n: number;
  nModified: number;
  upsertedId?: unknown;
  /** the document before and after (for findAndModify) */
  before?: Document;
  after?: Document;
}

export function executeUpdate(engine: Engine, db: string, name: string, st: UpdateStatement, records: ChangeRecord[]): UpdateOutcome {
  if (!st || typeof st !== 'object') throw mongoError('TypeMismatch', "BSON field 'update.updates' items must be objects");
  if (st.u === undefined) throw mongoError('FailedToParse', "BSON field 'update.updates.u' is missing but a required field");
  refuseCollation((st as { collation?: unknown }).collation, 'update');
  const kind = classifyUpdate(st.u);
  if (st.multi && kind === 'replacement') {
    throw mongoError('FailedToParse', 'multi update is not supported for replacement-style update');
  }
  const filter = st.q ?? {};
  const opts = { arrayFilters: st.arrayFilters, filter };
  const coll = engine.getCollection(db, name);
  const targets = st.multi ? matchingDocuments(coll, filter) : [firstMatch(coll, filter, st.sort)].filter((d): d is Document => !!d);
  if (targets.length === 0) {
    if (!st.upsert) return { n: 0, nModified: 0 };
    const doc = buildUpsertDocument(filter, st.u, opts);
    engine.insert(engine.ensureCollection(db, name, records), doc, records);
    return { n: 1, nModified: 0, upsertedId: doc._id, after: doc };
  }
  let nModified = 0;
  let before: Document | undefined;
  let after: Document | undefined;
  for (const doc of targets) {
    const next = applyUpdate(doc, st.u, opts);
    before = doc;
    after = next;
    if (sameDocument(doc, next)) continue;
    engine.replace(coll!, doc, next, records);
    nModified++;
  }
  return { n: targets.length, nModified, before, after };
}

export async function update(cmd: Document, ctx: CommandContext): Promise<Document> {
  const name = collectionArg(cmd, 'update');
  const statements = (optionalArray(cmd, 'updates') ?? []) as UpdateStatement[];
  // malformed statements fail the whole command before anything is written, as in mongod
  for (const st of statements) {
    if (!st || typeof st !== 'object' || Array.isArray(st)) throw typeErr('update.updates', 'object');
    if (st.u === undefined) throw mongoError('FailedToParse', "BSON field 'update.updates.u' is missing but a required field");
    if (st.q !== undefined && (st.q === null || typeof st.q !== 'object' || Array.isArray(st.q))) throw typeErr('update.updates.q', 'object');
    classifyUpdate(st.u);
  }
  const ordered = cmd.ordered !== false;
  const records: ChangeRecord[] = [];
  const writeErrors: Document[] = [];
  const upserted: Document[] = [];
  let n = 0;
  let nModified = 0;
  for (let i = 0; i < statements.length; i++) {
    try {
      const r = executeUpdate(ctx.engine, ctx.db, name, statements[i], records);
      n += r.n;
      nModified += r.nModified;
      if (r.upsertedId !== undefined) upserted.push({ index: i, _id: r.upsertedId });
    } catch (e) {
      writeErrors.push(toMongoError(e).toWriteError(i));
      if (ordered) break;
    }
  }
  await ctx.commit(records);
  const reply: Document = { n, nModified, ok: 1 };
  if (upserted.length) reply.upserted = upserted;
  if (writeErrors.length) reply.writeErrors = writeErrors;
  return reply;
}
