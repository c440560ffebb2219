// Durable storage for the embedded server: a group-committed journal plus snapshots.
// See dataDir.ts for the directory layout and the recovery rule, frame.ts for the file format.
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { listDataDir, inDir, journalName, snapshotName } from './dataDir';
import { lockDataDir, type DirLock } from './dirLock';
import { nodeDurableIO, type DurableIO } from './durableIO';
import { JOURNAL_MAGIC, encodeFrame, scanFramedFile } from './frame';
import { JournalFailedError, JournalWriter, errMsg } from './journalWriter';
import { RecordEncoder, decodeRecords } from './recordCodec';
import { captureState, readSnapshotFile, snapshotFrames, writeSnapshotFile } from './snapshot';
import type { ChangeRecord, Persistence, PersistenceOptions, RecoveryReport } from './types';

export type { ChangeRecord, Persistence, PersistenceOptions, RecoveryReport } from './types';
export { DataDirLockedError } from './dirLock';
export { JournalFailedError } from './journalWriter';
export { SnapshotCorruptError } from './snapshot';

export const DEFAULT_JOURNAL_BYTES_BEFORE_CHECKPOINT = 64 * 1024 * 1024;
const AUTO_CHECKPOINT_RETRY_MS = 30_000;
const ENCODER_KEEP_BYTES = 4 * 1024 * 1024;

export class JournalCorruptError extends Error {
  constructor(path: string, why: string) {
    super(`journal ${path} is corrupt (${why}); this is not a torn write from a crash, so the server refuses to start rather than drop acknowledged writes`);
    this.name = 'JournalCorruptError';
  }
}

/** Internals a test may replace: the fsync calls (to simulate a failing disk). */
export interface PersistenceInternals {
  io?: DurableIO;
}

export async function openPersistence(opts: PersistenceOptions, internals: PersistenceInternals = {}): Promise<Persistence> {
  if (!opts || typeof opts.dir !== 'string' || opts.dir === '') throw new TypeError('openPersistence: option "dir" must be a non-empty path');
  if (typeof opts.snapshotSource !== 'function') throw new TypeError('openPersistence: option "snapshotSource" must be a function');
  const limit = opts.journalBytesBeforeCheckpoint ?? checkpointBytesFromEnv() ?? DEFAULT_JOURNAL_BYTES_BEFORE_CHECKPOINT;
  if (!(Number.isFinite(limit) && limit > 0)) {
    throw new RangeError('openPersistence: option "journalBytesBeforeCheckpoint" must be a positive number of bytes');
  }
  const io = internals.io ?? nodeDurableIO;
  const created = await fsp.mkdir(opts.dir, { recursive: true });
  if (created !== undefined) {
    // the names of newly created directories must be durable too, or a crash could lose the whole
    // data directory: sync every parent from the data directory's up to the first one created
    const top = path.dirname(path.resolve(created));
    for (let d = path.resolve(opts.dir); d !== top && d !== path.dirname(d); ) {
      d = path.dirname(d);
      await io.syncDir(d);
    }
  }
  const lock = lockDataDir(opts.dir);
  return new DurableStore(opts.dir, opts.snapshotSource, limit, io, lock);
}

/**
 * STORE_JOURNAL_CHECKPOINT_BYTES overrides the default threshold when the caller gives none: an
 * operator can trade restart time against checkpoint frequency without a code change, and tests
 * can force checkpoints to happen under load.
 */
function checkpointBytesFromEnv(): number | undefined {
  const raw = process.env.STORE_JOURNAL_CHECKPOINT_BYTES;
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) {
    throw new RangeError(`STORE_JOURNAL_CHECKPOINT_BYTES must be a positive whole number of bytes, got "${raw}"`);
  }
  return Number(raw);
}

type State = 'opened' | 'recovering' | 'ready' | 'closing' | 'closed';

class DurableStore implements Persistence {
  private state: State = 'opened';
  private writer: JournalWriter | null = null;
  /** seq of the journal appends go to (and of the snapshot that precedes it) */
  private seq = 0;
  /** seq of the newest snapshot on disk, 0 when none */
  private snapshotSeq = 0;
  private checkpointRun: Promise<void> | null = null;
  /** reused across appends; replaced after an oversized write so one big batch does not pin its buffer */
  private encoder = new RecordEncoder();
  /** after an automatic checkpoint failed (disk full…), wait before capturing the state again */
  private autoCheckpointNotBefore = 0;

  constructor(
    private readonly dir: string,
    private readonly snapshotSource: () => Iterable<ChangeRecord>,
    private readonly journalLimit: number,
    private readonly io: DurableIO,
    private readonly lock: DirLock,
  ) {}

