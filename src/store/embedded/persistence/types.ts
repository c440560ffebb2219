// The contract between the embedded server's in-memory engine and its durable storage.
// The engine applies a write in memory, hands the resulting changes to `append`, and only
// replies to the client once `append` has resolved: that is what makes an acknowledged
// write survive `kill -9`.
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
