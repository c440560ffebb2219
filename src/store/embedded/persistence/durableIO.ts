// The two operations that make bytes durable, behind an interface so tests can make them fail
// (a disk error must never turn into an acknowledged write).
import * as fsp from 'node:fs/promises';

export interface DurableIO {
  /** fdatasync: the file's data (and the size needed to read it back) reaches the disk. */
  datasync(fh: fsp.FileHandle, path: string): Promise<void>;
  /** fsync of a directory: created, renamed and removed names in it reach the disk. */
  syncDir(dir: string): Promise<void>;
}

const DIR_SYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EISDIR', 'EBADF']);

export const nodeDurableIO: DurableIO = {
  datasync: (fh) => fh.datasync(),
  async syncDir(dir) {
    const dh = await fsp.open(dir, 'r');
    try {
      await dh.sync();
    } catch (e) {
      // some file systems cannot fsync a directory at all; there is nothing stronger to do there
      // (PostgreSQL makes the same call). A real I/O error such as EIO still fails.
      if (!DIR_SYNC_UNSUPPORTED.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
    } finally {
      await dh.close();
    }
  },
};
