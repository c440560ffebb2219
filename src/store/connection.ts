// Opens the store the models talk to: MONGODB_URI when given, otherwise the embedded
// MongoDB-compatible server (durable in a data directory, or in memory for tests). The models
// use mongoose's default connection, so one service per process.
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { startEmbeddedStore, type EmbeddedStore } from './embeddedAdapter';

export interface StoreOptions {
  mongodbUri?: string;
  dbName: string;
  /** Embedded store only: directory for durable files; null = in memory (tests). */
  dataDir: string | null;
  log: Logger;
}

export interface StoreHandle {
  kind: 'mongodb' | 'embedded';
  /** Where the driver connects (embedded: the local port it listens on). */
  uri: string;
  dbName: string;
  connection: mongoose.Connection;
  /** Resolves when the store answers a ping within timeoutMs; rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function openStore(opts: StoreOptions): Promise<StoreHandle> {
  let embedded: EmbeddedStore | undefined;
  let uri = opts.mongodbUri;
  if (!uri) {
    embedded = await startEmbeddedStore({ host: '127.0.0.1', port: 0, dataDir: opts.dataDir ?? undefined });
    uri = embedded.uri;
    opts.log.info({ store: 'embedded', uri, dataDir: opts.dataDir ?? '(in memory)' }, 'embedded store started');
  }
  try {
    await mongoose.connect(uri, { dbName: opts.dbName, serverSelectionTimeoutMS: 5000 });
    // Unique indexes hold invariants: build them before the first request, not lazily.
    await Promise.all(Object.values(mongoose.connection.models).map((m) => m.init()));
  } catch (e) {
    await mongoose.disconnect().catch(() => {});
    await embedded?.close().catch(() => {});
    throw new Error(`Cannot open the store at ${redactUri(uri)}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  opts.log.info({ store: embedded ? 'embedded' : 'mongodb', uri: redactUri(uri), db: opts.dbName }, 'store connected');

  const connection = mongoose.connection;
  return {
    kind: embedded ? 'embedded' : 'mongodb',
    uri,
    dbName: opts.dbName,
    connection,
    async ping(timeoutMs = 1000) {
      const db = connection.db;
      if (connection.readyState !== 1 || !db) throw new Error('store is not connected');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        db.command({ ping: 1 }),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('store ping timed out')), timeoutMs))),
      ]).finally(() => clearTimeout(timer));
    },
    async close() {
      await mongoose.disconnect();
      if (embedded) await embedded.close();
    },
  };
}

/** Hides a password in a connection string before it reaches a log line. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
