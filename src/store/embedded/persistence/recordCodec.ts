// Binary encoding of ChangeRecords inside a journal or snapshot frame.
//
// A frame payload is a plain concatenation of records; each record is
//   u8 opcode, then its fields in a fixed order:
//   str  = u32le byte length + UTF-8 bytes
//   blob = u32le byte length + raw bytes (BSON documents stay BSON bytes, so numeric
//          types and Dates come back exactly as the engine wrote them)
// Document-valued fields (collection options, index specs) are stored as BSON blobs.
// The encoding is deliberately not BSON-of-records: documents are already BSON bytes and
// wrapping them again would copy every document twice on the hot write path.
import { BSON, type Document } from 'mongodb';
import type { ChangeRecord } from './types';

const OP = {
  put: 1,
  del: 2,
  createCollection: 3,
  dropCollection: 4,
  dropDatabase: 5,
  createIndex: 6,
  dropIndex: 7,
} as const;

export class RecordDecodeError extends Error {}

/** Accumulates encoded records into one growable buffer. */
export class RecordEncoder {
  private buf: Buffer;
  private len = 0;
  private readonly names = new Map<string, Buffer>();

  constructor(initialCapacity = 4096) {
    this.buf = Buffer.allocUnsafe(initialCapacity);
  }

  get byteLength(): number {
    return this.len;
  }

  add(r: ChangeRecord): void {
    switch (r.op) {
      case 'put':
        this.u8(OP.put).str(r.db).str(r.coll).blob(r.doc);
        break;
      case 'del':
        this.u8(OP.del).str(r.db).str(r.coll).blob(r.id);
        break;
      case 'createCollection':
        this.u8(OP.createCollection).str(r.db).str(r.coll).blob(BSON.serialize(r.options ?? {}));
        break;
      case 'dropCollection':
        this.u8(OP.dropCollection).str(r.db).str(r.coll);
        break;
      case 'dropDatabase':
        this.u8(OP.dropDatabase).str(r.db);
        break;
      case 'createIndex':
        this.u8(OP.createIndex).str(r.db).str(r.coll).blob(BSON.serialize(r.spec));
        break;
      case 'dropIndex':
        this.u8(OP.dropIndex).str(r.db).str(r.coll).str(r.name);
        break;
      default: {
        const never: never = r;
        throw new TypeError(`unknown change record op: ${(never as { op: unknown }).op}`);
      }
    }
  }

  /** Appends bytes that are already encoded records (see encodeRecords). */
  addEncoded(bytes: Uint8Array): void {
    this.ensure(bytes.byteLength);
    this.buf.set(bytes, this.len);
    this.len += bytes.byteLength;
  }

  /** The encoded bytes so far (a view; call reset() only after the view is no longer needed). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.len);
  }

  reset(): void {
    this.len = 0;
  }

  private ensure(extra: number): void {
    const need = this.len + extra;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = Buffer.allocUnsafe(cap);
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  private u8(v: number): this {
    this.ensure(1);
    this.buf[this.len++] = v;
    return this;
  }

  private str(s: string): this {
    // database and collection names repeat in nearly every record: encode each name once
    let bytes = this.names.get(s);
    if (!bytes) {
      bytes = Buffer.from(s, 'utf8');
      if (this.names.size >= 1024) this.names.clear();
      this.names.set(s, bytes);
    }
    return this.blob(bytes);
  }

  private blob(b: Uint8Array): this {
    this.ensure(4 + b.byteLength);
    this.buf.writeUInt32LE(b.byteLength, this.len);
    this.buf.set(b, this.len + 4);
    this.len += 4 + b.byteLength;
    return this;
  }
}

export function encodeRecords(records: Iterable<ChangeRecord>): Buffer {
  const enc = new RecordEncoder();
  for (const r of records) enc.add(r);
  return Buffer.from(enc.bytes()); // own copy, right-sized
}

/**
 * Decodes every record of a payload. Byte fields are views into `payload` (no copy): callers
 * that keep them beyond the apply callback should copy them.
 */
export function decodeRecords(payload: Buffer, onRecord: (r: ChangeRecord) => void): number {
  let pos = 0;
  let count = 0;
  const need = (n: number) => {
    if (pos + n > payload.length) throw new RecordDecodeError(`record truncated at byte ${pos} of ${payload.length}`);
  };
  const str = (): string => {
    need(4);
    const n = payload.readUInt32LE(pos);
    need(4 + n);
    const s = payload.toString('utf8', pos + 4, pos + 4 + n);
    pos += 4 + n;
    return s;
  };
  const blob = (): Buffer => {
    need(4);
    const n = payload.readUInt32LE(pos);
    need(4 + n);
    const b = payload.subarray(pos + 4, pos + 4 + n);
    pos += 4 + n;
    return b;
  };
  // Options and index specs come back the way the driver's BSON decodes a command by default
  // (numbers as JS numbers), which is how the engine received them in the first place.
  const doc = (): Document => BSON.deserialize(blob());
  while (pos < payload.length) {
    const op = payload[pos++];
    let r: ChangeRecord;
    switch (op) {
      case OP.put:
        r = { op: 'put', db: str(), coll: str(), doc: blob() };
        break;
      case OP.del:
        r = { op: 'del', db: str(), coll: str(), id: blob() };
        break;
      case OP.createCollection:
        r = { op: 'createCollection', db: str(), coll: str(), options: doc() };
        break;
      case OP.dropCollection:
        r = { op: 'dropCollection', db: str(), coll: str() };
        break;
      case OP.dropDatabase:
        r = { op: 'dropDatabase', db: str() };
        break;
      case OP.createIndex:
        r = { op: 'createIndex', db: str(), coll: str(), spec: doc() };
        break;
      case OP.dropIndex:
        r = { op: 'dropIndex', db: str(), coll: str(), name: str() };
        break;
      default:
        throw new RecordDecodeError(`unknown record opcode ${op} at byte ${pos - 1}`);
    }
    onRecord(r);
    count++;
  }
  return count;
}
