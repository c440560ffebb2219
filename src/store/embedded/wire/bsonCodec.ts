// The one place that decides how BSON bytes become the engine's in-memory values.
// Int32 and Double both become JS numbers so mingo can evaluate queries and updates on them;
// on the way out the serializer writes an integral number in Int32 range as Int32 and anything
// else as Double, which is exactly what the driver sends for a JS number, so a round-trip of
// a value written by mongoose or the driver keeps its type. Int64 (Long) and Decimal128 stay
// wrapped (promoteLongs: false) so they come back as Int64/Decimal128.
import { BSON, type Document } from 'mongodb';

const DESERIALIZE_OPTIONS = { promoteValues: true, promoteLongs: false, promoteBuffers: false } as const;

export function decodeDocument(bytes: Uint8Array): Document {
  return BSON.deserialize(bytes, DESERIALIZE_OPTIONS);
}

export function encodeDocument(doc: Document): Uint8Array {
  return BSON.serialize(doc);
}

export function documentSize(doc: Document): number {
  return BSON.calculateObjectSize(doc);
}
