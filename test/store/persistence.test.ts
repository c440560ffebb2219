// Unit tests of the journal + snapshot storage, called directly (no server).
// A "crash" is simulated by copying the data directory while the store is still open: the copy
// holds exactly the bytes the store has written, as a machine crash would leave them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BSON, Decimal128, Double, Int32, Long, ObjectId } from 'mongodb';
import {
  DataDirLockedError,
  JournalCorruptError,
  JournalFailedError,
  SnapshotCorruptError,
  openPersistence,
  type ChangeRecord,
  type Persistence,
} from '../../src/store/embedded/persistence';
import { nodeDurableIO, type DurableIO } from '../../src/store/embedded/persistence/durableIO';

/** A minimal stand-in for the engine's state: what the records describe, keyed like the engine would. */
class ModelState {
  readonly docs = new Map<string, Map<string, Uint8Array>>(); // ns -> idKey -> bson
  readonly indexes = new Map<string, Map<string, BSON.Document>>(); // ns -> name -> spec

  apply = (r: ChangeRecord): void => {
    switch (r.op) {
      case 'put': {
        const id = BSON.deserialize(r.doc, { promoteValues: false })._id;
        this.coll(r.db, r.coll).set(idKey(id), Uint8Array.from(r.doc));
        break;
      }
      case 'del':
        this.coll(r.db, r.coll).delete(idKey(BSON.deserialize(r.id, { promoteValues: false })._id));
        break;
      case 'createCollection':
        this.coll(r.db, r.coll);
        break;
      case 'dropCollection':
        this.docs.delete(`${r.db}.${r.coll}`);
        this.indexes.delete(`${r.db}.${r.coll}`);
        break;
      case 'dropDatabase':
        for (const ns of [...this.docs.keys()]) if (ns.startsWith(r.db + '.')) this.docs.delete(ns);
        for (const ns of [...this.indexes.keys()]) if (ns.startsWith(r.db + '.')) this.indexes.delete(ns);
        break;
      case 'createIndex':
        this.coll(r.db, r.coll);
        this.indexes.get(`${r.db}.${r.coll}`)!.set(r.spec.name, r.spec);
        break;
      case 'dropIndex':
        this.indexes.get(`${r.db}.${r.coll}`)?.delete(r.name);
        break;
    }
  };

  *records(): Iterable<ChangeRecord> {
    for (const [ns, docs] of this.docs) {
      const [db, coll] = splitNs(ns);
      yield { op: 'createCollection', db, coll, options: {} };
      for (const spec of this.indexes.get(ns)?.values() ?? []) yield { op: 'createIndex', db, coll, spec };
      for (const doc of docs.values()) yield { op: 'put', db, coll, doc };
    }
  }

  /** applies in memory and returns the record, like the engine does before append */
  put(db: string, coll: string, doc: BSON.Document): ChangeRecord {
    const r: ChangeRecord = { op: 'put', db, coll, doc: BSON.serialize(doc) };
    this.apply(r);
    return r;
  }

  del(db: string, coll: string, id: unknown): ChangeRecord {
    const r: ChangeRecord = { op: 'del', db, coll, id: BSON.serialize({ _id: id }) };
    this.apply(r);
    return r;
  }

  dump(): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const [ns, docs] of this.docs) {
      out[ns] = {};
      for (const [k, v] of docs) out[ns][k] = Buffer.from(v).toString('hex');
    }
    return out;
  }

  private coll(db: string, coll: string): Map<string, Uint8Array> {
    const ns = `${db}.${coll}`;
    if (!this.docs.has(ns)) {
      this.docs.set(ns, new Map());
      this.indexes.set(ns, new Map());
    }
    return this.docs.get(ns)!;
  }
}

function idKey(id: unknown): string {
  return Buffer.from(BSON.serialize({ _id: id })).toString('hex');
}
function splitNs(ns: string): [string, string] {
  const i = ns.indexOf('.');
  return [ns.slice(0, i), ns.slice(i + 1)];
}

