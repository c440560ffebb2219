/**
 * Where the tests read the benchmark files: `NRP_DIR` when set, else the repository's own copy
 * in test/fixtures/nrp (so a bare clone runs the suite). The benchmarks read the shared folder
 * (src/scheduler/nrp/locate.ts).
 */
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');
export const nrpDir = process.env.NRP_DIR ? path.resolve(process.env.NRP_DIR) : path.join(repoRoot, 'test/fixtures/nrp');
export const instanceFile = (n: number): string => path.join(nrpDir, `Instance${n}.txt`);
