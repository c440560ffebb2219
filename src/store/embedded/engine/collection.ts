// A collection: documents by canonical _id key (a Map keeps insertion order, which is the
// natural order clients see), plus its secondary indexes. Every mutating method first checks
// all constraints and only then changes anything, so a rejected write leaves no trace.
import { BSON, type Document } from 'mongodb';
import { mongoError } from '../errors';
import { duplicateKeyError, SecondaryIndex, type IndexSpec } from './secondaryIndex';
import { keyOf } from './keys';
import { equalityConditions } from './planner';
import { numericView } from './numeric';

export const ID_INDEX_NAME = '_id_';

export class Collection {
  readonly docs = new Map<string, Document>();
  readonly indexes = new Map<string, SecondaryIndex>();
  readonly uuid = new BSON.UUID();
  /** numeric views of the documents that hold Double/Int64/Decimal128 wrappers (see numeric.ts) */
  private readonly views = new WeakMap<Document, Document>();

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: Document = {},
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get size(): number {
    return this.docs.size;
  }

  /** The document as mingo should see it: number wrappers as JS numbers. */
  viewOf(doc: Document): Document {
    return this.views.get(doc) ?? doc;
  }

  private remember(doc: Document): void {
    const view = numericView(doc);
    if (view !== doc) this.views.set(doc, view);
  }

  getById(id: unknown): Document | undefined {
    return this.docs.get(keyOf(id));
  }

  /**
   * @param enforceUnique false only while replaying the journal: a record that raced a checkpoint
   *   may briefly contradict the snapshot, and the records after it restore consistency.
   */
  insert(doc: Document, enforceUnique = true): void {
    if (!('_id' in doc)) throw new Error('engine insert without _id');
    const idKey = keyOf(doc._id);
    if (this.docs.has(idKey)) throw duplicateKeyError(this.ns, { name: ID_INDEX_NAME, key: { _id: 1 } }, [doc._id]);
    if (enforceUnique) for (const ix of this.indexes.values()) ix.checkAccepts(doc, idKey);
    this.docs.set(idKey, doc);
    this.remember(doc);
    for (const ix of this.indexes.values()) ix.add(doc, idKey);
  }

  /** Replaces the stored document with the same _id by `next` (which must keep the _id). */
  replace(prev: Document, next: Document, enforceUnique = true): void {
    const idKey = keyOf(prev._id);
    if (keyOf(next._id) !== idKey) {
      throw mongoError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
    }
    if (enforceUnique) for (const ix of this.indexes.values()) ix.checkAccepts(next, idKey);
    for (const ix of this.indexes.values()) ix.remove(prev, idKey);
    this.docs.set(idKey, next);
    this.remember(next);
    for (const ix of this.indexes.values()) ix.add(next, idKey);
  }

  remove(doc: Document): void {
    const idKey = keyOf(doc._id);
    if (!this.docs.delete(idKey)) return;
    for (const ix of this.indexes.values()) ix.remove(doc, idKey);
  }

  /** Adds an index over the existing documents; refuses (leaving nothing behind) if they violate uniqueness. */
  addIndex(spec: IndexSpec, enforceUnique = true): void {
    const ix = new SecondaryIndex(spec, this.ns);
    for (const [idKey, doc] of this.docs) {
      if (enforceUnique) ix.checkAccepts(doc, idKey);
      ix.add(doc, idKey);
    }
    this.indexes.set(spec.name, ix);
  }

  dropIndex(name: string): void {
    this.indexes.delete(name);
  }

  listIndexSpecs(): Document[] {
    return [{ v: 2, key: { _id: 1 }, name: ID_INDEX_NAME }, ...[...this.indexes.values()].map((ix) => ({ v: 2, ...ix.spec }))];
  }

  /**
   * Documents that may match `filter`, narrowed by the _id map or an index when the filter has
   * an equality on _id or on the first field of an index (or is an $or whose every branch has
   * one); the caller still applies the filter.
   */
  candidates(filter: Document | undefined): Iterable<Document> {
    const found = filter ? this.lookup(filter) : undefined;
    if (!found) return this.docs.values();
    const out: Document[] = [];
    for (const k of found.keys) {
      const d = this.docs.get(k);
      if (d) out.push(d);
    }
    return out;
  }

  /** Which access path a filter takes: for explain. */
  plan(filter: Document | undefined): string {
    return (filter && this.lookup(filter)?.plan) ?? 'COLLSCAN';
  }

  private lookup(filter: Document): { keys: Set<string>; plan: string } | undefined {
    const eq = equalityConditions(filter);
    const ids = eq.get('_id');
    if (ids) return { keys: new Set(ids.map(keyOf)), plan: 'IDHACK' };
    let best: { keys: Set<string>; plan: string } | undefined;
    for (const ix of this.indexes.values()) {
      if (!ix.coversAllDocuments) continue;
      const values = eq.get(ix.fields[0]);
      if (!values) continue;
      const keys = ix.lookupFirst(values);
      if (!best || keys.size < best.keys.size) best = { keys, plan: `IXSCAN ${ix.name}` };
      if (keys.size === 0) break;
    }
    if (best) return best;
    const or = filter.$or;
    if (Array.isArray(or) && or.length > 0) {
      const union = new Set<string>();
      const plans = new Set<string>();
      for (const branch of or) {
        const r = branch && typeof branch === 'object' ? this.lookup(branch as Document) : undefined;
        if (!r) return undefined; // one branch needs a scan: the whole $or does
        for (const k of r.keys) union.add(k);
        plans.add(r.plan);
      }
      return { keys: union, plan: plans.size === 1 ? [...plans][0] : `OR ${[...plans].join(', ')}` };
    }
    return undefined;
  }

}
