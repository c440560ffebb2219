/**
 * The tests' copy of the benchmark data (test/fixtures/nrp) must not drift from the shared folder:
 * every file of the copy equals the shared file of the same name, byte for byte. Where the shared
 * folder is absent (a bare clone) there is nothing to compare against.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { locateNrpDir } from '../../../src/scheduler/nrp/locate';
import { repoRoot } from './nrpDir';

const fixture = path.join(repoRoot, 'test/fixtures/nrp');
const shared = locateNrpDir(repoRoot, {});

function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f), `${prefix}${f}/`) : [`${prefix}${f}`]));
}

(existsSync(shared) ? describe : describe.skip)('NRP fixture copy', () => {
  it('holds all 24 instances and equals the shared files byte for byte', () => {
    const copied = files(fixture).filter((f) => f !== 'README.md');
    expect(copied.filter((f) => /^Instance\d+\.txt$/.test(f))).toHaveLength(24);
    for (const f of copied) expect([f, readFileSync(path.join(fixture, f)).equals(readFileSync(path.join(shared, f)))]).toEqual([f, true]);
  });
});
