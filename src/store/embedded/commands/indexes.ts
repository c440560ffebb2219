// createIndexes, listIndexes, dropIndexes. Only ascending/descending (and hashed, served as an
// equality index) key types are supported; text/geo indexes are refused by name.
import type { Document } from 'mongodb';
import { mongoError, refuseCollation } from '../errors';
import { ID_INDEX_NAME } from '../engine/collection';
import type { IndexSpec } from '../engine/secondaryIndex';
import { keyOf } from '../engine/keys';
import type { ChangeRecord } from '../persistence/types';
import { collectionArg, optionalArray, optionalDocument, type CommandContext } from './context';
import { cursorReply } from './find';

const COMPARED_OPTIONS = ['unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds'];

function sameOptions(a: Document, b: Document): boolean {
  return COMPARED_OPTIONS.every((k) => keyOf(a[k] ?? (k === 'unique' || k === 'sparse' ? false : null)) === keyOf(b[k] ?? (k === 'unique' || k === 'sparse' ? false : null)));
}

function validateSpec(raw: unknown): IndexSpec {
  if (!raw || typeof raw !== 'object') throw mongoError('TypeMismatch', "BSON field 'createIndexes.indexes' items must be objects");
  const spec = raw as Document;
  const key = spec.key as Document | undefined;
  if (!key || typeof key !== 'object' || Object.keys(key).length === 0) {
    throw mongoError('FailedToParse', "The 'key' field of an index specification must be a non-empty object");
  }
  for (const [f, dir] of Object.entries(key)) {
    const n = typeof dir === 'number' ? dir : Number(String(dir));
    if (dir === 'hashed') continue;
    if (typeof dir === 'string') {
      throw mongoError('CommandNotSupported', `index type '${dir}' on field '${f}' is not supported by the embedded server`);
    }
    if (!Number.isFinite(n) || n === 0) throw mongoError('BadValue', `Values in the index key pattern can't be 0 or non-numeric: ${f}`);
  }
  refuseCollation(spec.collation, 'createIndexes');
  if (typeof spec.name !== 'string' || !spec.name) throw mongoError('FailedToParse', "The 'name' field is a required property of an index specification");
  if (spec.partialFilterExpression !== undefined && (typeof spec.partialFilterExpression !== 'object' || spec.partialFilterExpression === null)) {
    throw mongoError('TypeMismatch', "BSON field 'partialFilterExpression' is the wrong type, expected type 'object'");
  }
  const out: IndexSpec = { key, name: spec.name };
  for (const [k, v] of Object.entries(spec)) if (k !== 'key' && k !== 'name' && k !== 'v' && k !== 'background' && v !== undefined) out[k] = v;
  if (out.unique === false) delete out.unique;
  if (out.sparse === false) delete out.sparse;
  return out;
}

export async function createIndexes(cmd: Document, ctx: CommandContext): Promise<Document> {
  const name = collectionArg(cmd, 'createIndexes');
  const specs = (optionalArray(cmd, 'indexes') ?? []).map(validateSpec);
  if (specs.length === 0) throw mongoError('BadValue', 'Must specify at least one index to create');
  const records: ChangeRecord[] = [];
  const existed = !!ctx.engine.getCollection(ctx.db, name);
  const coll = ctx.engine.ensureCollection(ctx.db, name, records);
  const before = coll.indexes.size + 1;
  let created = 0;
  for (const spec of specs) {
    if (spec.name === ID_INDEX_NAME || keyOf(spec.key) === keyOf({ _id: 1 })) continue;
    const sameName = coll.indexes.get(spec.name);
    if (sameName) {
      if (keyOf(sameName.spec.key) === keyOf(spec.key) && sameOptions(sameName.spec, spec)) continue;
      throw mongoError(
        'IndexKeySpecsConflict',
        `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameName.spec)}`,
      );
    }
    const sameKey = [...coll.indexes.values()].find((ix) => keyOf(ix.spec.key) === keyOf(spec.key) && sameOptions(ix.spec, spec));
    if (sameKey) throw mongoError('IndexOptionsConflict', `Index already exists with a different name: ${sameKey.name}`);
    ctx.engine.createIndex(coll, spec, records);
    created++;
  }
  await ctx.commit(records);
  const reply: Document = { numIndexesBefore: before, numIndexesAfter: coll.indexes.size + 1, createdCollectionAutomatically: !existed, ok: 1 };
  if (created === 0) reply.note = 'all indexes already exist';
  return reply;
}

export function listIndexes(cmd: Document, ctx: CommandContext): Document {
  const name = collectionArg(cmd, 'listIndexes');
  const coll = ctx.engine.getCollection(ctx.db, name);
  if (!coll) throw mongoError('NamespaceNotFound', `ns does not exist: ${ctx.db}.${name}`);
  const batchSize = (optionalDocument(cmd, 'cursor') ?? {}).batchSize as number | undefined;
  const ns = `${ctx.db}.${name}`;
  const { batch, id } = ctx.cursors.firstBatch(ns, coll.listIndexSpecs(), batchSize);
  return cursorReply(ns, batch, id, true);
}

export async function dropIndexes(cmd: Document, ctx: CommandContext): Promise<Document> {
  const name = collectionArg(cmd, 'dropIndexes');
  const coll = ctx.engine.getCollection(ctx.db, name);
  if (!coll) throw mongoError('NamespaceNotFound', `ns not found ${ctx.db}.${name}`);
  const nIndexesWas = coll.indexes.size + 1;
  const target = cmd.index;
  let names: string[];
  if (target === '*') names = [...coll.indexes.keys()];
  else if (typeof target === 'string') names = [target];
  else if (Array.isArray(target)) names = target.map(String);
  else if (target && typeof target === 'object') {
    const ix = [...coll.indexes.values()].find((i) => keyOf(i.spec.key) === keyOf(target));
    if (!ix) {
      if (keyOf(target) === keyOf({ _id: 1 })) throw mongoError('InvalidOptions', 'cannot drop _id index');
      throw mongoError('IndexNotFound', `can't find index with key: ${JSON.stringify(target)}`);
    }
    names = [ix.name];
  } else throw mongoError('TypeMismatch', "BSON field 'dropIndexes.index' is the wrong type");
  for (const n of names) {
    if (n === ID_INDEX_NAME) throw mongoError('InvalidOptions', 'cannot drop _id index');
    if (!coll.indexes.has(n)) throw mongoError('IndexNotFound', `index not found with name [${n}]`);
  }
  const records: ChangeRecord[] = [];
  for (const n of names) ctx.engine.dropIndex(coll, n, records);
  await ctx.commit(records);
  return { nIndexesWas, ok: 1 };
}