const tmpRoots: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-test-'));
  tmpRoots.push(d);
  return d;
}
afterAll(() => {
  for (const d of tmpRoots) fs.rmSync(d, { recursive: true, force: true });
});

/** What a crash right now would leave on disk. */
function crashImage(dir: string): string {
  const img = tmpDir();
  fs.cpSync(dir, img, { recursive: true });
  return img;
}

async function open(dir: string, opts: { limit?: number; io?: DurableIO } = {}) {
  const model = new ModelState();
  const p = await openPersistence(
    { dir, snapshotSource: () => model.records(), journalBytesBeforeCheckpoint: opts.limit },
    { io: opts.io },
  );
  const report = await p.recover(model.apply);
  return { p, model, report };
}

const open_: Persistence[] = [];
afterEach(async () => {
  for (const p of open_.splice(0)) await p.close().catch(() => undefined);
});
async function openTracked(dir: string, opts: { limit?: number; io?: DurableIO } = {}) {
  const r = await open(dir, opts);
  open_.push(r.p);
  return r;
}

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms: ${cond.toString()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function journalFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.startsWith('journal-')).sort();
}
function snapshotFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.startsWith('snapshot-')).sort();
}

const typedDoc = (i: number) => ({
  _id: new ObjectId(),
  n: i,
  i32: new Int32(i),
  i64: Long.fromString('9007199254740993'),
  dbl: new Double(2),
  dec: Decimal128.fromString('12345.6789'),
  at: new Date(Date.UTC(2020, 1, 3, 4, 5, 6, 789)),
  name: `张三${i}`,
});

