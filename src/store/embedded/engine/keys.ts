// Canonical string keys for BSON values. Two values MongoDB considers equal for matching and
// for unique indexes (1, 1.0, Long(1), Decimal128("1"); missing and null) get the same key, so a
// JS Map keyed by these strings serves as a hash index.
import type { Document } from 'mongodb';

type Bsonish = { _bsontype?: string; toString(): string; toHexString?: () => string };

function numberKey(n: number): string {
  if (Number.isNaN(n)) return 'NNaN';
  return 'N' + String(n === 0 ? 0 : n);
}

export function keyOf(v: unknown): string {
  if (v === undefined || v === null) return 'n';
  switch (typeof v) {
    case 'number':
      return numberKey(v);
    case 'string':
      return 'S' + v;
    case 'boolean':
      return v ? 'B1' : 'B0';
    case 'bigint':
      return 'N' + v.toString();
  }
  if (v instanceof Date) return 'D' + v.getTime();
  if (v instanceof RegExp) return 'R/' + v.source + '/' + v.flags;
  if (Array.isArray(v)) return 'A' + JSON.stringify(v.map(keyOf));
  const b = v as Bsonish;
  switch (b._bsontype) {
    case 'ObjectId':
      return 'O' + b.toHexString!();
    case 'Long':
    case 'Int32':
    case 'Double': {
      const s = b.toString();
      const n = Number(s);
      return Number.isSafeInteger(n) || !Number.isInteger(n) ? numberKey(n) : 'N' + s;
    }
    case 'Decimal128': {
      const n = Number(b.toString());
      return numberKey(n);
    }
    case 'Binary': {
      const bin = v as unknown as { sub_type: number; buffer: Uint8Array };
      return 'X' + bin.sub_type + ':' + Buffer.from(bin.buffer).toString('base64');
    }
    case undefined:
      break;
    default:
      return 'T' + b._bsontype + ':' + b.toString();
  }
  const obj = v as Document;
  return 'Y' + JSON.stringify(Object.keys(obj).map((k) => [k, keyOf(obj[k])]));
}

/** Values found at a dotted path, descending into arrays like MongoDB does for matching and multikey indexes. */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  // common case: a top-level field of a plain document
  if (path.indexOf('.') < 0 && doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
    return path in (doc as Document) ? [(doc as Document)[path]] : [];
  }
  const parts = path.split('.');
  let current: unknown[] = [doc];
  for (const part of parts) {
    const next: unknown[] = [];
    for (const c of current) {
      if (c === null || c === undefined || typeof c !== 'object') continue;
      if (Array.isArray(c)) {
        if (/^\d+$/.test(part) && Number(part) < c.length) next.push(c[Number(part)]);
        for (const el of c) {
          if (el !== null && typeof el === 'object' && !Array.isArray(el) && part in (el as Document)) {
            next.push((el as Document)[part]);
          }
        }
      } else if (part in (c as Document)) {
        next.push((c as Document)[part]);
      }
    }
    current = next;
  }
  return current;
}

/** The keys a document contributes for one indexed field: array elements are indexed one by one. */
export function indexValuesAtPath(doc: unknown, path: string): unknown[] {
  const raw = valuesAtPath(doc, path);
  if (raw.length === 0) return [null];
  const out: unknown[] = [];
  for (const v of raw) {
    if (Array.isArray(v)) {
      if (v.length === 0) out.push(undefined);
      else out.push(...v);
    } else out.push(v);
  }
  return out;
}

/** Like JS `path in doc` for dotted paths without array traversal; used to tell missing from null. */
export function hasPath(doc: unknown, path: string): boolean {
  return valuesAtPath(doc, path).length > 0;
}
