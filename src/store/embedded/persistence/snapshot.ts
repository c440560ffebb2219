// Snapshots: the whole state as a framed file, written so that a crash at any point leaves
// either the previous snapshot or the new one, never a half-written file under a real name.
//
// Layout: SNAPSHOT_MAGIC, record frames of about 1 MiB each, then a trailer frame holding the
// record count. A snapshot without its trailer (or with a count that does not match) is
// rejected as corrupt rather than silently loading part of the data.
//
// Taking a snapshot has two phases. captureState runs synchronously while the server waits: it
// only collects references to the documents' BSON bytes (the engine yields bytes it will not
// mutate) and encodes the few small non-document records. Encoding the frames and writing them
// happens afterwards, chunk by chunk, while the server keeps serving requests.
import * as fsp from 'node:fs/promises';
import type { DurableIO } from './durableIO';
import { SNAPSHOT_MAGIC, encodeFrame, scanFramedFile } from './frame';
import { RecordEncoder, decodeRecords, encodeRecords } from './recordCodec';
import type { ChangeRecord } from './types';
import { TMP_SUFFIX } from './dataDir';

const CHUNK_BYTES = 1024 * 1024;
const TRAILER_TAG = Buffer.from('SNAPEND!', 'latin1'); // first byte is no record opcode

/** One consistent view of the state: document records by reference, the rest already encoded. */
export interface CapturedState {
  items: (ChangeRecord | Buffer)[];
  records: number;
}

export class SnapshotCorruptError extends Error {
  constructor(path: string, why: string) {
    super(`snapshot ${path} is corrupt (${why}); refusing to start on partial data`);
    this.name = 'SnapshotCorruptError';
  }
}

/** Synchronous on purpose: it must see one consistent state, so it does as little as possible. */
export function captureState(source: Iterable<ChangeRecord>): CapturedState {
  const items: (ChangeRecord | Buffer)[] = [];
  let records = 0;
  for (const r of source) {
    records++;
    // options and index specs are objects the engine might still change: encode them now
    items.push(r.op === 'put' || r.op === 'del' ? r : encodeRecords([r]));
  }
  return { items, records };
}

/** The snapshot's frames, ~1 MiB each, then the trailer; encoded lazily as the writer asks. */
export function* snapshotFrames(state: CapturedState): Generator<Buffer> {
  const enc = new RecordEncoder(CHUNK_BYTES + 64 * 1024);
  for (const it of state.items) {
    if (Buffer.isBuffer(it)) enc.addEncoded(it);
    else enc.add(it);
    if (enc.byteLength >= CHUNK_BYTES) {
      yield encodeFrame(enc.bytes());
      enc.reset();
    }
  }
  if (enc.byteLength > 0) yield encodeFrame(enc.bytes());
  const trailer = Buffer.alloc(TRAILER_TAG.length + 8);
  TRAILER_TAG.copy(trailer);
  trailer.writeBigUInt64LE(BigInt(state.records), TRAILER_TAG.length);
  yield encodeFrame(trailer);
}

/**
 * tmp file → fdatasync → rename over the final name → fsync the directory. Before the rename
 * a crash leaves only a .tmp (ignored and removed on open); after it the file under the final
 * name is complete because its data was synced first. Frames are written as they are encoded,
 * so the snapshot never sits in memory a second time.
 */
export async function writeSnapshotFile(dir: string, finalPath: string, frames: Iterable<Buffer>, io: DurableIO): Promise<number> {
  const tmp = finalPath + TMP_SUFFIX;
  const fh = await fsp.open(tmp, 'w');
  let pos = 0;
  try {
    const writeAll = async (chunk: Buffer) => {
      let off = 0;
      while (off < chunk.length) {
        const { bytesWritten } = await fh.write(chunk, off, chunk.length - off, pos);
        off += bytesWritten;
        pos += bytesWritten;
      }
    };
    await writeAll(SNAPSHOT_MAGIC);
    for (const frame of frames) await writeAll(frame); // each await lets the server serve requests
    await io.datasync(fh, tmp);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  await fh.close();
  await fsp.rename(tmp, finalPath);
  await io.syncDir(dir);
  return pos;
}

/** Replays a snapshot file; throws SnapshotCorruptError unless it is complete and intact. */
export function readSnapshotFile(path: string, apply: (r: ChangeRecord) => void): number {
  let records = 0;
  let trailerCount: bigint | null = null;
  const scan = scanFramedFile(path, SNAPSHOT_MAGIC, (payload) => {
    if (trailerCount !== null) throw new SnapshotCorruptError(path, 'data after the trailer');
    if (payload.length === TRAILER_TAG.length + 8 && payload.subarray(0, TRAILER_TAG.length).equals(TRAILER_TAG)) {
      trailerCount = payload.readBigUInt64LE(TRAILER_TAG.length);
      return;
    }
    records += decodeRecords(payload, apply);
  });
  if (scan.stopReason) throw new SnapshotCorruptError(path, scan.stopReason);
  if (trailerCount === null) throw new SnapshotCorruptError(path, 'no trailer: the file is incomplete');
  if (trailerCount !== BigInt(records)) {
    throw new SnapshotCorruptError(path, `trailer says ${trailerCount} records, file holds ${records}`);
  }
  return records;
}