describe('persistence: journal', () => {
  test('an empty directory recovers to nothing and creates the first journal', async () => {
    const dir = tmpDir();
    const { report } = await openTracked(dir);
    expect(report).toMatchObject({ snapshotRecords: 0, journalRecords: 0, tornBytesSkipped: 0 });
    expect(journalFiles(dir)).toEqual(['journal-000000000001.log']);
  });

  test('appended records survive a crash with their exact BSON bytes and types', async () => {
    const dir = tmpDir();
    const { p, model } = await openTracked(dir);
    await p.append([{ op: 'createCollection', db: 'app', coll: 'people', options: { capped: false } }]);
    await p.append([{ op: 'createIndex', db: 'app', coll: 'people', spec: { name: 'n_1', key: { n: 1 }, unique: true } }]);
    const docs = [typedDoc(1), typedDoc(2), typedDoc(3)];
    await p.append(docs.map((d) => model.put('app', 'people', d)));
    await p.append([model.del('app', 'people', docs[1]._id)]);
    await p.append([model.put('app', 'people', { ...docs[2], n: 33 })]);

    const img = crashImage(dir);
    const { model: back, report } = await openTracked(img);
    expect(report).toMatchObject({ snapshotRecords: 0, journalRecords: 7, tornBytesSkipped: 0 });
    expect(back.dump()).toEqual(model.dump());
    expect(back.indexes.get('app.people')!.get('n_1')).toEqual({ name: 'n_1', key: { n: 1 }, unique: true });
    const d1 = BSON.deserialize(back.docs.get('app.people')!.get(idKey(docs[0]._id))!, { promoteValues: false });
    expect(d1.i32).toBeInstanceOf(Int32);
    expect(d1.i64).toBeInstanceOf(Long);
    expect(d1.i64.toString()).toBe('9007199254740993');
    expect(d1.dbl).toBeInstanceOf(Double);
    expect(d1.dec).toBeInstanceOf(Decimal128);
    expect(d1.dec.toString()).toBe('12345.6789');
    expect(d1.at).toEqual(new Date(Date.UTC(2020, 1, 3, 4, 5, 6, 789)));
    expect(d1.name.toString()).toBe('张三1');
  });

  test('a write of many records is one unit: a torn frame drops the whole write, never part of it', async () => {
    const dir = tmpDir();
    const { p, model } = await openTracked(dir);
    await p.append([model.put('app', 'a', { _id: 1 })]);
    const sizeBefore = fs.statSync(path.join(dir, journalFiles(dir)[0])).size;
    await p.append(Array.from({ length: 50 }, (_, i) => model.put('app', 'a', { _id: 100 + i, v: 'x'.repeat(100) })));
    const img = crashImage(dir);
    const j = path.join(img, journalFiles(img)[0]);
    const full = fs.statSync(j).size;
    fs.truncateSync(j, sizeBefore + Math.floor((full - sizeBefore) / 2)); // crash halfway through the batch's frame

    const { model: back, report } = await openTracked(img);
    expect(report.journalRecords).toBe(1);
    expect(report.tornBytesSkipped).toBe(Math.floor((full - sizeBefore) / 2));
    expect([...back.docs.get('app.a')!.keys()]).toEqual([idKey(1)]);
  });

  test('garbage after the last frame is skipped, reported, truncated away, and later appends are clean', async () => {
    const dir = tmpDir();
    const { p, model } = await openTracked(dir);
    for (let i = 0; i < 10; i++) await p.append([model.put('app', 'a', { _id: i, name: '李四' })]);
    const img = crashImage(dir);
    const j = path.join(img, journalFiles(img)[0]);
    const garbage = Buffer.from([0x27, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5]);
    fs.appendFileSync(j, garbage);

    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const second = await open(img);
    const warnings = warn.mock.calls.map((c) => String(c[0]));
    warn.mockRestore();
    expect(warnings.join('\n')).toMatch(new RegExp(`cut ${garbage.length} bytes .* journal-000000000001\\.log`));
    expect(second.report.tornBytesSkipped).toBe(garbage.length);
    expect(second.report.journalRecords).toBe(10);
    expect(second.model.dump()).toEqual(model.dump());
    await second.p.append([second.model.put('app', 'a', { _id: 'after-torn' })]);
    const img2 = crashImage(img);
    await second.p.close();

    const third = await openTracked(img2);
    expect(third.report.tornBytesSkipped).toBe(0);
    expect(third.report.journalRecords).toBe(11);
    expect(third.model.docs.get('app.a')!.has(idKey('after-torn'))).toBe(true);
  });

  test('a zero-filled tail (file extended without its data) counts as torn, not as empty records', async () => {
    const dir = tmpDir();
    const { p, model } = await openTracked(dir);
    await p.append([model.put('app', 'a', { _id: 1 })]);
    const img = crashImage(dir);
    fs.appendFileSync(path.join(img, journalFiles(img)[0]), Buffer.alloc(4096));
    const { report, model: back } = await openTracked(img);
    expect(report.tornBytesSkipped).toBe(4096);
    expect(back.dump()).toEqual(model.dump());
  });

  test('concurrent appends share fsyncs (group commit) and each resolves only once durable', async () => {
    const dir = tmpDir();
    let syncs = 0;
    const io: DurableIO = {
      datasync: async (fh, p) => {
        syncs++;
        await nodeDurableIO.datasync(fh, p);
      },
      syncDir: nodeDurableIO.syncDir,
    };
    const { p, model } = await openTracked(dir, { io });
    const base = syncs;
    const n = 200;
    const acked: number[] = [];
    await Promise.all(
      Array.from({ length: n }, (_, i) => p.append([model.put('app', 'g', { _id: i })]).then(() => acked.push(i))),
    );
    expect(acked).toHaveLength(n);
    expect(syncs - base).toBeLessThan(n / 4); // most appends rode along with another's fsync
    const { model: back } = await openTracked(crashImage(dir));
    expect(back.docs.get('app.g')!.size).toBe(n);
  });

  test('a failed fsync is never acknowledged, and the journal refuses writes from then on', async () => {
    const dir = tmpDir();
    let fail = false;
    const io: DurableIO = {
      datasync: async (fh, p) => {
        if (fail) throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
        await nodeDurableIO.datasync(fh, p);
      },
      syncDir: nodeDurableIO.syncDir,
    };
    const { p, model } = await openTracked(dir, { io });
    await p.append([model.put('app', 'a', { _id: 1 })]);
    fail = true;
    const results = await Promise.allSettled([1, 2, 3].map((i) => p.append([model.put('app', 'a', { _id: 10 + i })])));
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(JournalFailedError);
      expect(String((r as PromiseRejectedResult).reason.message)).toMatch(/not acknowledged.*EIO/);
    }
    fail = false; // even if the disk "recovers", the journal stays closed to writes
    await expect(p.append([model.put('app', 'a', { _id: 99 })])).rejects.toBeInstanceOf(JournalFailedError);
  });

  test('append before recover() is refused', async () => {
    const dir = tmpDir();
    const p = await openPersistence({ dir, snapshotSource: () => [] });
    open_.push(p);
    await expect(p.append([{ op: 'dropDatabase', db: 'x' }])).rejects.toThrow(/before recover/);
  });

  test('bad options are rejected with the option named', async () => {
    await expect(openPersistence({ dir: '', snapshotSource: () => [] })).rejects.toThrow(/"dir"/);
    await expect(openPersistence({ dir: tmpDir(), snapshotSource: undefined as never })).rejects.toThrow(/"snapshotSource"/);
    await expect(openPersistence({ dir: tmpDir(), snapshotSource: () => [], journalBytesBeforeCheckpoint: -1 })).rejects.toThrow(
      /"journalBytesBeforeCheckpoint"/,
    );
  });
});

