// MongoDB's total order over BSON values (for sort): first by type bracket
// (MinKey < null < numbers < string < object < array < binary < ObjectId < bool < Date <
// Timestamp < RegExp < MaxKey), then by value. Numbers of different BSON types compare by value.
import type { Document } from 'mongodb';

function bsonType(v: unknown): string | undefined {
  return v !== null && typeof v === 'object' ? (v as { _bsontype?: string })._bsontype : undefined;
}

function numeric(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  const t = bsonType(v);
  if (t === 'Double' || t === 'Int32' || t === 'Long' || t === 'Decimal128') return Number(String(v));
  return undefined;
}

/** The position of a value's type in MongoDB's cross-type sort order. */
export function typeBracket(v: unknown): number {
  if (v === undefined || v === null) return 1;
  if (numeric(v) !== undefined) return 2;
  if (typeof v === 'string' || bsonType(v) === 'BSONSymbol') return 3;
  if (typeof v === 'boolean') return 8;
  if (v instanceof Date) return 9;
  if (v instanceof RegExp) return 11;
  if (Array.isArray(v)) return 5;
  switch (bsonType(v)) {
    case 'MinKey':
      return 0;
    case 'Binary':
      return 6;
    case 'ObjectId':
      return 7;
    case 'Timestamp':
      return 10;
    case 'BSONRegExp':
      return 11;
    case 'MaxKey':
      return 12;
  }
  return 4; // embedded document
}

export function compareValues(a: unknown, b: unknown): number {
  const ba = typeBracket(a);
  const bb = typeBracket(b);
  if (ba !== bb) return ba < bb ? -1 : 1;
  switch (ba) {
    case 1:
    case 0:
    case 12:
      return 0;
    case 2: {
      const x = numeric(a)!;
      const y = numeric(b)!;
      if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1; // NaN sorts below every number
      if (Number.isNaN(y)) return 1;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 3: {
      const x = String(a);
      const y = String(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 8:
      return a === b ? 0 : a ? 1 : -1;
    case 9:
      return Math.sign((a as Date).getTime() - (b as Date).getTime());
    case 7: {
      const x = (a as { toHexString(): string }).toHexString();
      const y = (b as { toHexString(): string }).toHexString();
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 5: {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareValues(x[i], y[i]);
        if (c) return c;
      }
      return Math.sign(x.length - y.length);
    }
    case 4: {
      const x = a as Document;
      const y = b as Document;
      const kx = Object.keys(x);
      const ky = Object.keys(y);
      for (let i = 0; i < Math.min(kx.length, ky.length); i++) {
        const c = compareValues(x[kx[i]], y[ky[i]]) || (kx[i] < ky[i] ? -1 : kx[i] > ky[i] ? 1 : 0);
        if (c) return c;
      }
      return Math.sign(kx.length - ky.length);
    }
  }
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
