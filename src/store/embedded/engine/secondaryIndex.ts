// One created index (single-field or compound) kept as hash maps from canonical key strings to
// the _id keys of the documents holding them. `full` serves unique enforcement and whole-key
// equality; `byFirst` serves queries with equality on the first indexed field only.
import { Query } from 'mingo';
import type { Document } from 'mongodb';
import { mongoError } from '../errors';
import { indexValuesAtPath, keyOf, valuesAtPath } from './keys';
import { numericView } from './numeric';
import { formatKeyValue } from './formatKey';

export interface IndexSpec {
  v?: number;
  key: Document;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

interface DocKey {
  full: string;
  first: string;
  values: unknown[];
}

export class SecondaryIndex {
  readonly fields: string[];
  private readonly full = new Map<string, Holders>();
  private readonly byFirst = new Map<string, Holders>();
  private readonly partial?: Query;

  constructor(readonly spec: IndexSpec, private readonly ns: string) {
    this.fields = Object.keys(spec.key);
    if (spec.partialFilterExpression) this.partial = new Query(numericView(spec.partialFilterExpression));
  }

  get name(): string {
    return this.spec.name;
  }
  get unique(): boolean {
    return !!this.spec.unique;
  }
  /** A query may use this index for candidate selection only if every document is in it. */
  get coversAllDocuments(): boolean {
    return !this.spec.sparse && !this.partial;
  }

  private keysOf(doc: Document): DocKey[] {
    if (this.partial && !this.partial.test(numericView(doc))) return [];
    if (this.spec.sparse && this.fields.every((f) => valuesAtPath(doc, f).length === 0)) return [];
    const single = this.singleValuedKey(doc);
    if (single) return [single];
    // Cartesian product over multikey fields (MongoDB allows at most one array field per
    // compound index; we don't refuse more, we just index them all).
    let tuples: unknown[][] = [[]];
    for (const f of this.fields) {
      const vals = indexValuesAtPath(doc, f);
      const next: unknown[][] = [];
      for (const t of tuples) for (const v of vals) next.push([...t, v]);
      tuples = next;
    }
    const seen = new Set<string>();
    const out: DocKey[] = [];
    for (const values of tuples) {
      const full = values.map(keyOf).join('\u0000');
      if (seen.has(full)) continue;
      seen.add(full);
      out.push({ full, first: keyOf(values[0]), values });
    }
    return out;
  }

  /** The key when every indexed field holds one non-array value (the usual case), else undefined. */
  private singleValuedKey(doc: Document): DocKey | undefined {
    const values: unknown[] = [];
    for (const f of this.fields) {
      const found = valuesAtPath(doc, f);
      if (found.length > 1) return undefined;
      const v = found.length ? found[0] : null;
      if (Array.isArray(v)) return undefined;
      values.push(v);
    }
    const first = keyOf(values[0]);
    let full = first;
    for (let i = 1; i < values.length; i++) full += '\u0000' + keyOf(values[i]);
    return { full, first, values };
  }

  /**
   * Throws what mongod would refuse `doc` (whose _id key is `idKey`) for in this index: two array
   * fields in one compound index (code 171), or a duplicate key in a unique index (11000).
   */
  checkAccepts(doc: Document, idKey: string): void {
    if (this.fields.length > 1) {
      const arrays = this.fields.filter((f) => valuesAtPath(doc, f).some(Array.isArray));
      if (arrays.length > 1) {
        throw mongoError('CannotIndexParallelArrays', `cannot index parallel arrays [${arrays[1]}] [${arrays[0]}]`);
      }
    }
    if (!this.unique) return;
    for (const k of this.keysOf(doc)) {
      for (const other of holdersOf(this.full.get(k.full))) {
        if (other !== idKey) throw duplicateKeyError(this.ns, this.spec, k.values);
      }
    }
  }

  add(doc: Document, idKey: string): void {
    for (const k of this.keysOf(doc)) {
      addTo(this.full, k.full, idKey);
      if (this.fields.length > 1) addTo(this.byFirst, k.first, idKey);
    }
  }

  remove(doc: Document, idKey: string): void {
    for (const k of this.keysOf(doc)) {
      removeFrom(this.full, k.full, idKey);
      if (this.fields.length > 1) removeFrom(this.byFirst, k.first, idKey);
    }
  }

  /** _id keys of documents whose first indexed field equals one of `values`. */
  lookupFirst(values: unknown[]): Set<string> {
    const map = this.fields.length > 1 ? this.byFirst : this.full;
    const out = new Set<string>();
    for (const v of values) for (const id of holdersOf(map.get(keyOf(v)))) out.add(id);
    return out;
  }

  clear(): void {
    this.full.clear();
    this.byFirst.clear();
  }
}

// A key held by one document (always, for unique indexes) maps straight to its _id key; only
// keys shared by several documents pay for a Set. Saves a Set per document at 100k+ documents.
type Holders = string | Set<string>;

function addTo(map: Map<string, Holders>, key: string, id: string): void {
  const h = map.get(key);
  if (h === undefined) map.set(key, id);
  else if (typeof h === 'string') {
    if (h !== id) map.set(key, new Set([h, id]));
  } else h.add(id);
}

function removeFrom(map: Map<string, Holders>, key: string, id: string): void {
  const h = map.get(key);
  if (h === undefined) return;
  if (typeof h === 'string') {
    if (h === id) map.delete(key);
    return;
  }
  h.delete(id);
  if (h.size === 1) map.set(key, h.values().next().value as string);
}

function holdersOf(h: Holders | undefined): Iterable<string> {
  return h === undefined ? [] : typeof h === 'string' ? [h] : h;
}

export function duplicateKeyError(ns: string, spec: { name: string; key: Document }, values: unknown[]) {
  const fields = Object.keys(spec.key);
  const keyValue: Document = {};
  fields.forEach((f, i) => (keyValue[f] = values[i] === undefined ? null : values[i]));
  const keyPattern: Document = { ...spec.key };
  return mongoError(
    'DuplicateKey',
    `E11000 duplicate key error collection: ${ns} index: ${spec.name} dup key: ${formatKeyValue(keyValue)}`,
    { keyPattern, keyValue },
  );
}
