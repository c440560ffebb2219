// findAndModify: one document found (in sort order), then removed or updated (or upserted)
// atomically; returns the document before or after (`new`), projected by `fields`.
import type { Document } from 'mongodb';
import { mongoError } from '../errors';
import { firstMatch } from '../engine/query';
import { compileProjection } from '../engine/projection';
import type { ChangeRecord } from '../persistence/types';
import { collectionArg, optionalDocument, type CommandContext } from './context';
import { executeUpdate } from './update';

export async function findAndModify(cmd: Document, ctx: CommandContext): Promise<Document> {
  const name = collectionArg(cmd, Object.keys(cmd)[0]);
  const query = optionalDocument(cmd, 'query') ?? {};
  const sort = optionalDocument(cmd, 'sort');
  const fields = optionalDocument(cmd, 'fields');
  const records: ChangeRecord[] = [];
  const projector = fields && Object.keys(fields).length ? compileProjection(fields) : undefined;
  const project = (d: Document | undefined | null) => (d && projector ? projector(d) : d ?? null);
  let reply: Document;
  if (cmd.remove) {
    if (cmd.update !== undefined) throw mongoError('FailedToParse', 'Cannot specify both an update and remove=true');
    if (cmd.upsert) throw mongoError('FailedToParse', 'Cannot specify both upsert=true and remove=true');
    const coll = ctx.engine.getCollection(ctx.db, name);
    const doc = firstMatch(coll, query, sort);
    if (doc) ctx.engine.remove(coll!, doc, records);
    reply = { lastErrorObject: { n: doc ? 1 : 0 }, value: project(doc), ok: 1 };
  } else {
    if (cmd.update === undefined) throw mongoError('FailedToParse', 'Either an update or remove=true must be specified');
    const r = executeUpdate(
      ctx.engine,
      ctx.db,
      name,
      { q: query, u: cmd.update, upsert: !!cmd.upsert, multi: false, arrayFilters: cmd.arrayFilters, sort },
      records,
    );
    const lastErrorObject: Document = { n: r.n, updatedExisting: r.n > 0 && r.upsertedId === undefined };
    if (r.upsertedId !== undefined) lastErrorObject.upserted = r.upsertedId;
    const value = cmd.new ? r.after : r.upsertedId !== undefined ? null : r.before;
    reply = { lastErrorObject, value: project(value), ok: 1 };
  }
  await ctx.commit(records);
  return reply;
}
