// Public entry of the embedded MongoDB-compatible server. Everything else in the project uses
// only startEmbeddedServer(); the modules under this folder are its internals.
import type net from 'node:net';
import { Engine } from './engine/engine';
import { CursorManager } from './engine/cursors';
import { createWireServer } from './server';
import { expireDocuments } from './engine/ttl';
import type { ChangeRecord, Persistence } from './persistence/types';
import { openPersistence } from './persistence';

export interface EmbeddedServerOptions {
  /** 0 = a free port (default) */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** absent = in-memory */
  dataDir?: string;
  /** idle cursors are dropped after this long; default 10 minutes like mongod */
  cursorTimeoutMs?: number;
  /** how often TTL indexes are applied; default 60 s like mongod's TTL monitor */
  ttlIntervalMs?: number;
}

export interface EmbeddedServer {
  /** mongodb://host:port */
  uri: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

export async function startEmbeddedServer(opts: EmbeddedServerOptions = {}): Promise<EmbeddedServer> {
  const host = opts.host ?? '127.0.0.1';
  const engine = new Engine(!!opts.dataDir);
  const cursors = new CursorManager(opts.cursorTimeoutMs);
  let persistence: Persistence | undefined;
  if (opts.dataDir) {
    persistence = await openPersistence({ dir: opts.dataDir, snapshotSource: () => engine.snapshotRecords() });
    await persistence.recover((r) => engine.applyRecord(r));
  }
  // append is called in the same synchronous step that applied the change in memory, so the
  // journal order is the apply order; the reply waits for the fsync.
  const commit = persistence
    ? (records: ChangeRecord[]) => (records.length ? persistence!.append(records) : Promise.resolve())
    : () => Promise.resolve();
  const server = createWireServer({ engine, cursors, commit });
  const ttlTimer = setInterval(() => {
    const records = expireDocuments(engine);
    if (records.length) commit(records).catch(() => undefined); // a failed journal fails the next write loudly
  }, opts.ttlIntervalMs ?? 60_000);
  ttlTimer.unref();
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    // e.g. the port is taken: release the data directory's lock and timers before failing
    clearInterval(ttlTimer);
    cursors.close();
    await persistence?.close();
    throw e;
  }
  const port = (server.address() as net.AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    uri: `mongodb://${host.includes(':') ? `[${host}]` : host}:${port}`,
    host,
    port,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const s of sockets) s.destroy();
        });
        clearInterval(ttlTimer);
        cursors.close();
        await persistence?.close();
      })();
      return closing;
    },
  };
}