  async recover(apply: (r: ChangeRecord) => void): Promise<RecoveryReport> {
    if (this.state !== 'opened') throw new Error(`recover() may be called once, right after openPersistence (state: ${this.state})`);
    this.state = 'recovering';
    const t0 = performance.now();
    try {
      const { snapshots, journals, temps } = listDataDir(this.dir);
      for (const t of temps) fs.rmSync(inDir(this.dir, t), { force: true });

      let snapshotRecords = 0;
      const base = snapshots.length > 0 ? snapshots[snapshots.length - 1] : 0;
      if (base > 0) snapshotRecords = readSnapshotFile(inDir(this.dir, snapshotName(base)), apply);

      // journals from the snapshot's own seq on; older ones are already inside the snapshot
      const replay = journals.filter((j) => j >= base);
      for (let i = 1; i < replay.length; i++) {
        if (replay[i] !== replay[i - 1] + 1) {
          throw new JournalCorruptError(inDir(this.dir, journalName(replay[i])), `journal ${replay[i - 1] + 1} is missing`);
        }
      }
      if (base > 0 && replay.length > 0 && replay[0] !== base) {
        throw new JournalCorruptError(inDir(this.dir, journalName(replay[0])), `journal ${base} after snapshot ${base} is missing`);
      }
      if (base === 0 && replay.length > 0 && replay[0] !== 1) {
        // journal 1 is only ever deleted once a snapshot covers it: that snapshot is gone
        throw new JournalCorruptError(
          inDir(this.dir, journalName(replay[0])),
          `no snapshot holds the writes before journal ${replay[0]} (a snapshot file was removed)`,
        );
      }

      let journalRecords = 0;
      let tornBytesSkipped = 0;
      let lastValidLength = 0;
      for (let i = 0; i < replay.length; i++) {
        const p = inDir(this.dir, journalName(replay[i]));
        const isLast = i === replay.length - 1;
        const scan = scanFramedFile(p, JOURNAL_MAGIC, (payload) => {
          journalRecords += decodeRecords(payload, apply);
        });
        if (scan.stopReason && !isLast) throw new JournalCorruptError(p, `${scan.stopReason}, in a journal that is not the newest`);
        // the header is synced before a journal takes writes, so a damaged one is not a torn write —
        // unless the file is nothing but zeros (created, size extended, data never written)
        if (isLast && scan.badMagic && scan.fileLength >= JOURNAL_MAGIC.length && !isAllZero(p)) {
          throw new JournalCorruptError(p, `${scan.stopReason ?? 'bad header'} in the file header`);
        }
        if (isLast) {
          tornBytesSkipped = scan.fileLength - scan.validLength;
          lastValidLength = scan.validLength;
        }
      }

      // drop files the snapshot made obsolete (a crash may have left them behind)
      for (const s of snapshots) if (s < base) fs.rmSync(inDir(this.dir, snapshotName(s)), { force: true });
      for (const j of journals) if (j < base) fs.rmSync(inDir(this.dir, journalName(j)), { force: true });

      if (replay.length > 0) {
        this.seq = replay[replay.length - 1];
        const p = inDir(this.dir, journalName(this.seq));
        this.writer = new JournalWriter(p, this.io, () => this.reopenJournal(p, lastValidLength));
      } else {
        this.seq = Math.max(base, 1);
        const p = inDir(this.dir, journalName(this.seq));
        this.writer = new JournalWriter(p, this.io, () => this.createJournal(p));
      }
      this.snapshotSeq = base;
      await this.writer.ready;
      this.state = 'ready';
      if (tornBytesSkipped > 0) {
        // worth an operator's attention, but normal after a crash: that write was never acknowledged
        process.emitWarning(
          `embedded store: cut ${tornBytesSkipped} bytes of an incomplete record from the end of ` +
            `${journalName(this.seq)} (a write interrupted by a crash; it was never acknowledged)`,
          { code: 'EMBEDDED_STORE_TORN_TAIL' },
        );
      }
      return { snapshotRecords, journalRecords, tornBytesSkipped, millis: performance.now() - t0 };
    } catch (e) {
      this.state = 'closed';
      this.lock.release();
      throw e;
    }
  }

  append(records: ChangeRecord[]): Promise<void> {
    if (this.state !== 'ready' && this.state !== 'closing') {
      return Promise.reject(new Error(`append() before recover() or after close() (state: ${this.state})`));
    }
    if (this.state === 'closing') return Promise.reject(new JournalFailedError('the data directory is closing; write not accepted'));
    if (records.length === 0) return Promise.resolve();
    let frame: Buffer;
    try {
      this.encoder.reset();
      for (const r of records) this.encoder.add(r);
      frame = encodeFrame(this.encoder.bytes());
      if (this.encoder.byteLength > ENCODER_KEEP_BYTES) this.encoder = new RecordEncoder();
    } catch (e) {
      return Promise.reject(e);
    }
    const done = this.writer!.append(frame);
    if (this.writer!.length >= this.journalLimit && !this.checkpointRun && Date.now() >= this.autoCheckpointNotBefore) {
      this.checkpoint().catch((e) => {
        // the journal keeps every write safe meanwhile; only restart time grows until it succeeds
        this.autoCheckpointNotBefore = Date.now() + AUTO_CHECKPOINT_RETRY_MS;
        process.emitWarning(
          `embedded store: automatic checkpoint failed, retrying in ${AUTO_CHECKPOINT_RETRY_MS / 1000} s: ${errMsg(e)}`,
          { code: 'EMBEDDED_STORE_CHECKPOINT_FAILED' },
        );
      });
    }
    return done;
  }

