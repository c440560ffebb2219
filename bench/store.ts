// Benchmark of the embedded MongoDB-compatible server with assignment-shaped documents.
//
//   npm run bench:store                          # 100,000 docs, in-memory and durable servers
//   npm run bench:store -- --docs 20000 --mode durable --reps 5
//   npm run bench:store -- --uri mongodb://127.0.0.1:27017   # any server, e.g. a real mongod
//
// The server runs in this process, as it does under `npm start`, so client and server share one
// event loop: figures are end-to-end through the driver/mongoose over TCP. Rates that are cheap to
// repeat are medians over --reps runs. Timing is never asserted anywhere: the machine is shared.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient, ObjectId, type Collection } from 'mongodb';
import mongoose from 'mongoose';
import { startEmbeddedServer } from '../src/store/embedded';

type Mode = 'memory' | 'durable' | 'external';

interface Options {
  docs: number;
  reps: number;
  modes: Mode[];
  uri?: string;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: {
      docs: { type: 'string', default: '100000' },
      reps: { type: 'string', default: '3' },
      mode: { type: 'string', default: 'both' },
      uri: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run bench:store -- [--docs 100000] [--reps 3] [--mode memory|durable|both] [--uri mongodb://...]');
    process.exit(0);
  }
  const docs = Number(values.docs);
  const reps = Number(values.reps);
  if (!Number.isInteger(docs) || docs < 1000) fail('--docs must be an integer of at least 1000');
  if (!Number.isInteger(reps) || reps < 1 || reps > 20) fail('--reps must be an integer from 1 to 20');
  const mode = values.mode!;
  if (!['memory', 'durable', 'both'].includes(mode)) fail(`--mode must be memory, durable or both, got "${mode}"`);
  const modes: Mode[] = values.uri ? ['external'] : mode === 'both' ? ['memory', 'durable'] : [mode as Mode];
  return { docs, reps, modes, uri: values.uri };
}

function fail(msg: string): never {
  console.error(`bench:store: ${msg}`);
  process.exit(2);
}

// ---------- data shaped like the service's assignments ----------

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'.split('');
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];
const SITES = ['东湖社区北门卡点', '西城街道菜市场', '南山村检测点', '高新区人民医院', '城关镇超市', '滨江花园东门', '火车站出站口', '第三中学'];
const STATUSES = ['ASSIGNED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED'];

interface Assignment {
  _id: ObjectId;
  personId: ObjectId;
  shiftId: ObjectId;
  site: string;
  start: Date;
  end: Date;
  status: string;
  name: string;
  hours: number;
}

function makeRng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeData(n: number) {
  const rnd = makeRng(42);
  const persons = Array.from({ length: Math.max(10, Math.floor(n / 20)) }, () => new ObjectId()); // ~20 assignments each
  const shifts = Array.from({ length: Math.max(10, Math.floor(n / 8)) }, () => new ObjectId());
  const base = Date.UTC(2026, 0, 1);
  const docs: Assignment[] = [];
  for (let i = 0; i < n; i++) {
    const p = Math.floor(rnd() * persons.length);
    const start = new Date(base + Math.floor(rnd() * 60 * 24) * 3600_000);
    docs.push({
      _id: new ObjectId(),
      personId: persons[p],
      shiftId: shifts[Math.floor(rnd() * shifts.length)],
      site: SITES[Math.floor(rnd() * SITES.length)],
      start,
      end: new Date(start.getTime() + 8 * 3600_000),
      status: STATUSES[Math.floor(rnd() * STATUSES.length)],
      name: SURNAMES[p % SURNAMES.length] + GIVEN[p % GIVEN.length],
      hours: 8,
    });
  }
  return { docs, persons, rnd };
}

// ---------- timing helpers ----------

async function rate(count: number, fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (count * 1000) / (performance.now() - t0);
}

async function medianRate(reps: number, count: number, fn: () => Promise<void>): Promise<number> {
  const rates: number[] = [];
  for (let r = 0; r < reps; r++) rates.push(await rate(count, fn));
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

async function inParallel(workers: number, total: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < total) await fn(next++);
    }),
  );
}

const pick = <T>(arr: T[], rnd: () => number) => arr[Math.floor(rnd() * arr.length)];

// ---------- one run against one server ----------

type Row = [metric: string, value: string];

