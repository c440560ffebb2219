// Appends frames to one journal file with group commit.
//
// Callers enqueue a frame and wait. A single flush loop takes everything queued, writes it with
// one write and one fdatasync, then resolves exactly those callers; frames that arrive while
// that fdatasync runs wait for the next round, so every caller is released only by an fsync
// that covers its bytes, and N concurrent writers cost about one fsync, not N.
//
// After any write or fsync error the writer is poisoned: the kernel may have dropped the dirty
// pages, so retrying the fsync could "succeed" without the data (the PostgreSQL fsync lesson).
// Every pending and later append is rejected; only reopening the directory (recovery) clears it.
import * as fsp from 'node:fs/promises';
import type { DurableIO } from './durableIO';
import { JOURNAL_MAGIC } from './frame';

interface Pending {
  frame: Buffer;
  resolve: () => void;
  reject: (e: Error) => void;
}

export class JournalFailedError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'JournalFailedError';
  }
}

export class JournalWriter {
  private queue: Pending[] = [];
  private queuedBytes = 0;
  private flushing: Promise<void> | null = null;
  private fh: fsp.FileHandle | null = null;
  private failure: JournalFailedError | null = null;
  private closed = false;
  /** bytes durably in the file (header included) */
  private durableBytes = 0;
  /** resolves once the file is open and positioned; appends before that just queue up */
  readonly ready: Promise<void>;
  /** how many fsync rounds ran (observability for tests and the benchmark) */
  syncRounds = 0;

  /**
   * @param open opens the file (creating it durably if needed) and returns its valid length.
   * @param after work that must finish before this journal's first byte is written (the previous
   *   journal's last flush): keeps acknowledgements in write order across a journal switch.
   */
  constructor(
    readonly path: string,
    private readonly io: DurableIO,
    open: () => Promise<{ fh: fsp.FileHandle; length: number }>,
    after: Promise<void> = Promise.resolve(),
  ) {
    this.ready = after
      .then(open)
      .then(({ fh, length }) => {
        this.fh = fh;
        this.durableBytes = length;
      })
      .catch((e) => {
        this.poison(new JournalFailedError(`cannot open journal ${path}: ${errMsg(e)}`, e));
        throw this.failure;
      });
    this.ready.catch(() => undefined); // surfaced through append/drain instead
  }

  /** Journal bytes written or queued: what the checkpoint threshold compares against. */
  get length(): number {
    return this.durableBytes + this.queuedBytes;
  }

  /** True when the journal holds at least one record (not only its header). */
  get hasRecords(): boolean {
    return this.length > JOURNAL_MAGIC.length;
  }

  get failed(): JournalFailedError | null {
    return this.failure;
  }

  append(frame: Buffer): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new JournalFailedError(`journal ${this.path} is closed`));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ frame, resolve, reject });
      this.queuedBytes += frame.length;
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  /** Resolves when everything appended so far is durable; rejects if the journal has failed. */
  async drain(): Promise<void> {
    await this.ready;
    while (this.flushing) await this.flushing;
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    this.closed = true;
    try {
      await this.drain();
    } finally {
      const fh = this.fh;
      this.fh = null;
      if (fh) await fh.close();
    }
  }

  private async flushLoop(): Promise<void> {
    try {
      await this.ready;
    } catch {
      this.rejectQueued();
      this.flushing = null;
      return;
    }
    while (this.queue.length > 0 && !this.failure) {
      const batch = this.queue;
      this.queue = [];
      const bytes = batch.length === 1 ? batch[0].frame : Buffer.concat(batch.map((p) => p.frame));
      try {
        await writeFully(this.fh!, bytes, this.durableBytes);
        await this.io.datasync(this.fh!, this.path);
      } catch (e) {
        this.poison(new JournalFailedError(`journal write to ${this.path} failed, write not acknowledged: ${errMsg(e)}`, e));
        for (const p of batch) p.reject(this.failure!);
        break;
      }
      this.syncRounds++;
      this.durableBytes += bytes.length;
      this.queuedBytes -= bytes.length;
      for (const p of batch) p.resolve();
    }
    this.rejectQueued();
    this.flushing = null;
  }

  private poison(e: JournalFailedError): void {
    if (!this.failure) this.failure = e;
  }

  private rejectQueued(): void {
    if (!this.failure) return;
    const q = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    for (const p of q) p.reject(this.failure);
  }
}

async function writeFully(fh: fsp.FileHandle, buf: Buffer, position: number): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off, position + off);
    if (bytesWritten <= 0) throw new Error('write made no progress');
    off += bytesWritten;
  }
}

export function errMsg(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
