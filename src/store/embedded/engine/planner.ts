// Extracts the equality conditions of a filter that an index lookup can serve exactly as a
// superset of the matches: `{ f: literal }`, `{ f: { $eq: literal } }`, `{ f: { $in: [...] } }`,
// also inside a top-level `$and`. Arrays and regexes are left out: `{ tags: ['a'] }` also
// matches a document whose tags contain the array ['a'] as an element, and a regex literal
// is a pattern, not a value.
import type { Document } from 'mongodb';

function isPlainLiteral(v: unknown): boolean {
  if (Array.isArray(v) || v instanceof RegExp) return false;
  if (v !== null && typeof v === 'object' && (v as object).constructor === Object) {
    return !Object.keys(v as Document).some((k) => k.startsWith('$'));
  }
  const bt = (v as { _bsontype?: string } | null)?._bsontype;
  return bt !== 'BSONRegExp';
}

function isOperatorObject(v: unknown): v is Document {
  return (
    v !== null &&
    typeof v === 'object' &&
    (v as object).constructor === Object &&
    Object.keys(v as Document).length > 0 &&
    Object.keys(v as Document).every((k) => k.startsWith('$'))
  );
}

export function equalityConditions(filter: Document): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  collect(filter, out);
  return out;
}

function collect(filter: Document, out: Map<string, unknown[]>): void {
  for (const [field, cond] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (sub && typeof sub === 'object') collect(sub as Document, out);
      continue;
    }
    if (field.startsWith('$')) continue;
    let values: unknown[] | undefined;
    if (isOperatorObject(cond)) {
      if ('$eq' in cond && isPlainLiteral(cond.$eq)) values = [cond.$eq];
      else if ('$in' in cond && Array.isArray(cond.$in) && cond.$in.every(isPlainLiteral)) values = cond.$in;
    } else if (isPlainLiteral(cond)) {
      values = [cond];
    }
    if (values && !out.has(field)) out.set(field, values);
  }
}
