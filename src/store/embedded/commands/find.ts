// find, getMore, killCursors: results are computed up front and handed out in batches
// (first batch 101 documents by default, like mongod), each under the 16 MiB reply limit.
import { BSON, type Document } from 'mongodb';
import { mongoError } from '../errors';
import { toCursorId } from '../engine/cursors';
import { findDocuments } from '../engine/query';
import { compileProjection } from '../engine/projection';
import { collectionArg, optionalArray, optionalDocument, optionalNumber, typeErr, type CommandContext } from './context';

const DEFAULT_FIRST_BATCH = 101;

export function cursorReply(ns: string, batch: Document[], id: bigint, first: boolean): Document {
  return { cursor: { [first ? 'firstBatch' : 'nextBatch']: batch, id: toCursorId(id), ns }, ok: 1 };
}

export function find(cmd: Document, ctx: CommandContext): Document {
  const name = collectionArg(cmd, 'find');
  const filter = optionalDocument(cmd, 'filter');
  const sort = optionalDocument(cmd, 'sort');
  const projection = optionalDocument(cmd, 'projection');
  const skip = optionalNumber(cmd, 'skip');
  const limit = optionalNumber(cmd, 'limit');
  const batchSize = optionalNumber(cmd, 'batchSize');
  if (batchSize !== undefined && batchSize < 0) throw mongoError('BadValue', 'BatchSize value must be non-negative');
  if (limit !== undefined && limit < 0) throw mongoError('BadValue', 'LimitValue must be non-negative');
  const coll = ctx.engine.getCollection(ctx.db, name);
  const docs = findDocuments(coll, filter, { sort, skip, limit });
  const transform = projection && Object.keys(projection).length ? compileProjection(projection) : undefined;
  const ns = `${ctx.db}.${name}`;
  const { batch, id } = ctx.cursors.firstBatch(ns, docs, batchSize ?? DEFAULT_FIRST_BATCH, transform);
  if (cmd.singleBatch && id !== 0n) {
    ctx.cursors.kill(id);
    return cursorReply(ns, batch, 0n, true);
  }
  return cursorReply(ns, batch, id, true);
}

function cursorIdOf(v: unknown, field: string): bigint {
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (v && typeof v === 'object' && (v as { _bsontype?: string })._bsontype === 'Long') return (v as BSON.Long).toBigInt();
  if (typeof v === 'bigint') return v;
  throw typeErr(field, 'long');
}

export function getMore(cmd: Document, ctx: CommandContext): Document {
  const id = cursorIdOf(cmd.getMore, 'getMore');
  const collection = collectionArg(cmd, 'collection');
  const batchSize = optionalNumber(cmd, 'batchSize');
  const c = ctx.cursors.get(id);
  if (!c) throw mongoError('CursorNotFound', `cursor id ${id} not found`);
  const ns = `${ctx.db}.${collection}`;
  if (c.ns !== ns && !c.ns.startsWith(`${ctx.db}.$cmd`)) {
    throw mongoError('Unauthorized', `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${c.ns}`);
  }
  const { batch, id: next } = ctx.cursors.nextBatch(c, batchSize);
  return cursorReply(c.ns, batch, next, false);
}

export function killCursors(cmd: Document, ctx: CommandContext): Document {
  collectionArg(cmd, 'killCursors');
  const ids = optionalArray(cmd, 'cursors') ?? [];
  const killed: BSON.Long[] = [];
  const notFound: BSON.Long[] = [];
  for (const raw of ids) {
    const id = cursorIdOf(raw, 'cursors');
    (ctx.cursors.kill(id) ? killed : notFound).push(toCursorId(id));
  }
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
}
