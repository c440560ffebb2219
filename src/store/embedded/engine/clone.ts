// Stored documents are never mutated: an update works on a copy and the copy replaces the
// stored object. That keeps open cursors (which hold references) on a consistent snapshot
// and makes a failed update (e.g. a duplicate key) leave no trace.
import type { Document } from 'mongodb';

export function cloneValue<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneValue) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (v !== null && typeof v === 'object' && (v as object).constructor === Object) {
    const out: Document = {};
    for (const k of Object.keys(v as Document)) out[k] = cloneValue((v as Document)[k]);
    return out as T;
  }
  // BSON value classes (ObjectId, Long, Decimal128, Binary...) are immutable in practice.
  return v;
}

export function cloneDocument(doc: Document): Document {
  return cloneValue(doc);
}
