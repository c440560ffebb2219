// The seam between the service and the embedded store (src/store/embedded, branch `store`):
// connection.ts depends on this small interface, not on the store's internals.
import { startEmbeddedServer } from './embedded';

export interface EmbeddedStore {
  uri: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

export interface EmbeddedStoreOptions {
  port?: number;
  host?: string;
  /** absent = in memory */
  dataDir?: string;
}

export function startEmbeddedStore(opts: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  return startEmbeddedServer(opts);
}
