// File names inside a data directory.
//
//   LOCK                       pid of the process that has the directory open
//   snapshot-<seq>.snap        full state as of the moment journal <seq> was started
//   journal-<seq>.log          writes after that moment, in order
//   *.tmp                      a snapshot being written; never read, removed on open
//
// Recovery = newest snapshot <s> (or the empty state), then journals s, s+1, ... in order.
import * as fs from 'node:fs';
import * as path from 'node:path';

const SEQ_DIGITS = 12;

export const LOCK_FILE = 'LOCK';
export const TMP_SUFFIX = '.tmp';

export function journalName(seq: number): string {
  return `journal-${String(seq).padStart(SEQ_DIGITS, '0')}.log`;
}

export function snapshotName(seq: number): string {
  return `snapshot-${String(seq).padStart(SEQ_DIGITS, '0')}.snap`;
}

export interface DirListing {
  snapshots: number[]; // ascending
  journals: number[]; // ascending
  temps: string[];
}

export function listDataDir(dir: string): DirListing {
  const snapshots: number[] = [];
  const journals: number[] = [];
  const temps: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    let m: RegExpExecArray | null;
    if (name.endsWith(TMP_SUFFIX)) temps.push(name);
    else if ((m = /^snapshot-(\d+)\.snap$/.exec(name))) snapshots.push(Number(m[1]));
    else if ((m = /^journal-(\d+)\.log$/.exec(name))) journals.push(Number(m[1]));
  }
  snapshots.sort((a, b) => a - b);
  journals.sort((a, b) => a - b);
  return { snapshots, journals, temps };
}

export function inDir(dir: string, name: string): string {
  return path.join(dir, name);
}
