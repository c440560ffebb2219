// Framing shared by the journal and snapshot files.
//
// A file starts with an 8-byte magic naming its kind and format version, then frames:
//   u32le payload length | u32le CRC-32 of the payload | payload
// One journal frame holds all records of one write, so after a crash a write is either
// wholly present (length and checksum match) or wholly absent. A zero-length frame is
// never written, which also rejects the zero-filled tails some file systems leave after a
// crash (length 0 with CRC 0 would otherwise look valid).
import { crc32 } from 'node:zlib';
import * as fs from 'node:fs';

export const FRAME_HEADER_BYTES = 8;
export const MAGIC_BYTES = 8;
export const JOURNAL_MAGIC = Buffer.from('EMBJRN\x00\x01', 'latin1');
export const SNAPSHOT_MAGIC = Buffer.from('EMBSNP\x00\x01', 'latin1');
/** Sanity bound: a larger length field can only come from garbage. */
export const MAX_FRAME_PAYLOAD = 512 * 1024 * 1024;

export function frameHeader(payload: Uint8Array): Buffer {
  const h = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
  h.writeUInt32LE(payload.byteLength, 0);
  h.writeUInt32LE(crc32(payload), 4);
  return h;
}

export function encodeFrame(payload: Uint8Array): Buffer {
  return Buffer.concat([frameHeader(payload), payload]);
}

export interface FrameScan {
  /** number of valid frames delivered */
  frames: number;
  /** byte offset just past the last valid frame (where a clean append may continue) */
  validLength: number;
  fileLength: number;
  /** why scanning stopped before the end of the file, if it did */
  stopReason?: string;
  badMagic?: boolean;
}

/**
 * Reads a framed file from the start, calling onFrame with each valid payload (a fresh buffer
 * the callback may keep). Stops at the first frame that is incomplete or fails its checksum:
 * everything from there on is reported as not valid. Reads through a bounded buffer so a large
 * snapshot does not need to fit in memory twice.
 */
export function scanFramedFile(path: string, magic: Buffer, onFrame: (payload: Buffer) => void): FrameScan {
  const fd = fs.openSync(path, 'r');
  try {
    const fileLength = fs.fstatSync(fd).size;
    if (fileLength < MAGIC_BYTES) {
      return { frames: 0, validLength: 0, fileLength, stopReason: fileLength === 0 ? undefined : 'file shorter than its header', badMagic: fileLength > 0 };
    }
    const head = Buffer.alloc(MAGIC_BYTES);
    fs.readSync(fd, head, 0, MAGIC_BYTES, 0);
    if (!head.equals(magic)) {
      return { frames: 0, validLength: 0, fileLength, stopReason: 'unrecognised file header', badMagic: true };
    }
    const reader = new PositionedReader(fd, fileLength);
    let pos = MAGIC_BYTES;
    let frames = 0;
    const header = Buffer.alloc(FRAME_HEADER_BYTES);
    while (pos < fileLength) {
      if (fileLength - pos < FRAME_HEADER_BYTES) {
        return { frames, validLength: pos, fileLength, stopReason: `incomplete frame header at byte ${pos}` };
      }
      reader.read(header, pos);
      const len = header.readUInt32LE(0);
      const crc = header.readUInt32LE(4);
      if (len === 0 || len > MAX_FRAME_PAYLOAD) {
        return { frames, validLength: pos, fileLength, stopReason: `implausible frame length ${len} at byte ${pos}` };
      }
      if (fileLength - pos - FRAME_HEADER_BYTES < len) {
        return { frames, validLength: pos, fileLength, stopReason: `frame at byte ${pos} runs past the end of the file` };
      }
      const payload = Buffer.allocUnsafe(len);
      reader.read(payload, pos + FRAME_HEADER_BYTES);
      if (crc32(payload) !== crc) {
        return { frames, validLength: pos, fileLength, stopReason: `checksum mismatch in frame at byte ${pos}` };
      }
      onFrame(payload);
      frames++;
      pos += FRAME_HEADER_BYTES + len;
    }
    return { frames, validLength: pos, fileLength };
  } finally {
    fs.closeSync(fd);
  }
}

/** Sequential positioned reads through a 1 MiB window (few syscalls for many small frames). */
class PositionedReader {
  private window = Buffer.allocUnsafe(1024 * 1024);
  private winStart = 0;
  private winLen = 0;

  constructor(
    private readonly fd: number,
    private readonly fileLength: number,
  ) {}

  read(target: Buffer, at: number): void {
    let done = 0;
    while (done < target.length) {
      const p = at + done;
      if (p < this.winStart || p >= this.winStart + this.winLen) this.fill(p);
      const off = p - this.winStart;
      const n = Math.min(target.length - done, this.winLen - off);
      this.window.copy(target, done, off, off + n);
      done += n;
    }
  }

  private fill(p: number): void {
    const want = Math.min(this.window.length, this.fileLength - p);
    let got = 0;
    while (got < want) {
      const n = fs.readSync(this.fd, this.window, got, want - got, p + got);
      if (n === 0) break;
      got += n;
    }
    if (got === 0) throw new Error(`unexpected end of file at byte ${p}`);
    this.winStart = p;
    this.winLen = got;
  }
}