async function runAgainst(uri: string, opts: Options, log: (s: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));
  const dbName = `bench_store_${process.pid}`;
  const client = await MongoClient.connect(uri, { maxPoolSize: 32 });
  const db = client.db(dbName);
  await db.dropDatabase();
  const coll: Collection<Assignment> = db.collection<Assignment>('assignments');
  const { docs, persons, rnd } = makeData(opts.docs);
  const few = Math.min(2000, Math.floor(opts.docs / 20));

  // warm-up: let the JIT compile the hot paths of driver and server before anything is timed
  const warm = makeData(2000).docs;
  await db.collection('warmup').insertMany(warm);
  for (let i = 0; i < 300; i++) await db.collection('warmup').findOne({ _id: warm[i]._id });
  await db.collection('warmup').drop();

  log(`  insertMany ${opts.docs} docs in batches of 1000`);
  const insertManyRate = await rate(opts.docs, async () => {
    for (let i = 0; i < docs.length; i += 1000) await coll.insertMany(docs.slice(i, i + 1000), { ordered: true });
  });
  rows.push(['inserts/s, insertMany batches of 1000', fmt(insertManyRate)]);

  const single = makeData(few * 2).docs;
  const singleRate = await rate(few, async () => {
    for (let i = 0; i < few; i++) await db.collection('singles').insertOne(single[i]);
  });
  rows.push([`inserts/s, single insertOne, 1 client (${few})`, fmt(singleRate)]);
  const concRate = await rate(few, () => inParallel(16, few, (i) => db.collection('singles').insertOne(single[few + i])));
  rows.push([`inserts/s, single insertOne, 16 concurrent (${few})`, fmt(concRate)]);

  log('  finds by _id');
  const byId = await medianRate(opts.reps, few, async () => {
    for (let i = 0; i < few; i++) await coll.findOne({ _id: pick(docs, rnd)._id });
  });
  rows.push([`finds by _id/s (${few}, median of ${opts.reps})`, fmt(byId)]);

  log('  equality query on personId without an index');
  const scans = Math.max(5, Math.min(50, Math.floor(2_000_000 / opts.docs)));
  let found = 0;
  const unindexed = await medianRate(opts.reps, scans, async () => {
    for (let i = 0; i < scans; i++) found += (await coll.find({ personId: pick(persons, rnd) }).toArray()).length;
  });
  rows.push([`personId equality finds/s, NO index (${scans}, median)`, fmt(unindexed)]);

  const tIdx = performance.now();
  await coll.createIndex({ personId: 1 });
  rows.push(['createIndex personId (ms)', fmt(performance.now() - tIdx)]);

  log('  same query with the index');
  const indexed = await medianRate(opts.reps, few, async () => {
    for (let i = 0; i < few; i++) found += (await coll.find({ personId: pick(persons, rnd) }).toArray()).length;
  });
  rows.push([`personId equality finds/s, indexed (${few}, median)`, fmt(indexed)]);
  rows.push(['index speed-up on that query (x)', fmt(indexed / unindexed)]);
  if (found === 0) throw new Error('the equality queries found nothing: the benchmark data is wrong');

  log('  updates through mongoose');
  const conn = await mongoose.createConnection(uri, { dbName, maxPoolSize: 32 }).asPromise();
  const Model = conn.model(
    'Assignment',
    new mongoose.Schema({ personId: mongoose.Schema.Types.ObjectId, status: String, hours: Number }, { collection: 'assignments', strict: false }),
  );
  const updSeq = await medianRate(opts.reps, few, async () => {
    for (let i = 0; i < few; i++) await Model.updateOne({ _id: pick(docs, rnd)._id }, { $set: { status: 'CHECKED_IN' }, $inc: { hours: 1 } });
  });
  rows.push([`updates/s, mongoose updateOne, 1 client (${few}, median)`, fmt(updSeq)]);
  const updConc = await medianRate(opts.reps, few, () =>
    inParallel(16, few, () => Model.updateOne({ _id: pick(docs, rnd)._id }, { $set: { status: 'COMPLETED' } })),
  );
  rows.push([`updates/s, mongoose updateOne, 16 concurrent (${few}, median)`, fmt(updConc)]);
  await conn.close();

  const total = await coll.countDocuments();
  if (total !== opts.docs) throw new Error(`expected ${opts.docs} documents, the server counts ${total}`);
  // leave nothing behind on a server that outlives the benchmark; the embedded durable one keeps
  // its data for the restart timing and is deleted with its directory
  if (opts.modes.includes('external')) await db.dropDatabase();
  await client.close();
  return rows;
}