  checkpoint(): Promise<void> {
    if (this.state !== 'ready' && this.state !== 'closing') {
      return Promise.reject(new Error(`checkpoint() before recover() or after close() (state: ${this.state})`));
    }
    // one at a time; a request during a running checkpoint gets a fresh one after it
    const prev = this.checkpointRun ?? Promise.resolve();
    const run: Promise<void> = prev
      .catch(() => undefined)
      .then(() => this.runCheckpoint())
      .finally(() => {
        if (this.checkpointRun === run) this.checkpointRun = null;
      });
    this.checkpointRun = run;
    return run;
  }

  /**
   * 1. capture the state (references only) and switch appends to journal seq+1 in the same
   *    synchronous step, so every write is either in the snapshot or in the new journal;
   * 2. new journal created durably, after the old one's last flush (acks stay in order);
   * 3. snapshot seq+1 written via tmp + fsync + rename + dir fsync;
   * 4. only then the old snapshot and journal are removed.
   * Crash before 3 completes: old snapshot + old journal + new journal replay the same state.
   * Crash after 3: new snapshot + new journal; leftovers are removed on the next open.
   */
  private async runCheckpoint(): Promise<void> {
    const old = this.writer!;
    if (old.failed) throw old.failed;
    const seq = this.seq + 1;
    const state = captureState(this.snapshotSource());
    const nextPath = inDir(this.dir, journalName(seq));
    const next = new JournalWriter(nextPath, this.io, () => this.createJournal(nextPath), old.drain());
    this.writer = next;
    this.seq = seq;
    await next.ready;
    await old.close();
    await writeSnapshotFile(this.dir, inDir(this.dir, snapshotName(seq)), snapshotFrames(state), this.io);
    this.snapshotSeq = seq;
    // everything older is inside the new snapshot, including what an earlier failed checkpoint left
    const { snapshots, journals } = listDataDir(this.dir);
    for (const j of journals) if (j < seq) await fsp.rm(inDir(this.dir, journalName(j)), { force: true });
    for (const s of snapshots) if (s < seq) await fsp.rm(inDir(this.dir, snapshotName(s)), { force: true });
    await this.io.syncDir(this.dir);
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    if (this.state === 'opened' || this.state === 'recovering') {
      this.state = 'closed';
      this.lock.release();
      return;
    }
    this.state = 'closing';
    try {
      if (this.checkpointRun) await this.checkpointRun.catch(() => undefined);
      const w = this.writer!;
      await w.drain().catch(() => undefined);
      // after a disk failure the files are left as they are: recovery will sort them out
      if (!w.failed && w.hasRecords) await this.checkpoint();
    } finally {
      await this.writer!.close().catch(() => undefined);
      this.state = 'closed';
      this.lock.release();
    }
  }

  /** Creates an empty journal durably: header synced, name synced into the directory. */
  private async createJournal(p: string): Promise<{ fh: fsp.FileHandle; length: number }> {
    const fh = await fsp.open(p, 'w');
    try {
      await fh.write(JOURNAL_MAGIC, 0, JOURNAL_MAGIC.length, 0);
      await this.io.datasync(fh, p);
      await this.io.syncDir(this.dir);
    } catch (e) {
      await fh.close().catch(() => undefined);
      throw e;
    }
    return { fh, length: JOURNAL_MAGIC.length };
  }

  /** Reopens the newest journal for appending, cutting off a torn tail first. */
  private async reopenJournal(p: string, validLength: number): Promise<{ fh: fsp.FileHandle; length: number }> {
    if (validLength < JOURNAL_MAGIC.length) return this.createJournal(p); // header itself torn
    const fh = await fsp.open(p, 'r+');
    try {
      const { size } = await fh.stat();
      if (size !== validLength) {
        await fh.truncate(validLength);
        await this.io.datasync(fh, p);
      }
    } catch (e) {
      await fh.close().catch(() => undefined);
      throw e;
    }
    return { fh, length: validLength };
  }
}

function isAllZero(file: string): boolean {
  const buf = fs.readFileSync(file);
  for (let i = 0; i < buf.length; i++) if (buf[i] !== 0) return false;
  return true;
}
