// Thin seam to the embedded store (src/store/embedded, built on branch `store`). Until that
// branch is merged the module may be absent, so it is loaded at run time; once merged this file
// becomes a plain re-export.
import path from 'node:path';

export interface EmbeddedStore {
  uri: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

export interface EmbeddedStoreOptions {
  port?: number;
  host?: string;
  dataDir?: string;
}

type StartFn = (opts: EmbeddedStoreOptions) => Promise<EmbeddedStore>;

export async function startEmbeddedStore(opts: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  let mod: { startEmbeddedServer?: StartFn };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(path.join(__dirname, 'embedded'));
  } catch (e) {
    throw new Error(
      `The embedded store is not available in this build (${e instanceof Error ? e.message : String(e)}); set MONGODB_URI to use a MongoDB server`,
    );
  }
  if (typeof mod.startEmbeddedServer !== 'function') throw new Error('src/store/embedded does not export startEmbeddedServer');
  return mod.startEmbeddedServer(opts);
}
