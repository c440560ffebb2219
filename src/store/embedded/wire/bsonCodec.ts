// The one place that decides how BSON bytes become the engine's in-memory values: decoded with
// promoteValues:false so Int32 and Double can be told apart, then normalised by fromWire (see
// engine/numeric.ts for the representation and why).
import { BSON, type Document } from 'mongodb';
import { fromWire } from '../engine/numeric';

const DESERIALIZE_OPTIONS = { promoteValues: false, promoteLongs: false, promoteBuffers: false } as const;

export function decodeDocument(bytes: Uint8Array): Document {
  return fromWire(BSON.deserialize(bytes, DESERIALIZE_OPTIONS)) as Document;
}

export function encodeDocument(doc: Document): Uint8Array {
  return BSON.serialize(doc);
}

export function documentSize(doc: Document): number {
  return BSON.calculateObjectSize(doc);
}