describe('persistence: snapshots and checkpoints', () => {
  test('checkpoint writes a snapshot, starts a fresh journal, and restart = snapshot + journal', async () => {
    const dir = tmpDir();
    const { p, model } = await openTracked(dir);
    await p.append([{ op: 'createIndex', db: 'app', coll: 'a', spec: { name: 'k_1', key: { k: 1 }, unique: true } }]);
    model.apply({ op: 'createIndex', db: 'app', coll: 'a', spec: { name: 'k_1', key: { k: 1 }, unique: true } });
    for (let i = 0; i < 20; i++) await p.append([model.put('app', 'a', { _id: i, k: i })]);
    await p.checkpoint();
    expect(snapshotFiles(dir)).toEqual(['snapshot-000000000002.snap']);
    expect(journalFiles(dir)).toEqual(['journal-000000000002.log']);
    await p.append([model.del('app', 'a', 3)]);
    await p.append([model.put('app', 'a', { _id: 'new', k: 100 })]);

    const { model: back, report } = await openTracked(crashImage(dir));
    expect(report.snapshotRecords).toBe(22); // createCollection + createIndex + 20 docs
    expect(report.journalRecords).toBe(2);
    expect(back.dump()).toEqual(model.dump());
    expect(back.indexes.get('app.a')!.get('k_1')).toMatchObject({ unique: true });
  });

  test('close() checkpoints so the next start reads one snapshot and an empty journal', async () => {
    const dir = tmpDir();
    const first = await open(dir);
    for (let i = 0; i < 5; i++) await first.p.append([first.model.put('app', 'a', { _id: i })]);
    await first.p.close();
    expect(fs.existsSync(path.join(dir, 'LOCK'))).toBe(false);
    const { report, model } = await openTracked(dir);
    expect(report).toMatchObject({ snapshotRecords: 6, journalRecords: 0 });
    expect(model.dump()).toEqual(first.model.dump());
  });

  test('the journal is checkpointed automatically past journalBytesBeforeCheckpoint', async () => {
    const dir = tmpDir();
    const limit = 8 * 1024;
    const { p, model } = await openTracked(dir, { limit });
    const n = 100;
    for (let i = 0; i < n; i++) await p.append([model.put('app', 'a', { _id: i, pad: 'x'.repeat(200) })]);
    // no explicit checkpoint: the ~24 KiB of writes crossed the 8 KiB limit, so one must have run
    // (it runs in the background, so give the last one a moment to land)
    await waitFor(() => snapshotFiles(dir).length > 0);
    const { report, model: back } = await openTracked(crashImage(dir));
    expect(back.dump()).toEqual(model.dump());
    // restart reads mostly snapshot, only the tail written since the last checkpoint from journals
    expect(report.snapshotRecords).toBeGreaterThan(0);
    expect(report.journalRecords).toBeLessThan(n / 2);
  });

  test('STORE_JOURNAL_CHECKPOINT_BYTES sets the threshold when the caller gives none, and is validated', async () => {
    const saved = process.env.STORE_JOURNAL_CHECKPOINT_BYTES;
    try {
      process.env.STORE_JOURNAL_CHECKPOINT_BYTES = 'lots';
      await expect(openPersistence({ dir: tmpDir(), snapshotSource: () => [] })).rejects.toThrow(
        /STORE_JOURNAL_CHECKPOINT_BYTES must be a positive whole number of bytes, got "lots"/,
      );
      process.env.STORE_JOURNAL_CHECKPOINT_BYTES = '4096';
      const dir = tmpDir();
      const { p, model } = await openTracked(dir);
      for (let i = 0; i < 40; i++) await p.append([model.put('app', 'a', { _id: i, pad: 'x'.repeat(200) })]);
      await waitFor(() => snapshotFiles(dir).length > 0); // ~9 KiB of writes crossed 4 KiB
    } finally {
      if (saved === undefined) delete process.env.STORE_JOURNAL_CHECKPOINT_BYTES;
      else process.env.STORE_JOURNAL_CHECKPOINT_BYTES = saved;
    }
  });

  test('crash before the snapshot is renamed: old snapshot + both journals give the full state', async () => {
    const dir = tmpDir();
    let failTmpSync = false;
    const io: DurableIO = {
      datasync: async (fh, p) => {
        if (failTmpSync && p.endsWith('.snap.tmp')) throw new Error('simulated crash while writing the snapshot');
        await nodeDurableIO.datasync(fh, p);
      },
      syncDir: nodeDurableIO.syncDir,
    };
    const { p, model } = await openTracked(dir, { io });
    for (let i = 0; i < 5; i++) await p.append([model.put('app', 'a', { _id: i })]);
    await p.checkpoint(); // snapshot 2, journal 2
    for (let i = 5; i < 10; i++) await p.append([model.put('app', 'a', { _id: i })]);
    failTmpSync = true;
    await expect(p.checkpoint()).rejects.toThrow(/simulated crash/);
    await p.append([model.put('app', 'a', { _id: 'after' })]); // goes to journal 3; journal writes still work
    const img = crashImage(dir);
    fs.writeFileSync(path.join(img, 'snapshot-000000000003.snap.tmp'), 'half a snapshot'); // as a crash mid-write leaves it
    expect(snapshotFiles(img)).toEqual(['snapshot-000000000002.snap', 'snapshot-000000000003.snap.tmp']);
    expect(journalFiles(img)).toEqual(['journal-000000000002.log', 'journal-000000000003.log']);

    const { model: back, report } = await openTracked(img);
    expect(back.dump()).toEqual(model.dump());
    expect(report).toMatchObject({ snapshotRecords: 6, journalRecords: 6 });
    expect(fs.readdirSync(img).some((f) => f.endsWith('.tmp'))).toBe(false);

    // the running store: the next successful checkpoint also removes what the failed one left
    failTmpSync = false;
    await p.checkpoint();
    expect(snapshotFiles(dir)).toEqual(['snapshot-000000000004.snap']);
    expect(journalFiles(dir)).toEqual(['journal-000000000004.log']);
  });

  test('crash after the rename but before old files are removed: the new snapshot wins, leftovers are removed', async () => {
    const dir = tmpDir();
    let dirSyncs = 0;
    let failAtDirSync = -1;
    const io: DurableIO = {
      datasync: nodeDurableIO.datasync,
      syncDir: async (d) => {
        if (++dirSyncs === failAtDirSync) throw new Error('simulated crash after rename');
        await nodeDurableIO.syncDir(d);
      },
    };
    const { p, model } = await openTracked(dir, { io });
    for (let i = 0; i < 5; i++) await p.append([model.put('app', 'a', { _id: i })]);
    await p.checkpoint();
    for (let i = 5; i < 10; i++) await p.append([model.put('app', 'a', { _id: i })]);
    // checkpoint syncs the directory after creating journal 3, then after renaming snapshot 3
    failAtDirSync = dirSyncs + 2;
    await expect(p.checkpoint()).rejects.toThrow(/simulated crash after rename/);
    const img = crashImage(dir);
    expect(snapshotFiles(img)).toEqual(['snapshot-000000000002.snap', 'snapshot-000000000003.snap']);
    expect(journalFiles(img)).toEqual(['journal-000000000002.log', 'journal-000000000003.log']);

    const { model: back, report } = await openTracked(img);
    expect(back.dump()).toEqual(model.dump());
    expect(report).toMatchObject({ snapshotRecords: 11, journalRecords: 0 });
    expect(snapshotFiles(img)).toEqual(['snapshot-000000000003.snap']);
    expect(journalFiles(img)).toEqual(['journal-000000000003.log']);
  });

  test('writes racing a checkpoint land in the snapshot or the new journal, none lost', async () => {
    const dir = tmpDir();
    const { p, model } = await openTracked(dir);
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 300; i++) {
      writes.push(p.append([model.put('app', 'r', { _id: i, v: i })]));
      if (i % 100 === 50) writes.push(p.checkpoint());
    }
    await Promise.all(writes);
    const { model: back } = await openTracked(crashImage(dir));
    expect(back.dump()).toEqual(model.dump());
  });

  test('a snapshot that lost its tail is refused instead of loading part of the data', async () => {
    const dir = tmpDir();
    const first = await open(dir);
    for (let i = 0; i < 5; i++) await first.p.append([first.model.put('app', 'a', { _id: i })]);
    await first.p.close();
    const snap = path.join(dir, snapshotFiles(dir)[0]);
    fs.truncateSync(snap, fs.statSync(snap).size - 3);
    const p = await openPersistence({ dir, snapshotSource: () => [] });
    await expect(p.recover(() => undefined)).rejects.toBeInstanceOf(SnapshotCorruptError);
    // the failed recovery released the directory
    const again = await openPersistence({ dir, snapshotSource: () => [] });
    await again.close();
  });

  test('corruption in a journal that is not the newest is an error, not a silently skipped tail', async () => {
    const dir = tmpDir();
    let failTmpSync = false;
    const io: DurableIO = {
      datasync: async (fh, p) => {
        if (failTmpSync && p.endsWith('.tmp')) throw new Error('no snapshot this time');
        await nodeDurableIO.datasync(fh, p);
      },
      syncDir: nodeDurableIO.syncDir,
    };
    const { p, model } = await openTracked(dir, { io });
    for (let i = 0; i < 5; i++) await p.append([model.put('app', 'a', { _id: i })]);
    failTmpSync = true;
    await expect(p.checkpoint()).rejects.toThrow(); // leaves journal 1 and journal 2, no snapshot
    await p.append([model.put('app', 'a', { _id: 5 })]);
    const img = crashImage(dir);
    const j1 = path.join(img, 'journal-000000000001.log');
    const bytes = fs.readFileSync(j1);
    bytes[bytes.length - 2] ^= 0xff;
    fs.writeFileSync(j1, bytes);
    const q = await openPersistence({ dir: img, snapshotSource: () => [] });
    await expect(q.recover(() => undefined)).rejects.toBeInstanceOf(JournalCorruptError);
  });
});

