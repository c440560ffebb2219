// One process per data directory. Two servers appending to one journal would interleave frames
// and corrupt it, so opening a directory takes a LOCK file naming the owner:
//   line 1: pid   line 2: boot id   line 3: the process's start time (clock ticks since boot)
// A lock whose owner is gone (kill -9, crash, reboot) is stale and is taken over. The boot id and
// start time (read from /proc on Linux) tell a dead owner from an unrelated process that reused
// its pid, which is common after a container restart; elsewhere only the pid is checked.
//
// The takeover writes a temp file and renames it over LOCK, then reads LOCK back to confirm it
// won, should two processes race for the same stale lock.
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

interface Owner {
  pid: number;
  bootId?: string;
  startTime?: string;
}

export function lockDataDir(dir: string): DirLock {
  const real = fs.realpathSync(dir);
  const lockPath = path.join(real, LOCK_FILE);
  if (heldHere.has(real)) throw new DataDirLockedError(dir, process.pid);
  const me = describe(process.pid);
  const content = [me.pid, me.bootId ?? '', me.startTime ?? ''].join('\n') + '\n';
  try {
    fs.writeFileSync(lockPath, content, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const owner = readOwner(lockPath);
    if (owner && owner.pid !== process.pid && isAlive(owner)) throw new DataDirLockedError(dir, owner.pid);
    // stale: take it over atomically, then check nobody else took it over at the same time
    const tmp = `${lockPath}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, lockPath);
    const now = readOwner(lockPath);
    if (now?.pid !== process.pid) throw new DataDirLockedError(dir, now?.pid ?? -1);
  }
  heldHere.add(real);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      heldHere.delete(real);
      if (readOwner(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
    },
  };
}

function readOwner(lockPath: string): Owner | null {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
  } catch {
    return null;
  }
  const [pidLine, bootId, startTime] = text.split('\n').map((s) => s.trim());
  const pid = Number.parseInt(pidLine ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, bootId: bootId || undefined, startTime: startTime || undefined };
}

function isAlive(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false; // no such process
  }
  // the pid is taken; is it still the process that wrote the lock?
  const now = describe(owner.pid);
  if (owner.bootId && now.bootId && owner.bootId !== now.bootId) return false; // machine rebooted since
  if (owner.startTime && now.startTime && owner.startTime !== now.startTime) return false; // pid reused
  return true;
}

function describe(pid: number): Owner {
  return { pid, bootId: readTrimmed('/proc/sys/kernel/random/boot_id'), startTime: procStartTime(pid) };
}

function readTrimmed(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat; the command name before it may contain spaces and parentheses. */
function procStartTime(pid: number): string | undefined {
  const stat = readTrimmed(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
}
