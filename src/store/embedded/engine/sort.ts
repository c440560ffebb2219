// Sorting documents by a sort specification the way mongod does: each document's key for a
// field is its value, or for an array the smallest element (ascending) / largest (descending);
// an empty array sorts below null. Keys are computed once per document, then a stable sort.
import type { Document } from 'mongodb';
import { compareValues, typeBracket } from './compare';
import { valuesAtPath } from './keys';

const EMPTY_ARRAY = Symbol('empty array');

function sortKey(doc: Document, path: string, dir: 1 | -1): unknown {
  const raw = valuesAtPath(doc, path);
  const flat: unknown[] = [];
  for (const v of raw) {
    if (Array.isArray(v)) flat.push(...v);
    else flat.push(v);
  }
  if (flat.length === 0) return raw.length > 0 ? EMPTY_ARRAY : null;
  if (flat.length === 1) return flat[0];
  let best = flat[0];
  for (let i = 1; i < flat.length; i++) {
    const c = compareValues(flat[i], best);
    if (dir === 1 ? c < 0 : c > 0) best = flat[i];
  }
  return best;
}

/**
 * A sort key reduced to (type bracket, primitive) when the value has a primitive order (numbers,
 * dates, booleans, strings, ObjectIds), so the comparator does no type dispatch for the common case.
 */
interface NormalKey {
  bracket: number;
  prim?: number | string;
  value: unknown;
}

function normalise(v: unknown): NormalKey {
  if (v === EMPTY_ARRAY) return { bracket: -1, prim: 0, value: v };
  const bracket = typeBracket(v);
  if (bracket === 1) return { bracket, prim: 0, value: v };
  if (typeof v === 'number') return { bracket, prim: Number.isNaN(v) ? -Infinity : v, value: v };
  if (typeof v === 'string') return { bracket, prim: v, value: v };
  if (typeof v === 'boolean') return { bracket, prim: v ? 1 : 0, value: v };
  if (v instanceof Date) return { bracket, prim: v.getTime(), value: v };
  if ((v as { _bsontype?: string })._bsontype === 'ObjectId') return { bracket, prim: (v as { toHexString(): string }).toHexString(), value: v };
  return { bracket, value: v };
}

function compareKeys(a: NormalKey, b: NormalKey): number {
  if (a.bracket !== b.bracket) return a.bracket < b.bracket ? -1 : 1;
  if (a.prim !== undefined && b.prim !== undefined) return a.prim < b.prim ? -1 : a.prim > b.prim ? 1 : 0;
  return compareValues(a.value, b.value);
}

/** Above this many wanted documents a full sort is as cheap as keeping the best ones. */
const PARTIAL_SORT_MAX = 200;

/**
 * Sorts `docs` (compared through `viewOf`) by `spec`; returns a new array. With `wanted` (skip +
 * limit) small against the input, only the best `wanted` documents are kept, in order.
 */
export function sortBySpec(docs: Document[], spec: Record<string, 1 | -1>, viewOf: (d: Document) => Document, wanted?: number): Document[] {
  const fields = Object.entries(spec);
  const compare = (a: Keyed, b: Keyed): number => {
    for (let k = 0; k < fields.length; k++) {
      const c = compareKeys(a.keys[k], b.keys[k]);
      if (c) return fields[k][1] === 1 ? c : -c;
    }
    return a.i - b.i;
  };
  const keyed = (doc: Document, i: number): Keyed => {
    const view = viewOf(doc);
    return { doc, i, keys: fields.map(([f, dir]) => normalise(sortKey(view, f, dir))) };
  };
  if (wanted !== undefined && wanted <= PARTIAL_SORT_MAX && wanted * 8 < docs.length) {
    const best: Keyed[] = [];
    for (let i = 0; i < docs.length; i++) {
      const k = keyed(docs[i], i);
      if (best.length === wanted && compare(k, best[wanted - 1]) >= 0) continue;
      let lo = 0;
      let hi = best.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compare(best[mid], k) <= 0) lo = mid + 1;
        else hi = mid;
      }
      best.splice(lo, 0, k);
      if (best.length > wanted) best.pop();
    }
    return best.map((k) => k.doc);
  }
  const all = docs.map(keyed);
  all.sort(compare);
  return all.map((k) => k.doc);
}

interface Keyed {
  doc: Document;
  i: number;
  keys: NormalKey[];
}