describe('persistence: damaged files', () => {
  test('a newest journal with a damaged header is refused, not discarded as a torn tail', async () => {
    const dir = tmpDir();
    const { p, model } = await openTracked(dir);
    await p.append([model.put('app', 'a', { _id: 1 })]);
    const img = crashImage(dir);
    const j = path.join(img, journalFiles(img)[0]);
    const bytes = fs.readFileSync(j);
    bytes[0] ^= 0xff;
    fs.writeFileSync(j, bytes);
    const q = await openPersistence({ dir: img, snapshotSource: () => [] });
    await expect(q.recover(() => undefined)).rejects.toThrow(/journal-000000000001\.log is corrupt .*file header/);
  });

  test('a newest journal that is all zeros (created, never written) counts as torn and is recreated', async () => {
    const dir = tmpDir();
    const first = await open(dir);
    for (let i = 0; i < 3; i++) await first.p.append([first.model.put('app', 'a', { _id: i })]);
    await first.p.close(); // snapshot 2 + empty journal 2
    fs.writeFileSync(path.join(dir, journalFiles(dir)[0]), Buffer.alloc(4096));
    const { p, model, report } = await openTracked(dir);
    expect(report).toMatchObject({ snapshotRecords: 4, journalRecords: 0, tornBytesSkipped: 4096 });
    expect(model.dump()).toEqual(first.model.dump());
    await p.append([model.put('app', 'a', { _id: 'next' })]);
    const { model: back } = await openTracked(crashImage(dir));
    expect(back.docs.get('app.a')!.has(idKey('next'))).toBe(true);
  });
});

