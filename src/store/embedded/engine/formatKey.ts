// Renders a key the way mongod prints it inside an E11000 message:
// { email: "a@b.cn" }, { _id: ObjectId('...') }, { n: 1 }, { a: null }.
import type { Document } from 'mongodb';

function formatValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (Array.isArray(v)) return `[ ${v.map(formatValue).join(', ')} ]`;
  const b = v as { _bsontype?: string; toString(): string; toHexString?: () => string };
  if (b._bsontype === 'ObjectId') return `ObjectId('${b.toHexString!()}')`;
  if (b._bsontype === 'Long') return b.toString();
  if (b._bsontype === 'Decimal128') return `${b.toString()}`;
  if (b._bsontype) return b.toString();
  return formatKeyValue(v as Document);
}

export function formatKeyValue(doc: Document): string {
  const parts = Object.keys(doc).map((k) => `${k}: ${formatValue(doc[k])}`);
  return parts.length ? `{ ${parts.join(', ')} }` : '{}';
}
