// Open server-side cursors. A cursor holds the remaining result documents (references to
// immutable stored documents, so later writes do not disturb it) and is dropped when exhausted,
// killed, or idle for longer than the timeout (mongod's default is 10 minutes).
import { BSON, type Document } from 'mongodb';
import { documentSize } from '../wire/bsonCodec';

/** Replies must stay under 16 MiB; leave room for the envelope around the batch. */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;

export interface OpenCursor {
  id: bigint;
  ns: string;
  docs: Document[];
  pos: number;
  /** documents still allowed by find's limit (Infinity when there is none) */
  remainingLimit: number;
  lastUsed: number;
  transform?: (doc: Document) => Document;
}

export class CursorManager {
  private readonly cursors = new Map<bigint, OpenCursor>();
  private nextId = BigInt(Date.now()) * 1000n;
  private readonly sweeper: NodeJS.Timeout;

  constructor(readonly idleTimeoutMs = 10 * 60 * 1000) {
    this.sweeper = setInterval(() => this.expire(), Math.max(50, Math.min(idleTimeoutMs / 2, 60_000)));
    this.sweeper.unref();
  }

  get openCount(): number {
    return this.cursors.size;
  }

  /**
   * Takes the next batch from `docs` starting at `pos`. Returns the batch and, if documents
   * remain, registers (or keeps) a cursor and returns its id; 0n when the result is exhausted.
   */
  firstBatch(ns: string, docs: Document[], batchSize: number | undefined, transform?: OpenCursor['transform'], limit = Infinity): { batch: Document[]; id: bigint } {
    const c: OpenCursor = { id: 0n, ns, docs, pos: 0, remainingLimit: limit, lastUsed: Date.now(), transform };
    // batchSize 0 on the first batch means "open the cursor, return nothing yet" (mongod);
    // on getMore, 0 or absent means "as much as fits".
    const batch = batchSize === 0 ? [] : takeBatch(c, batchSize);
    if (c.pos >= c.docs.length || c.remainingLimit <= 0) return { batch, id: 0n };
    c.id = this.nextId++;
    this.cursors.set(c.id, c);
    return { batch, id: c.id };
  }

  get(id: bigint): OpenCursor | undefined {
    return this.cursors.get(id);
  }

  nextBatch(c: OpenCursor, batchSize: number | undefined): { batch: Document[]; id: bigint } {
    c.lastUsed = Date.now();
    const batch = takeBatch(c, batchSize);
    if (c.pos >= c.docs.length || c.remainingLimit <= 0) {
      this.cursors.delete(c.id);
      return { batch, id: 0n };
    }
    return { batch, id: c.id };
  }

  kill(id: bigint): boolean {
    return this.cursors.delete(id);
  }

  expire(now = Date.now()): void {
    for (const [id, c] of this.cursors) if (now - c.lastUsed > this.idleTimeoutMs) this.cursors.delete(id);
  }

  close(): void {
    clearInterval(this.sweeper);
    this.cursors.clear();
  }
}

function takeBatch(c: OpenCursor, batchSize: number | undefined): Document[] {
  const max = batchSize && batchSize > 0 ? batchSize : Number.MAX_SAFE_INTEGER;
  const batch: Document[] = [];
  let bytes = 0;
  while (c.pos < c.docs.length && batch.length < max) {
    if (c.remainingLimit <= 0) break;
    const raw = c.docs[c.pos];
    const doc = c.transform ? c.transform(raw) : raw;
    const size = documentSize(doc);
    if (batch.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
    batch.push(doc);
    bytes += size;
    c.pos++;
    c.remainingLimit--;
  }
  return batch;
}

export function toCursorId(id: bigint): BSON.Long {
  return BSON.Long.fromBigInt(id);
}
