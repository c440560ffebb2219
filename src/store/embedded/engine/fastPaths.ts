// Fast paths for the two shapes that dominate the service's traffic, avoiding mingo's
// per-call setup (it copies its whole operator table for every Query/update, ~0.1-0.3 ms):
//   - filters that are conjunctions of scalar equalities ({ _id }, { _id, __v }, { personId });
//   - updates made only of $set / $unset / $inc on paths through plain sub-documents.
// Anything else returns undefined and goes through mingo, which stays the reference semantics.
import { BSON, type Document } from 'mongodb';
import { cloneValue } from './clone';
import { keyOf, valuesAtPath } from './keys';

function isScalarLiteral(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return !Number.isNaN(v);
    case 'object': {
      if (v instanceof Date) return true;
      const t = (v as { _bsontype?: string } | null)?._bsontype;
      return t === 'ObjectId' || t === 'Long' || t === 'Decimal128' || t === 'Double' || t === 'Int32';
    }
  }
  return false;
}

/** A matcher for `{ field: scalar, ... }` filters, or undefined when the filter needs mingo. */
export function scalarEqualityMatcher(filter: Document): ((doc: Document) => boolean) | undefined {
  const conds: Array<[string, string]> = [];
  for (const [field, value] of Object.entries(filter)) {
    if (field.startsWith('$') || !isScalarLiteral(value)) return undefined;
    if (field.split('.').some((p) => p === '' || /^\d+$/.test(p))) return undefined;
    conds.push([field, keyOf(value)]);
  }
  return (doc) =>
    conds.every(([field, key]) =>
      valuesAtPath(doc, field).some((v) => (Array.isArray(v) ? v.some((x) => keyOf(x) === key) : keyOf(v) === key)),
    );
}

const FAST_OPERATORS = new Set(['$set', '$unset', '$inc']);

export const isInt32 = (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647;

/**
 * $inc of two Int32s that overflows gives an Int64 in mongod. An integral number in Int32 range
 * is an Int32 in this engine (see numeric.ts), so that case is recognisable here.
 */
function addNumbers(cur: number, inc: number): unknown {
  const sum = cur + inc;
  return isInt32(cur) && isInt32(inc) && !isInt32(sum) ? BSON.Long.fromNumber(sum) : sum;
}

/**
 * Applies a $set/$unset/$inc-only update to a copy of `doc` (sub-documents on the written paths
 * are copied, the rest is shared, which is fine because stored documents are never mutated).
 * Returns undefined when the update needs mingo (arrays on the path, positional operators,
 * a non-numeric $inc target, conflicting paths...).
 */
export function fastOperatorUpdate(doc: Document, update: Document): Document | undefined {
  const ops = Object.keys(update);
  if (!ops.every((op) => FAST_OPERATORS.has(op))) return undefined;
  const paths: string[] = [];
  for (const op of ops) {
    const spec = update[op];
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return undefined;
    for (const path of Object.keys(spec)) {
      if (path === '' || path.includes('$') || path.split('.').some((p) => p === '' || /^\d+$/.test(p))) return undefined;
      paths.push(path);
    }
  }
  // mongod refuses overlapping paths (code 40); let mingo's path handle that case
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1] || sorted[i].startsWith(sorted[i - 1] + '.')) return undefined;
  }
  const out: Document = { ...doc };
  const copied = new Set<Document>([out]);
  for (const op of ops) {
    for (const [path, value] of Object.entries(update[op] as Document)) {
      const parts = path.split('.');
      let parent: Document = out;
      for (let i = 0; i < parts.length - 1; i++) {
        const p = parts[i];
        const child = parent[p];
        if (child === undefined) {
          if (op === '$unset') {
            parent = undefined as unknown as Document;
            break;
          }
          const created: Document = {};
          copied.add(created);
          parent[p] = created;
          parent = created;
        } else if (child !== null && typeof child === 'object' && (child as object).constructor === Object) {
          if (!copied.has(child as Document)) {
            const copy = { ...(child as Document) };
            copied.add(copy);
            parent[p] = copy;
            parent = copy;
          } else parent = child as Document;
        } else return undefined;
      }
      if (!parent) continue;
      const leaf = parts[parts.length - 1];
      if (op === '$set') parent[leaf] = cloneValue(value);
      else if (op === '$unset') delete parent[leaf];
      else {
        const cur = parent[leaf];
        if (typeof value !== 'number') return undefined;
        if (cur === undefined) parent[leaf] = value;
        else if (typeof cur === 'number') parent[leaf] = addNumbers(cur, value);
        else return undefined;
      }
    }
  }
  return out;
}
