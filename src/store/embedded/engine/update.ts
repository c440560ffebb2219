// Update semantics on top of mingo's updater: the three update forms (operators, replacement,
// pipeline), plus what mingo lacks — $setOnInsert, upsert seeding from the query, and the
// immutability of _id (code 66).
import { aggregate, update as mingoUpdate } from 'mingo';
import { BSON, type Document } from 'mongodb';
import { mongoError } from '../errors';
import { cloneDocument } from './clone';
import { keyOf, valuesAtPath } from './keys';
import { equalityConditions } from './planner';
import { fastOperatorUpdate, isInt32 } from './fastPaths';
import { MINGO_OPTIONS } from './query';
import { fixExpressions } from './expressionFixes';
import { hasWrappedNumbers, numericView, restoreTypes } from './numeric';

const SUPPORTED_OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$currentDate',
  '$push', '$pull', '$pullAll', '$addToSet', '$pop', '$bit', '$setOnInsert',
]);
const PIPELINE_UPDATE_STAGES = new Set(['$addFields', '$set', '$project', '$unset', '$replaceRoot', '$replaceWith']);

export type UpdateKind = 'operators' | 'replacement' | 'pipeline';

export function classifyUpdate(u: unknown): UpdateKind {
  if (Array.isArray(u)) {
    for (const stage of u) {
      const name = stage && typeof stage === 'object' ? Object.keys(stage)[0] : undefined;
      if (!name || !PIPELINE_UPDATE_STAGES.has(name)) {
        throw mongoError('InvalidOptions', `${name ?? 'stage'} is not allowed to be used within an update`);
      }
    }
    return 'pipeline';
  }
  if (!u || typeof u !== 'object') throw mongoError('FailedToParse', 'Update argument must be either an object or an array');
  const keys = Object.keys(u as Document);
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length === 0) return 'replacement';
  if (ops.length !== keys.length) {
    const field = keys.find((k) => !k.startsWith('$'));
    throw mongoError('FailedToParse', `Unknown modifier: ${field}. Expected a valid update modifier or pipeline-style update specified as an array`);
  }
  for (const op of ops) {
    if (!SUPPORTED_OPERATORS.has(op)) {
      throw mongoError('FailedToParse', `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
    }
  }
  return 'operators';
}

export interface ApplyOptions {
  arrayFilters?: Document[];
  /** the query, for the positional `$` operator */
  filter?: Document;
  /** true when building the document of an upsert: $setOnInsert applies */
  inserting?: boolean;
}

/** Returns the updated copy of `doc` (never mutates it). */
export function applyUpdate(doc: Document, u: Document | Document[], opts: ApplyOptions = {}): Document {
  const kind = classifyUpdate(u);
  let next: Document;
  if (kind === 'pipeline') {
    const out = aggregate([cloneDocument(numericView(doc))], fixExpressions(numericView(u as Document[])), MINGO_OPTIONS);
    next = restoreTypes(out[0] ?? {}, doc) as Document;
  } else if (kind === 'replacement') {
    const repl = u as Document;
    if ('_id' in repl && !opts.inserting && '_id' in doc && keyOf(repl._id) !== keyOf(doc._id)) {
      throw mongoError(
        'ImmutableField',
        `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${String(repl._id)}`,
      );
    }
    next = '_id' in doc ? { _id: doc._id, ...cloneDocument(repl) } : cloneDocument(repl);
    if ('_id' in repl) next._id = repl._id;
  } else {
    const plain = !('$setOnInsert' in (u as Document)) && !hasWrappedNumbers(doc) && !hasWrappedNumbers(u);
    next = (plain && fastOperatorUpdate(doc, u as Document)) || applyWithMingo(doc, u as Document, opts);
  }
  if ('_id' in doc && keyOf(next._id) !== keyOf(doc._id)) {
    throw mongoError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  return idFirst(next);
}

/** Operator update through mingo on the numeric view, then the BSON number types put back. */
function applyWithMingo(doc: Document, u: Document, opts: ApplyOptions): Document {
  let next = cloneDocument(numericView(doc));
  const { $setOnInsert, ...rest } = u;
  const filter = opts.filter ? numericView(opts.filter) : undefined;
  const arrayFilters = opts.arrayFilters ? numericView(opts.arrayFilters) : undefined;
  // the query is only needed by the positional `$` operator; passing it costs a second match
  const paths = Object.values(rest).flatMap((spec) => (spec && typeof spec === 'object' ? Object.keys(spec) : []));
  const needsFilter = paths.some((p) => /(^|\.)\$(\.|$)/.test(p));
  if (Object.keys(rest).length) mingoUpdate(next, numericView(rest), arrayFilters, needsFilter ? filter : undefined, { queryOptions: MINGO_OPTIONS });
  if (opts.inserting && $setOnInsert) mingoUpdate(next, { $set: numericView($setOnInsert) });
  next = restoreTypes(next, doc) as Document;
  // Values the client set with an explicit BSON number type (e.g. a Double 5.0) keep it.
  setTypedValues(next, u.$set);
  if (opts.inserting) setTypedValues(next, $setOnInsert);
  promoteOverflowedInts(next, doc, u.$inc);
  return next;
}

/** An Int32 field that $inc pushed out of Int32 range becomes an Int64, as in mongod. */
function promoteOverflowedInts(next: Document, prev: Document, inc: unknown): void {
  if (!inc || typeof inc !== 'object') return;
  for (const path of Object.keys(inc as Document)) {
    if (path.includes('$')) continue;
    const before = valuesAtPath(prev, path);
    const after = valuesAtPath(next, path);
    if (before.length !== 1 || after.length !== 1) continue;
    const [b, a] = [before[0], after[0]];
    if (typeof b === 'number' && typeof a === 'number' && isInt32(b) && Number.isInteger(a) && !isInt32(a)) {
      setPath(next, path, BSON.Long.fromNumber(a));
    }
  }
}

function setTypedValues(target: Document, spec: unknown): void {
  if (!spec || typeof spec !== 'object') return;
  for (const [path, value] of Object.entries(spec as Document)) {
    if (path.includes('$') || !hasWrappedNumbers(value)) continue;
    setPath(target, path, cloneDocument({ v: value }).v);
  }
}

/** The document an upsert inserts: the query's equality fields, then the update applied to them. */
export function buildUpsertDocument(filter: Document, u: Document | Document[], opts: ApplyOptions = {}): Document {
  const kind = classifyUpdate(u);
  let seed: Document = {};
  if (kind !== 'replacement') {
    for (const [path, values] of equalityConditions(filter)) {
      if (values.length === 1) setPath(seed, path, cloneDocument({ v: values[0] }).v);
    }
  } else if (filter && '_id' in filter) {
    const ids = equalityConditions(filter).get('_id');
    if (ids && ids.length === 1) seed._id = ids[0];
  }
  seed = applyUpdate(seed, u, { ...opts, inserting: true });
  if (!('_id' in seed) || seed._id === undefined) seed = { _id: new BSON.ObjectId(), ...seed };
  return idFirst(seed);
}

function setPath(doc: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i];
    if (cur[p] === null || typeof cur[p] !== 'object') cur[p] = {};
    cur = cur[p] as Document;
  }
  cur[parts[parts.length - 1]] = value;
}

function idFirst(doc: Document): Document {
  if (!('_id' in doc) || Object.keys(doc)[0] === '_id') return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

/** True if two documents are the same value (field order included), for nModified. */
export function sameDocument(a: Document, b: Document): boolean {
  return keyOf(a) === keyOf(b);
}
