// Namespace commands: create, drop, dropDatabase, listCollections, listDatabases.
import { Query } from 'mingo';
import type { Document } from 'mongodb';
import { mongoError } from '../errors';
import { validateCollectionName } from '../engine/engine';
import { encodeDocument } from '../wire/bsonCodec';
import type { ChangeRecord } from '../persistence/types';
import { collectionArg, optionalDocument, type CommandContext } from './context';
import { cursorReply } from './find';

const COLLECTION_OPTIONS = ['validationLevel', 'validationAction', 'expireAfterSeconds'];

export async function create(cmd: Document, ctx: CommandContext): Promise<Document> {
  const name = collectionArg(cmd, 'create');
  if (cmd.viewOn !== undefined || cmd.timeseries !== undefined) {
    throw mongoError('CommandNotSupported', `views and time-series collections are not supported by the embedded server (create '${name}')`);
  }
  // Options whose whole point is server-side enforcement: accepting and ignoring them would
  // let writes through that a real server rejects (or keep documents it would drop).
  for (const option of ['capped', 'validator', 'clusteredIndex', 'changeStreamPreAndPostImages']) {
    if (cmd[option] !== undefined && cmd[option] !== false) {
      throw mongoError('CommandNotSupported', `collection option '${option}' is not supported by the embedded server (create '${name}')`);
    }
  }
  if (ctx.engine.getCollection(ctx.db, name)) throw mongoError('NamespaceExists', `Collection ${ctx.db}.${name} already exists.`);
  validateCollectionName(ctx.db, name);
  const options: Document = {};
  for (const k of COLLECTION_OPTIONS) if (cmd[k] !== undefined) options[k] = cmd[k];
  const records: ChangeRecord[] = [];
  ctx.engine.ensureCollection(ctx.db, name, records, options);
  await ctx.commit(records);
  return { ok: 1 };
}

export async function drop(cmd: Document, ctx: CommandContext): Promise<Document> {
  const name = collectionArg(cmd, 'drop');
  const records: ChangeRecord[] = [];
  const coll = ctx.engine.dropCollection(ctx.db, name, records);
  await ctx.commit(records);
  return { ns: `${ctx.db}.${name}`, nIndexesWas: coll ? coll.indexes.size + 1 : 0, ok: 1 };
}

export async function dropDatabase(_cmd: Document, ctx: CommandContext): Promise<Document> {
  const records: ChangeRecord[] = [];
  ctx.engine.dropDatabase(ctx.db, records);
  await ctx.commit(records);
  return { dropped: ctx.db, ok: 1 };
}

export function listCollections(cmd: Document, ctx: CommandContext): Document {
  const filter = optionalDocument(cmd, 'filter');
  const colls = ctx.engine.dbs.get(ctx.db);
  let entries: Document[] = [...(colls?.values() ?? [])].map((c) => ({
    name: c.name,
    type: 'collection',
    options: c.options,
    info: { readOnly: false, uuid: c.uuid },
    idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
  }));
  if (filter && Object.keys(filter).length) {
    const q = new Query(filter);
    entries = entries.filter((e) => q.test(e));
  }
  if (cmd.nameOnly) entries = entries.map((e) => ({ name: e.name, type: e.type }));
  const batchSize = (optionalDocument(cmd, 'cursor') ?? {}).batchSize as number | undefined;
  const ns = `${ctx.db}.$cmd.listCollections`;
  const { batch, id } = ctx.cursors.firstBatch(ns, entries, batchSize);
  return cursorReply(ns, batch, id, true);
}

function approximateSize(colls: Iterable<{ docs: Map<string, Document> }>): number {
  let bytes = 0;
  for (const c of colls) for (const d of c.docs.values()) bytes += encodeDocument(d).length;
  return bytes;
}

export function listDatabases(cmd: Document, ctx: CommandContext): Document {
  const filter = optionalDocument(cmd, 'filter');
  // Sizes cost a full serialisation; only compute them when the caller wants more than names.
  let databases: Document[] = [...ctx.engine.dbs.entries()].map(([name, colls]) => {
    const sizeOnDisk = cmd.nameOnly ? 0 : approximateSize(colls.values());
    return { name, sizeOnDisk, empty: [...colls.values()].every((c) => c.size === 0) };
  });
  if (filter && Object.keys(filter).length) {
    const q = new Query(filter);
    databases = databases.filter((d) => q.test(d));
  }
  if (cmd.nameOnly) return { databases: databases.map((d) => ({ name: d.name })), ok: 1 };
  const totalSize = databases.reduce((s, d) => s + (d.sizeOnDisk as number), 0);
  return { databases, totalSize, totalSizeMb: Math.floor(totalSize / 1048576), ok: 1 };
}

export function collStats(cmd: Document, ctx: CommandContext): Document {
  const name = collectionArg(cmd, 'collStats');
  const coll = ctx.engine.getCollection(ctx.db, name);
  if (!coll) throw mongoError('NamespaceNotFound', `Collection [${ctx.db}.${name}] not found.`);
  const size = approximateSize([coll]);
  return { ns: coll.ns, count: coll.size, size, avgObjSize: coll.size ? Math.floor(size / coll.size) : 0, nindexes: coll.indexes.size + 1, ok: 1 };
}

export function dbStats(_cmd: Document, ctx: CommandContext): Document {
  const colls = ctx.engine.dbs.get(ctx.db);
  const list = [...(colls?.values() ?? [])];
  const dataSize = approximateSize(list);
  return {
    db: ctx.db,
    collections: list.length,
    objects: list.reduce((s, c) => s + c.size, 0),
    dataSize,
    indexes: list.reduce((s, c) => s + c.indexes.size + 1, 0),
    ok: 1,
  };
}
