// Durability of the embedded server, end to end: the standalone CLI runs as a child process, the
// test talks to it only through the official driver and mongoose, kills it with SIGKILL in the
// middle of writing, restarts it on the same data directory and checks every acknowledged write.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Decimal128, Double, Int32, Long, MongoClient, ObjectId, type Document } from 'mongodb';
import mongoose from 'mongoose';

// Each test starts the CLI 2–3 times; a tsx start takes 2–4 s on a loaded 2-core machine, so the
// ceilings are generous (they only bound a hang; a healthy run takes a fraction of them).
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(ROOT, 'src/store/embedded/cli.ts');

interface CliRun {
  proc: ChildProcess;
  /** pid of the server itself (tsx runs it as a child of its own process) */
  serverPid: number;
  port: number;
  uri: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<CliRun>();

function runCli(args: string[], env: Record<string, string> = {}): { proc: ChildProcess; output: () => string; exited: CliRun['exited'] } {
  const proc = spawn(TSX, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  proc.stdout!.on('data', (b) => (out += b));
  proc.stderr!.on('data', (b) => (out += b));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { proc, output: () => out, exited };
}

async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<CliRun> {
  const { proc, output, exited } = runCli(['--port', '0', '--data', dataDir], env);
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line within 60 s; output:\n${output()}`)), 60_000);
    const check = () => {
      const l = output().split('\n').find((x) => x.includes('listening'));
      if (l) {
        clearTimeout(timer);
        resolve(l);
      }
    };
    proc.stdout!.on('data', check);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening; output:\n${output()}`));
    });
  });
  const m = /listening on (\S+):(\d+).*pid (\d+)/.exec(line);
  if (!m) throw new Error(`cannot read host, port and pid from: ${line}`);
  const run: CliRun = { proc, serverPid: Number(m[3]), port: Number(m[2]), uri: `mongodb://${m[1]}:${m[2]}`, output, exited };
  running.add(run);
  return run;
}

async function kill9(run: CliRun): Promise<void> {
  process.kill(run.serverPid, 'SIGKILL');
  await run.exited; // tsx exits once its child is gone
  running.delete(run);
}

async function stopGracefully(run: CliRun): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  run.proc.kill('SIGTERM'); // what a process manager does: signal the command it started
  const r = await run.exited;
  running.delete(run);
  return r;
}

afterEach(async () => {
  for (const run of [...running]) {
    try {
      process.kill(run.serverPid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await run.exited;
    running.delete(run);
  }
});

const dirs: string[] = [];
function dataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'durability-test-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function connect(uri: string): Promise<MongoClient> {
  // fail fast once the server is killed instead of waiting 30 s for server selection
  return MongoClient.connect(uri, { serverSelectionTimeoutMS: 1500, retryWrites: false, retryReads: false, maxPoolSize: 20 });
}

/** A document whose fields cover the numeric types and a Date, all of which must come back exactly. */
function typedDoc(worker: number, i: number): Document {
  return {
    _id: `w${worker}-${i}`,
    worker: new Int32(worker),
    i32: new Int32(i),
    i64: Long.fromString(`${9_007_199_254_740_993n + BigInt(i)}`), // beyond 2^53: a JS number would lose it
    dbl: new Double(i), // an integral Double must stay a Double, not become an Int32
    dec: Decimal128.fromString(`${i}.10`),
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    name: `志愿者${worker}号-${i}`,
    hits: new Int32(0),
  };
}

function typeOf(v: unknown): string {
  if (v instanceof Date) return 'Date';
  if (v && typeof v === 'object' && '_bsontype' in v) return String((v as { _bsontype: string })._bsontype);
  return typeof v;
}

/** A comparable form of a document that keeps the BSON type of every field. */
function typed(doc: Document): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc)) out[k] = `${typeOf(v)}:${v instanceof Date ? v.toISOString() : String(v)}`;
  return out;
}

async function readAll(client: MongoClient, coll: string): Promise<Map<string, Document>> {
  const docs = await client.db('durability').collection(coll).find({}, { promoteValues: false }).toArray();
  return new Map(docs.map((d) => [String(d._id), d]));
}

type InFlight = { before: Document | null | undefined; after: Document | null };

/**
 * Eight writers mix inserts, updates and deletes on their own documents until `minAcks` writes
 * are acknowledged, then the server is killed with SIGKILL while they are still writing. Returns
 * the acknowledged state of every document (null = acknowledged delete) and, per writer, the
 * write in flight at the kill, whose outcome may go either way. `acked` may carry documents of an
 * earlier round; writers `firstWorker`.. only touch documents of their own.
 */