describe('persistence: missing files', () => {
  test('a removed snapshot is noticed instead of replaying only the journal after it', async () => {
    const dir = tmpDir();
    const first = await open(dir);
    await first.p.append([first.model.put('app', 'a', { _id: 1 })]);
    await first.p.checkpoint(); // snapshot 2, journal 2
    await first.p.append([first.model.put('app', 'a', { _id: 2 })]);
    const img = crashImage(dir);
    await first.p.close();
    fs.rmSync(path.join(img, 'snapshot-000000000002.snap'));
    const q = await openPersistence({ dir: img, snapshotSource: () => [] });
    await expect(q.recover(() => undefined)).rejects.toThrow(/no snapshot holds the writes before journal 2/);
  });
});

describe('persistence: directory lock', () => {
  test('a second open of the same directory is refused while the first is open', async () => {
    const dir = tmpDir();
    await openTracked(dir);
    await expect(openPersistence({ dir, snapshotSource: () => [] })).rejects.toBeInstanceOf(DataDirLockedError);
  });

  test('another live process holding the lock is named in the error', async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'LOCK'), `${process.ppid}\n`); // a process that is certainly alive
    await expect(openPersistence({ dir, snapshotSource: () => [] })).rejects.toThrow(
      new RegExp(`in use by process ${process.ppid}`),
    );
  });

  test('a lock whose pid now belongs to an unrelated process (pid reuse after a restart) is taken over', async () => {
    const dir = tmpDir();
    // the parent process is alive, but the lock says it was started at another time
    fs.writeFileSync(path.join(dir, 'LOCK'), `${process.ppid}\n\n1\n`);
    const { p } = await openTracked(dir);
    expect(fs.readFileSync(path.join(dir, 'LOCK'), 'utf8').split('\n')[0]).toBe(String(process.pid));
    await p.close();
  });

  test('a lock written before a reboot (other boot id) is taken over', async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'LOCK'), `${process.ppid}\n00000000-0000-0000-0000-000000000000\n\n`);
    const { p } = await openTracked(dir);
    await p.close();
  });

  test('a lock left by a dead process (kill -9) is taken over', async () => {
    const dir = tmpDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    fs.writeFileSync(path.join(dir, 'LOCK'), `${dead.stdout.toString()}\n`);
    const { p } = await openTracked(dir);
    expect(fs.readFileSync(path.join(dir, 'LOCK'), 'utf8').split('\n')[0]).toBe(String(process.pid));
    await p.close();
    expect(fs.existsSync(path.join(dir, 'LOCK'))).toBe(false);
  });
});

describe('persistence: data directory creation', () => {
  test('a missing data directory is created, and its new names are synced up to the existing parent', async () => {
    const root = tmpDir();
    const dir = path.join(root, 'a', 'b', 'data');
    const synced: string[] = [];
    const io: DurableIO = {
      datasync: nodeDurableIO.datasync,
      syncDir: async (d) => {
        synced.push(path.resolve(d));
        await nodeDurableIO.syncDir(d);
      },
    };
    const { p } = await openTracked(dir, { io });
    expect(fs.statSync(dir).isDirectory()).toBe(true);
    for (const d of [path.join(root, 'a', 'b'), path.join(root, 'a'), root]) expect(synced).toContain(d);
    await p.close();
  });
});
