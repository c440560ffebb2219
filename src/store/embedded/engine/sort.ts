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

/** Sorts `docs` (compared through `viewOf`) by `spec`; returns a new array. */
export function sortBySpec(docs: Document[], spec: Record<string, 1 | -1>, viewOf: (d: Document) => Document): Document[] {
  const fields = Object.entries(spec);
  const keyed = docs.map((doc, i) => {
    const view = viewOf(doc);
    return { doc, i, keys: fields.map(([f, dir]) => normalise(sortKey(view, f, dir))) };
  });
  keyed.sort((a, b) => {
    for (let k = 0; k < fields.length; k++) {
      const c = compareKeys(a.keys[k], b.keys[k]);
      if (c) return fields[k][1] === 1 ? c : -c;
    }
    return a.i - b.i;
  });
  return keyed.map((k) => k.doc);
}
