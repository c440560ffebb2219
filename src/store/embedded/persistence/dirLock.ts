// One process per data directory. Two servers appending to one journal would interleave frames
// and corrupt it, so opening a directory takes a LOCK file holding the owner's pid.
//
// A lock left by a process that died (kill -9) is stale: its pid is no longer alive and the lock
// is taken over. The takeover writes a temp file and renames it over LOCK, then reads LOCK back
// to confirm it won should two processes race for the same stale lock.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LOCK_FILE } from './dataDir';

/** Directories locked by this process (its own pid in LOCK does not tell open from stale). */
const heldHere = new Set<string>();

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly ownerPid: number,
  ) {
    super(
      `data directory ${dir} is already in use by process ${ownerPid} (lock file ${path.join(dir, LOCK_FILE)}); ` +
        `stop that server first, or delete the lock file if that process is gone`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DirLock {
  release(): void;
}

export function lockDataDir(dir: string): DirLock {
  const real = fs.realpathSync(dir);
  const lockPath = path.join(real, LOCK_FILE);
  const me = String(process.pid);
  if (heldHere.has(real)) throw new DataDirLockedError(dir, process.pid);
  try {
    fs.writeFileSync(lockPath, me + '\n', { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const owner = readOwner(lockPath);
    if (owner !== null && owner !== process.pid && isAlive(owner)) throw new DataDirLockedError(dir, owner);
    // stale: take it over atomically, then check nobody else took it over at the same time
    const tmp = `${lockPath}.${me}.tmp`;
    fs.writeFileSync(tmp, me + '\n');
    fs.renameSync(tmp, lockPath);
    const now = readOwner(lockPath);
    if (now !== process.pid) throw new DataDirLockedError(dir, now ?? -1);
  }
  heldHere.add(real);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      heldHere.delete(real);
      if (readOwner(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
    },
  };
}

function readOwner(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}
