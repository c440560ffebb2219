// Loads the durability layer (engineer B's persistence/index.ts) lazily, so the in-memory
// server works even in a tree where that module is not there yet.
import type { Persistence, PersistenceOptions } from './persistence/types';

export async function openPersistenceIfAvailable(opts: PersistenceOptions): Promise<Persistence> {
  let mod: { openPersistence?: (o: PersistenceOptions) => Promise<Persistence> };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require('./persistence/index');
  } catch (e) {
    throw new Error(`dataDir given but the persistence layer is not available: ${(e as Error).message}`);
  }
  if (typeof mod.openPersistence !== 'function') throw new Error('persistence/index does not export openPersistence');
  return mod.openPersistence(opts);
}
