// Snapshots: the whole state as a framed file, written so that a crash at any point leaves
// either the previous snapshot or the new one, never a half-written file under a real name.
//
// Layout: SNAPSHOT_MAGIC, record frames of about 1 MiB each, then a trailer frame holding the
// record count. A snapshot without its trailer (or with a count that does not match) is
// rejected as corrupt rather than silently loading part of the data.
import * as fsp from 'node:fs/promises';
import type { DurableIO } from './durableIO';
import { SNAPSHOT_MAGIC, encodeFrame, scanFramedFile } from './frame';
import { RecordEncoder, decodeRecords } from './recordCodec';
import type { ChangeRecord } from './types';
import { TMP_SUFFIX } from './dataDir';

const CHUNK_BYTES = 1024 * 1024;
const TRAILER_TAG = Buffer.from('SNAPEND!', 'latin1'); // first byte is no record opcode

export interface CapturedSnapshot {
  frames: Buffer[];
  records: number;
  bytes: number;
}

export class SnapshotCorruptError extends Error {
  constructor(path: string, why: string) {
    super(`snapshot ${path} is corrupt (${why}); refusing to start on partial data`);
    this.name = 'SnapshotCorruptError';
  }
}

/** Encodes the state into frames. Synchronous on purpose: it must see one consistent state. */
export function captureSnapshot(source: Iterable<ChangeRecord>): CapturedSnapshot {
  const frames: Buffer[] = [];
  const enc = new RecordEncoder(CHUNK_BYTES + 64 * 1024);
  let records = 0;
  let bytes = SNAPSHOT_MAGIC.length;
  const cut = () => {
    if (enc.byteLength === 0) return;
    const f = encodeFrame(enc.bytes());
    frames.push(f);
    bytes += f.length;
    enc.reset();
  };
  for (const r of source) {
    enc.add(r);
    records++;
    if (enc.byteLength >= CHUNK_BYTES) cut();
  }
  cut();
  const trailer = Buffer.alloc(TRAILER_TAG.length + 8);
  TRAILER_TAG.copy(trailer);
  trailer.writeBigUInt64LE(BigInt(records), TRAILER_TAG.length);
  const t = encodeFrame(trailer);
  frames.push(t);
  bytes += t.length;
  return { frames, records, bytes };
}

/**
 * tmp file → fdatasync → rename over the final name → fsync the directory. Before the rename
 * a crash leaves only a .tmp (ignored and removed on open); after it the file under the final
 * name is complete because its data was synced first.
 */
export async function writeSnapshotFile(
  dir: string,
  finalPath: string,
  snap: CapturedSnapshot,
  io: DurableIO,
): Promise<void> {
  const tmp = finalPath + TMP_SUFFIX;
  const fh = await fsp.open(tmp, 'w');
  try {
    let pos = 0;
    for (const chunk of [SNAPSHOT_MAGIC, ...snap.frames]) {
      let off = 0;
      while (off < chunk.length) {
        const { bytesWritten } = await fh.write(chunk, off, chunk.length - off, pos);
        off += bytesWritten;
        pos += bytesWritten;
      }
    }
    await io.datasync(fh, tmp);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  await fh.close();
  await fsp.rename(tmp, finalPath);
  await io.syncDir(dir);
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