async function writeUntilKilled(
  server: CliRun,
  collName: string,
  minAcks: number,
  acked = new Map<string, Document | null>(),
  firstWorker = 0,
  stopServer: (s: CliRun) => Promise<void> = kill9,
) {
  const client = await connect(server.uri);
  const coll = client.db('durability').collection<Document>(collName);
  const inFlight = new Map<string, InFlight>();
  let ackCount = 0;
  let stop = false;

  const worker = async (w: number) => {
    const mine: string[] = [];
    for (let i = 0; !stop; i++) {
      const id = `w${w}-${i}`;
      let target: string;
      let after: Document | null;
      let op: () => Promise<unknown>;
      const choice = i < 3 ? 0 : i % 5; // inserts first, then a mix
      if (choice === 3 && mine.length > 0) {
        target = mine[(i * 7) % mine.length];
        const prev = acked.get(target)!;
        after = { ...prev, hits: new Int32((prev.hits as Int32).value + 1), dbl: new Double(2.5), i64: Long.fromNumber(i) };
        op = () => coll.updateOne({ _id: target as never }, { $inc: { hits: 1 }, $set: { dbl: new Double(2.5), i64: Long.fromNumber(i) } });
      } else if (choice === 4 && mine.length > 1) {
        target = mine.splice((i * 3) % mine.length, 1)[0];
        after = null;
        op = () => coll.deleteOne({ _id: target as never });
      } else {
        target = id;
        after = typedDoc(w, i);
        op = () => coll.insertOne(after as Document);
      }
      inFlight.set(`w${w}`, { before: acked.get(target), after });
      try {
        await op();
      } catch {
        return; // the server died under us: this write was never acknowledged
      }
      inFlight.delete(`w${w}`);
      acked.set(target, after);
      if (after && target === id) mine.push(id);
      ackCount++;
    }
  };
  let alive = 8;
  const workers = Array.from({ length: 8 }, (_, k) => worker(firstWorker + k).finally(() => alive--));

  const deadline = Date.now() + 20_000; // never spin forever if the server dies on its own
  while (ackCount < minAcks && alive > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(alive).toBe(8); // the server was still taking writes when we killed it
  await stopServer(server); // mid-write: the workers are still going
  stop = true;
  await Promise.all(workers);
  await client.close(true);
  expect(ackCount).toBeGreaterThanOrEqual(minAcks);
  return { acked, inFlight };
}

/**
 * Every acknowledged write is there with its exact types, the one in flight per writer is either
 * before or after, and nothing else appeared. Returns the state found (the baseline for a next round).
 */
async function verifyAcked(server: CliRun, collName: string, acked: Map<string, Document | null>, inFlight: Map<string, InFlight>) {
  const client = await connect(server.uri);
  const found = await readAll(client, collName);
  await client.close();
  let checked = 0;
  for (const [id, want] of acked) {
    const got = found.get(id) ?? null;
    const pending = [...inFlight.values()].find((f) => (f.after ? f.after._id === id : false) || f.before?._id === id);
    if (pending) {
      // the write in flight may or may not have landed; either acknowledged-before or after is fine
      const options = [pending.before ?? null, pending.after].map((d) => (d ? typed(d) : null));
      expect(options).toContainEqual(got ? typed(got) : null);
      continue;
    }
    if (want === null) expect(got).toBeNull();
    else expect(got && typed(got)).toEqual(typed(want));
    checked++;
  }
  expect(checked).toBeGreaterThanOrEqual(acked.size - inFlight.size); // every other document was checked exactly
  expect(checked).toBeGreaterThan(100);
  // nothing appeared that was never written
  for (const id of found.keys()) expect(acked.has(id) || [...inFlight.values()].some((f) => f.after?._id === id)).toBe(true);
  // the new baseline: acknowledged ids as found, plus in-flight inserts that did land
  const baseline = new Map<string, Document | null>([...acked.keys()].map((id) => [id, found.get(id) ?? null]));
  for (const [id, doc] of found) baseline.set(id, doc);
  return baseline;
}

test('every acknowledged insert, update and delete survives kill -9 mid-write, with exact types', async () => {
  const dir = dataDir();
  const server = await startServer(dir);
  const { acked, inFlight } = await writeUntilKilled(server, 'acked', 400);
  const restarted = await startServer(dir);
  await verifyAcked(restarted, 'acked', acked, inFlight);
  await kill9(restarted);
});

test('kill -9 while automatic checkpoints run under load, twice, loses no acknowledged write', async () => {
  const dir = dataDir();
  // a 16 KiB journal threshold: a checkpoint every ~80 writes, so the kills land among them
  const env = { STORE_JOURNAL_CHECKPOINT_BYTES: String(16 * 1024) };
  const first = await startServer(dir, env);
  const round1 = await writeUntilKilled(first, 'ckload', 500);
  expect(fs.readdirSync(dir).some((f) => f.startsWith('snapshot-'))).toBe(true);

  const second = await startServer(dir, env);
  const baseline = await verifyAcked(second, 'ckload', round1.acked, round1.inFlight);
  const round2 = await writeUntilKilled(second, 'ckload', 500, baseline, 8);

  const third = await startServer(dir, env);
  await verifyAcked(third, 'ckload', round2.acked, round2.inFlight);
  await kill9(third);
});

test('SIGTERM while clients write: exits 0 and every acknowledged write is there after restart', async () => {
  const dir = dataDir();
  const server = await startServer(dir);
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const { acked, inFlight } = await writeUntilKilled(server, 'term', 300, undefined, 0, async (s) => {
    exit = await stopGracefully(s);
  });
  expect(exit).toEqual({ code: 0, signal: null });
  const restarted = await startServer(dir);
  await verifyAcked(restarted, 'term', acked, inFlight);
  await kill9(restarted);
});

test('a torn tail of the journal is skipped, the data before it is intact, and later writes are kept', async () => {
  const dir = dataDir();
  const server = await startServer(dir);
  const client = await connect(server.uri);
  const coll = client.db('durability').collection<Document>('torn');
  for (let i = 0; i < 50; i++) await coll.insertOne(typedDoc(0, i));
  await kill9(server);
  await client.close(true);

  const journals = fs.readdirSync(dir).filter((f) => f.startsWith('journal-'));
  const journal = path.join(dir, journals[journals.length - 1]);
  const intactSize = fs.statSync(journal).size;
  // what a crash in the middle of writing a frame leaves: a length that promises more than is there
  fs.appendFileSync(journal, Buffer.from([0x00, 0x10, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78, 0x01, 0x02, 0x03]));

  const second = await startServer(dir);
  expect(fs.statSync(journal).size).toBe(intactSize); // the torn bytes were cut off before new appends
  const client2 = await connect(second.uri);
  const found = await readAll(client2, 'torn');
  expect(found.size).toBe(50);
  for (let i = 0; i < 50; i++) expect(typed(found.get(`w0-${i}`)!)).toEqual(typed(typedDoc(0, i)));
  await client2.db('durability').collection<Document>('torn').insertOne(typedDoc(1, 0));
  await kill9(second);
  await client2.close(true);

  const third = await startServer(dir);
  const client3 = await connect(third.uri);
  const again = await readAll(client3, 'torn');
  expect(again.size).toBe(51);
  expect(typed(again.get('w1-0')!)).toEqual(typed(typedDoc(1, 0)));
  await client3.close();
  await kill9(third);
});

test('SIGTERM checkpoints and exits 0; restart from snapshot + journal after a later kill -9 is complete, unique index included', async () => {
  const dir = dataDir();
  const server = await startServer(dir);
  const client = await connect(server.uri);
  const coll = client.db('durability').collection<Document>('ckpt');
  await coll.insertMany(Array.from({ length: 200 }, (_, i) => typedDoc(0, i)));
  await coll.deleteMany({ i32: { $lt: 10 } });
  await coll.createIndex({ name: 1 }, { unique: true, name: 'name_unique' });
  await client.close();
  const exit = await stopGracefully(server);
  expect(exit).toEqual({ code: 0, signal: null });
  expect(server.output()).toMatch(/stopped cleanly/);
  const files = fs.readdirSync(dir);
  expect(files.filter((f) => f.startsWith('snapshot-'))).toHaveLength(1);
  expect(files).not.toContain('LOCK');

  const second = await startServer(dir);
  const client2 = await connect(second.uri);
  const coll2 = client2.db('durability').collection<Document>('ckpt');
  await coll2.updateOne({ _id: 'w0-50' as never }, { $set: { name: '已更新', dbl: new Double(7) } });
  await coll2.insertOne(typedDoc(1, 1));
  await coll2.deleteOne({ _id: 'w0-11' as never });
  await kill9(second); // now the state is snapshot (200 - 10 docs) + a journal of three writes
  await client2.close(true);

  const third = await startServer(dir);
  const client3 = await connect(third.uri);
  const found = await readAll(client3, 'ckpt');
  expect(found.size).toBe(190);
  expect(found.has('w0-5')).toBe(false);
  expect(found.has('w0-11')).toBe(false);
  expect(typed(found.get('w1-1')!)).toEqual(typed(typedDoc(1, 1)));
  expect(typed(found.get('w0-50')!)).toEqual(typed({ ...typedDoc(0, 50), name: '已更新', dbl: new Double(7) }));
  expect(typed(found.get('w0-199')!)).toEqual(typed(typedDoc(0, 199)));
  // the unique index came back from the snapshot and is enforced
  const coll3 = client3.db('durability').collection<Document>('ckpt');
  expect((await coll3.listIndexes().toArray()).find((i) => i.name === 'name_unique')).toMatchObject({ unique: true });
  await expect(coll3.insertOne({ _id: 'dup' as never, name: '已更新' })).rejects.toMatchObject({ code: 11000 });
  await client3.close();
  await kill9(third);
});

test('a unique index defined through mongoose survives kill -9 and still rejects duplicates with E11000', async () => {
  const dir = dataDir();
  const server = await startServer(dir);
  const schema = new mongoose.Schema({ personId: { type: mongoose.Schema.Types.ObjectId, required: true }, shiftId: { type: mongoose.Schema.Types.ObjectId, required: true }, site: String });
  schema.index({ personId: 1, shiftId: 1 }, { unique: true, name: 'person_shift_unique' });
  const personId = new ObjectId();
  const shiftId = new ObjectId();

  const conn = await mongoose.createConnection(server.uri, { dbName: 'durability', serverSelectionTimeoutMS: 1500 }).asPromise();
  const Assignment = conn.model('Assignment', schema);
  await Assignment.init(); // builds the indexes
  await Assignment.create({ personId, shiftId, site: '东湖社区北门卡点' });
  await kill9(server);
  await conn.close(true);

  const second = await startServer(dir);
  const conn2 = await mongoose.createConnection(second.uri, { dbName: 'durability', serverSelectionTimeoutMS: 1500, autoIndex: false }).asPromise();
  const Again = conn2.model('Assignment', schema);
  const indexes = await Again.collection.listIndexes().toArray();
  expect(indexes.find((i) => i.name === 'person_shift_unique')).toMatchObject({ unique: true, key: { personId: 1, shiftId: 1 } });
  const err = await Again.create({ personId, shiftId, site: '另一个卡点' }).then(
    () => null,
    (e: unknown) => e as { code?: number; message?: string; keyValue?: Document },
  );
  expect(err).not.toBeNull();
  expect(err!.code).toBe(11000);
  expect(err!.message).toMatch(/E11000 duplicate key error/);
  expect(String(err!.keyValue?.personId)).toBe(String(personId));
  await Again.create({ personId, shiftId: new ObjectId(), site: '另一个班次' }); // a different shift is fine
  expect(await Again.countDocuments({ personId })).toBe(2);
  await conn2.close();
  await kill9(second);
});

test('a second server on the same data directory is refused while the first runs', async () => {
  const dir = dataDir();
  const first = await startServer(dir);
  const { output, exited } = runCli(['--port', '0', '--data', dir]);
  const r = await exited;
  expect(r.code).toBe(1);
  expect(output()).toMatch(new RegExp(`in use by process ${first.serverPid}`));
  await kill9(first);
});

test('--help exits 0; bad arguments get a message naming the problem and exit code 2', async () => {
  const a = runCli(['--port', 'abc', '--data', dataDir()]);
  const b = runCli(['--port', '0']);
  const h = runCli(['--help']);
  const [ra, rb, rh] = await Promise.all([a.exited, b.exited, h.exited]);
  expect(rh.code).toBe(0);
  expect(h.output()).toMatch(/Usage: npm run store:serve -- --data <dir>/);
  expect(ra.code).toBe(2);
  expect(a.output()).toMatch(/--port must be an integer from 0 to 65535/);
  expect(rb.code).toBe(2);
  expect(b.output()).toMatch(/--data <dir> is required/);
});
