/** Where the shared benchmark files live (see src/scheduler/nrp/locate.ts). */
import path from 'node:path';
import { locateNrpDir } from '../../../src/scheduler/nrp/locate';

export const repoRoot = path.resolve(__dirname, '../../..');
export const nrpDir = locateNrpDir(repoRoot);
export const instanceFile = (n: number): string => path.join(nrpDir, `Instance${n}.txt`);
