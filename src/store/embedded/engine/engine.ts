// The in-memory data set: databases -> collections. All mutations go through here so each one
// also produces the ChangeRecords the durability layer journals (and replays via applyRecord).
import { BSON, type Document } from 'mongodb';
import type { ChangeRecord } from '../persistence/types';
import { mongoError } from '../errors';
import { decodeDocument, encodeDocument } from '../wire/bsonCodec';
import { Collection } from './collection';
import type { IndexSpec } from './secondaryIndex';

export class Engine {
  readonly dbs = new Map<string, Map<string, Collection>>();

  /**
   * @param journaling whether document changes must be encoded for the journal; an in-memory
   *   server skips the BSON encoding of every written document.
   */
  constructor(private readonly journaling = true) {}

  getCollection(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  /** Returns the collection, creating it implicitly (as a write to a new collection does in MongoDB). */
  ensureCollection(db: string, name: string, records: ChangeRecord[], options: Document = {}): Collection {
    const existing = this.getCollection(db, name);
    if (existing) return existing;
    validateCollectionName(db, name);
    const coll = this.createCollectionInternal(db, name, options);
    records.push({ op: 'createCollection', db, coll: name, options });
    return coll;
  }

  private createCollectionInternal(db: string, name: string, options: Document): Collection {
    let colls = this.dbs.get(db);
    if (!colls) this.dbs.set(db, (colls = new Map()));
    const coll = new Collection(db, name, options);
    colls.set(name, coll);
    return coll;
  }

  dropCollection(db: string, name: string, records: ChangeRecord[]): Collection | undefined {
    const colls = this.dbs.get(db);
    const coll = colls?.get(name);
    if (!colls || !coll) return undefined;
    colls.delete(name);
    if (colls.size === 0) this.dbs.delete(db);
    records.push({ op: 'dropCollection', db, coll: name });
    return coll;
  }

  dropDatabase(db: string, records: ChangeRecord[]): void {
    if (!this.dbs.has(db)) return;
    this.dbs.delete(db);
    records.push({ op: 'dropDatabase', db });
  }

  // ---- document-level mutations (each records what it did) ----

  insert(coll: Collection, doc: Document, records: ChangeRecord[]): void {
    coll.insert(doc);
    if (this.journaling) records.push({ op: 'put', db: coll.db, coll: coll.name, doc: encodeDocument(doc) });
  }

  replace(coll: Collection, prev: Document, next: Document, records: ChangeRecord[]): void {
    coll.replace(prev, next);
    if (this.journaling) records.push({ op: 'put', db: coll.db, coll: coll.name, doc: encodeDocument(next) });
  }

  remove(coll: Collection, doc: Document, records: ChangeRecord[]): void {
    coll.remove(doc);
    if (this.journaling) records.push({ op: 'del', db: coll.db, coll: coll.name, id: encodeDocument({ _id: doc._id }) });
  }

  createIndex(coll: Collection, spec: IndexSpec, records: ChangeRecord[]): void {
    coll.addIndex(spec);
    records.push({ op: 'createIndex', db: coll.db, coll: coll.name, spec });
  }

  dropIndex(coll: Collection, name: string, records: ChangeRecord[]): void {
    coll.dropIndex(name);
    records.push({ op: 'dropIndex', db: coll.db, coll: coll.name, name });
  }

  // ---- durability hooks ----

  /** Replays one journal/snapshot record; used only during recovery, so it trusts its input. */
  applyRecord(r: ChangeRecord): void {
    switch (r.op) {
      case 'createCollection':
        if (!this.getCollection(r.db, r.coll)) this.createCollectionInternal(r.db, r.coll, r.options);
        return;
      case 'dropCollection': {
        const colls = this.dbs.get(r.db);
        colls?.delete(r.coll);
        if (colls && colls.size === 0) this.dbs.delete(r.db);
        return;
      }
      case 'dropDatabase':
        this.dbs.delete(r.db);
        return;
      case 'createIndex': {
        const coll = this.getCollection(r.db, r.coll) ?? this.createCollectionInternal(r.db, r.coll, {});
        if (!coll.indexes.has(r.spec.name)) coll.addIndex(r.spec as IndexSpec, false);
        return;
      }
      case 'dropIndex':
        this.getCollection(r.db, r.coll)?.dropIndex(r.name);
        return;
      case 'put': {
        const coll = this.getCollection(r.db, r.coll) ?? this.createCollectionInternal(r.db, r.coll, {});
        const doc = decodeDocument(r.doc);
        const prev = coll.getById(doc._id);
        if (prev) coll.replace(prev, doc, false);
        else coll.insert(doc, false);
        return;
      }
      case 'del': {
        const coll = this.getCollection(r.db, r.coll);
        const { _id } = decodeDocument(r.id);
        const prev = coll?.getById(_id);
        if (coll && prev) coll.remove(prev);
        return;
      }
    }
  }

  /** Records that rebuild the current state: collections, then their indexes, then documents. */
  *snapshotRecords(): Iterable<ChangeRecord> {
    for (const [db, colls] of this.dbs) {
      for (const coll of colls.values()) {
        yield { op: 'createCollection', db, coll: coll.name, options: coll.options };
        for (const ix of coll.indexes.values()) yield { op: 'createIndex', db, coll: coll.name, spec: ix.spec };
        for (const doc of coll.docs.values()) yield { op: 'put', db, coll: coll.name, doc: BSON.serialize(doc) };
      }
    }
  }
}

export function validateCollectionName(db: string, name: string): void {
  if (typeof name !== 'string' || name.length === 0) {
    throw mongoError('InvalidNamespace', `Invalid collection name: '${String(name)}'`);
  }
  if (name.includes('$') || name.includes('\0') || name.startsWith('.') || name.startsWith('system.')) {
    throw mongoError('InvalidNamespace', `Invalid collection name: ${db}.${name}`);
  }
  if (!db || /[\/\\. "$\0]/.test(db)) throw mongoError('InvalidNamespace', `Invalid database name: '${db}'`);
}
