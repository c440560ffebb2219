// Test helper: where the tests' MongoDB is. With MONGODB_URI set, tests run against that real
// server; otherwise each test file starts its own in-memory embedded server on a free port.
import { MongoClient, type Db } from 'mongodb';
import mongoose from 'mongoose';
import { startEmbeddedServer, type EmbeddedServer } from '../../src/store/embedded';

let server: EmbeddedServer | undefined;
let starting: Promise<EmbeddedServer> | undefined;

/** The connection string (without database) for this test file. */
export async function getMongoUri(): Promise<string> {
  if (process.env.MONGODB_URI) return process.env.MONGODB_URI;
  starting ??= startEmbeddedServer();
  server = await starting;
  return server.uri;
}

/** Stops the embedded server started by getMongoUri (no-op with MONGODB_URI). Call in afterAll. */
export async function stopMongo(): Promise<void> {
  const s = server;
  server = undefined;
  starting = undefined;
  await s?.close();
}

/** A database name unique to one test file run, so files never see each other's data. */
export function uniqueDbName(prefix: string): string {
  return `${prefix.replace(/[^A-Za-z0-9_]/g, '_')}_${process.pid}_${Date.now().toString(36)}`.slice(0, 60);
}

/** Builds a URI for `dbName` from a base URI that may already carry a path or query. */
export function withDatabase(uri: string, dbName: string): string {
  const u = new URL(uri);
  u.pathname = `/${dbName}`;
  return u.toString();
}


export interface TestDatabase {
  client: MongoClient;
  db: Db;
  uri: string;
  /** drops the database, closes the client and stops the embedded server */
  cleanup(): Promise<void>;
}

/** A driver client on a database of its own; call cleanup() in afterAll. */
export async function openTestDatabase(prefix: string): Promise<TestDatabase> {
  const uri = await getMongoUri();
  const client = await MongoClient.connect(uri);
  const db = client.db(uniqueDbName(prefix));
  return {
    client,
    db,
    uri,
    async cleanup() {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
      await stopMongo();
    },
  };
}

/** True when the suite runs against the embedded server (tests of embedded-only knobs check this). */
export function usingEmbedded(): boolean {
  return !process.env.MONGODB_URI;
}

/**
 * Schema-less documents whose _id may be anything: the driver's default Document type assumes
 * an ObjectId _id and rejects the numeric/string ids these conformance tests use.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDoc = any;


export interface TestConnection {
  conn: mongoose.Connection;
  /** drops the database, closes the connection and stops the embedded server */
  cleanup(): Promise<void>;
}

/** A mongoose connection on a database of its own (not the global mongoose.connection). */
export async function openMongooseConnection(prefix: string): Promise<TestConnection> {
  const conn = await mongoose.createConnection(withDatabase(await getMongoUri(), uniqueDbName(prefix))).asPromise();
  return {
    conn,
    async cleanup() {
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
      await stopMongo();
    },
  };
}
