// Query execution: index-narrowed candidates, mingo's matcher for the exact semantics,
// then sort/skip/limit. Projection is applied per batch by the cursor (see commands/find.ts).
import { Query } from 'mingo';
import type { Document } from 'mongodb';
import { mongoError } from '../errors';
import type { Collection } from './collection';
import { numericView } from './numeric';
import { scalarEqualityMatcher } from './fastPaths';
import { sortBySpec } from './sort';

export interface Matcher {
  test(doc: Document): boolean;
}

export interface FindOptions {
  sort?: Document;
  skip?: number;
  limit?: number;
}

/** Scripts ($where, $function, $accumulator) would run client-supplied JavaScript in the server. */
export const MINGO_OPTIONS = { scriptEnabled: false } as const;

export function compileFilter(filter: Document | undefined): Matcher {
  if (filter !== undefined && (filter === null || typeof filter !== 'object' || Array.isArray(filter))) {
    throw mongoError('TypeMismatch', "BSON field 'filter' is the wrong type, expected type 'object'");
  }
  const f = filter ?? {};
  const fast = scalarEqualityMatcher(f);
  if (fast) return { test: fast };
  const { $comment: _comment, ...rest } = f;
  return new Query(numericView(rest), MINGO_OPTIONS);
}

export function matchingDocuments(coll: Collection | undefined, filter: Document | undefined): Document[] {
  if (!coll) return [];
  const q = compileFilter(filter);
  const out: Document[] = [];
  for (const d of coll.candidates(filter)) if (q.test(coll.viewOf(d))) out.push(d);
  return out;
}

export function findDocuments(coll: Collection | undefined, filter: Document | undefined, opts: FindOptions = {}): Document[] {
  let docs = matchingDocuments(coll, filter);
  const skip = opts.skip ?? 0;
  if (skip < 0) throw mongoError('BadValue', 'skip value must be non-negative');
  const limit = opts.limit ? Math.abs(opts.limit) : 0;
  if (opts.sort && Object.keys(opts.sort).length) {
    docs = sortDocuments(docs, opts.sort, (d) => coll!.viewOf(d), limit ? skip + limit : undefined);
  }
  if (skip || limit) docs = docs.slice(skip, limit ? skip + limit : undefined);
  return docs;
}

/** Sorts by MongoDB's BSON ordering, comparing numeric views but returning the stored documents. */
export function sortDocuments(docs: Document[], sort: Document, viewOf: (d: Document) => Document = (d) => d, wanted?: number): Document[] {
  const spec: Record<string, 1 | -1> = {};
  for (const [k, v] of Object.entries(sort)) {
    const dir = typeof v === 'object' && v !== null ? Number(String(v)) : Number(v); // Int32/Double wrappers too
    if (dir !== 1 && dir !== -1) {
      throw mongoError('BadValue', `$sort key ordering must be 1 (for ascending) or -1 (for descending): ${k}`);
    }
    spec[k] = dir;
  }
  // { $natural: ±1 } is insertion order (our Map order), forwards or backwards
  if (Object.keys(spec).length === 1 && '$natural' in spec) return spec.$natural === 1 ? docs : [...docs].reverse();
  return sortBySpec(docs, spec, viewOf, wanted);
}


/** The first document matching `filter` in `sort` order (natural order without a sort), without materialising all matches when unsorted. */
export function firstMatch(coll: Collection | undefined, filter: Document | undefined, sort?: Document): Document | undefined {
  if (!coll) return undefined;
  if (sort && Object.keys(sort).length) return findDocuments(coll, filter, { sort, limit: 1 })[0];
  const q = compileFilter(filter);
  for (const d of coll.candidates(filter)) if (q.test(coll.viewOf(d))) return d;
  return undefined;
}
