// Numeric type fidelity. mingo works on JS numbers, but MongoDB distinguishes Int32, Double,
// Int64 and Decimal128. The engine therefore stores:
//   - Int32, and any Double the serializer would write back as Double anyway (fractional,
//     non-finite or outside Int32 range), as plain JS numbers;
//   - an integral Double inside Int32 range (which a plain number would turn into Int32),
//     Int64 and Decimal128 as their BSON wrapper objects.
// Queries, sorts and aggregations run on a "numeric view" where those wrappers are numbers
// (so Decimal128 compares numerically, not as a string), and updates re-apply the original
// types afterwards: an Int64 field incremented stays Int64, a Double stays a Double.
import { BSON, type Document } from 'mongodb';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

type Wrapper = BSON.Double | BSON.Long | BSON.Decimal128;

function bsonType(v: unknown): string | undefined {
  return v !== null && typeof v === 'object' ? (v as { _bsontype?: string })._bsontype : undefined;
}

function isPlainContainer(v: unknown): v is Document | unknown[] {
  return Array.isArray(v) || (v !== null && typeof v === 'object' && (v as object).constructor === Object);
}

/** Converts a value decoded with promoteValues:false into the engine's form, in place. */
export function fromWire(v: unknown): unknown {
  // hot path (every decoded value of every request and of journal replay): cheap checks first,
  // and write back only values that change
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x !== null && typeof x === 'object') {
        const y = fromWire(x);
        if (y !== x) v[i] = y;
      }
    }
    return v;
  }
  const t = (v as { _bsontype?: string })._bsontype;
  if (t === undefined) {
    if ((v as object).constructor !== Object) return v; // Date, RegExp, Buffer...
    const d = v as Document;
    for (const k in d) {
      const x = d[k];
      if (x !== null && typeof x === 'object') {
        const y = fromWire(x);
        if (y !== x) d[k] = y;
      }
    }
    return d;
  }
  if (t === 'Int32') return (v as BSON.Int32).value;
  if (t === 'Double') {
    const n = (v as BSON.Double).value;
    return Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX && !Object.is(n, -0) ? v : n;
  }
  return v;
}

function wrapperNumber(v: unknown): number | undefined {
  switch (bsonType(v)) {
    case 'Double':
      return (v as BSON.Double).value;
    case 'Long':
      return Number((v as BSON.Long).toString());
    case 'Decimal128':
      return Number((v as BSON.Decimal128).toString());
    case 'Int32':
      return (v as BSON.Int32).value;
  }
  return undefined;
}

/** True if the value holds a number wrapper anywhere (only then does it need a numeric view). */
export function hasWrappedNumbers(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) {
    for (const x of v) if (hasWrappedNumbers(x)) return true;
    return false;
  }
  if (wrapperNumber(v) !== undefined) return true;
  if ((v as object).constructor !== Object) return false;
  for (const k in v as Document) if (hasWrappedNumbers((v as Document)[k])) return true;
  return false;
}

/** A copy with number wrappers replaced by JS numbers; returns `v` itself when nothing to replace. */
export function numericView<T>(v: T): T {
  if (!hasWrappedNumbers(v)) return v;
  return convert(v) as T;
}

function convert(v: unknown): unknown {
  const n = wrapperNumber(v);
  if (n !== undefined) return n;
  if (Array.isArray(v)) return v.map(convert);
  if (isPlainContainer(v)) {
    const out: Document = {};
    for (const [k, x] of Object.entries(v as Document)) out[k] = convert(x);
    return out;
  }
  return v;
}

function rewrap(original: Wrapper, n: number): unknown {
  switch (original._bsontype) {
    case 'Double':
      return Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX ? new BSON.Double(n) : n;
    case 'Long':
      return Number.isInteger(n) ? BSON.Long.fromNumber(n) : n;
    case 'Decimal128':
      return BSON.Decimal128.fromString(String(n));
  }
  return n;
}

/**
 * After an update computed on the numeric view, puts the BSON number types back: a field that
 * was a wrapper and is still a number becomes the same wrapper type again (the very same object
 * when the value did not change, so a Decimal128 keeps its exact digits).
 */
export function restoreTypes(next: unknown, original: unknown): unknown {
  if (typeof next === 'number') {
    const n = wrapperNumber(original);
    if (n === undefined || bsonType(original) === 'Int32') return next;
    if (n === next || (Number.isNaN(n) && Number.isNaN(next))) return original;
    return rewrap(original as Wrapper, next);
  }
  if (Array.isArray(next) && Array.isArray(original)) {
    for (let i = 0; i < next.length; i++) next[i] = restoreTypes(next[i], original[i]);
    return next;
  }
  if (isPlainContainer(next) && !Array.isArray(next) && isPlainContainer(original) && !Array.isArray(original)) {
    const o = original as Document;
    const d = next as Document;
    for (const k of Object.keys(d)) if (k in o) d[k] = restoreTypes(d[k], o[k]);
    return d;
  }
  return next;
}