function dirSizes(dir: string): { snapshot: number; journal: number } {
  let snapshot = 0;
  let journal = 0;
  for (const f of fs.readdirSync(dir)) {
    const size = fs.statSync(path.join(dir, f)).size;
    if (f.startsWith('snapshot-')) snapshot += size;
    if (f.startsWith('journal-')) journal += size;
  }
  return { snapshot, journal };
}

const mib = (b: number) => (b / 1024 / 1024).toFixed(1);

/** Restart figures: from a crash image (journal replay) and after a clean shutdown (snapshot). */
async function restartRows(dataDir: string, close: () => Promise<void>, opts: Options): Promise<Row[]> {
  const rows: Row[] = [];
  // A copy of the directory taken while the server runs is what kill -9 would leave behind.
  const crashCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-store-crash-'));
  fs.cpSync(dataDir, crashCopy, { recursive: true });
  fs.rmSync(path.join(crashCopy, 'LOCK'), { force: true });
  const crashSizes = dirSizes(crashCopy);
  await close();
  const cleanSizes = dirSizes(dataDir);

  const timeStart = async (dir: string) => {
    const times: number[] = [];
    for (let r = 0; r < Math.min(opts.reps, 3); r++) {
      const t0 = performance.now();
      const s = await startEmbeddedServer({ port: 0, host: '127.0.0.1', dataDir: dir });
      const ms = performance.now() - t0;
      const c = await MongoClient.connect(s.uri);
      const n = await c.db(`bench_store_${process.pid}`).collection('assignments').estimatedDocumentCount();
      await c.close();
      if (n !== opts.docs) throw new Error(`after restart the server holds ${n} assignments, expected ${opts.docs}`);
      times.push(ms);
      // only the first start of the crash copy replays the journal; later ones find the snapshot its close wrote
      await s.close();
      if (dir === crashCopy) break;
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };
  const crashMs = await timeStart(crashCopy);
  rows.push([
    `restart after a crash (ms): snapshot ${mib(crashSizes.snapshot)} MiB + journal ${mib(crashSizes.journal)} MiB`,
    Math.round(crashMs).toLocaleString('en-US'),
  ]);
  const cleanMs = await timeStart(dataDir);
  rows.push([
    `restart after clean shutdown (ms, median): snapshot ${mib(cleanSizes.snapshot)} MiB + journal ${mib(cleanSizes.journal)} MiB`,
    Math.round(cleanMs).toLocaleString('en-US'),
  ]);
  fs.rmSync(crashCopy, { recursive: true, force: true });
  return rows;
}

async function main() {
  const opts = parseOptions();
  const results = new Map<Mode, Row[]>();
  const log = (s: string) => process.stderr.write(s + '\n');
  for (const mode of opts.modes) {
    log(`[${mode}]`);
    if (mode === 'external') {
      results.set(mode, await runAgainst(opts.uri!, opts, log));
      continue;
    }
    const dataDir = mode === 'durable' ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-store-')) : undefined;
    const server = await startEmbeddedServer({ port: 0, host: '127.0.0.1', dataDir });
    try {
      const rows = await runAgainst(server.uri, opts, log);
      if (dataDir) {
        log('  restart timing');
        rows.push(...(await restartRows(dataDir, () => server.close(), opts)));
      } else {
        await server.close();
      }
      results.set(mode, rows);
    } finally {
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  printTable(opts, results);
}

function printTable(opts: Options, results: Map<Mode, Row[]>) {
  const modes = [...results.keys()];
  const metrics: string[] = [];
  for (const rows of results.values()) for (const [m] of rows) if (!metrics.includes(m)) metrics.push(m);
  const header = ['metric', ...modes];
  const body = metrics.map((m) => [m, ...modes.map((mode) => results.get(mode)!.find(([k]) => k === m)?.[1] ?? '–')]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((r) => r[c].length)));
  const line = (r: string[]) => '| ' + r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join(' | ') + ' |';
  console.log(`\nbench:store — ${opts.docs.toLocaleString('en-US')} assignment documents, node ${process.version}, ${os.cpus().length} CPUs, ${new Date().toISOString()}`);
  console.log(line(header));
  console.log('|' + widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
  for (const r of body) console.log(line(r));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
