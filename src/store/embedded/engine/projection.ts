// Field projections. Plain inclusion/exclusion projections (`{ a: 1, 'b.c': 1 }`,
// `{ secret: 0 }`) are done here — mongoose's select() produces them on every query and mingo
// costs ~0.2 ms per document to set up. Anything with operators ($slice, $elemMatch, `$`,
// expressions) goes to mingo.
import { find as mingoFind } from 'mingo';
import type { Document } from 'mongodb';
import { mongoError } from '../errors';

interface PathTree {
  [field: string]: PathTree | true;
}

function isFlag(v: unknown): v is boolean | number {
  return typeof v === 'boolean' || (typeof v === 'number' && (v === 0 || v === 1));
}

function buildTree(paths: string[]): PathTree | undefined {
  const root: PathTree = {};
  for (const path of paths) {
    const parts = path.split('.');
    if (parts.some((p) => p === '' || p.startsWith('$'))) return undefined;
    let node = root;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1) node[p] = true;
      else {
        const next = node[p];
        if (next === true) break; // a parent is already fully included/excluded
        node = (node[p] = next ?? {}) as PathTree;
      }
    }
  }
  return root;
}

function include(value: unknown, tree: PathTree): unknown {
  if (Array.isArray(value)) {
    return value.filter((el) => el !== null && typeof el === 'object' && !Array.isArray(el) && isPlainDoc(el)).map((el) => include(el, tree));
  }
  if (!isPlainDoc(value)) return undefined;
  // fields come out in the document's order, not the projection's, as from mongod
  const out: Document = {};
  for (const [k, v] of Object.entries(value as Document)) {
    const sub = tree[k];
    if (sub === undefined) continue;
    if (sub === true) out[k] = v;
    else {
      const projected = include(v, sub);
      if (projected !== undefined) out[k] = projected;
    }
  }
  return out;
}

function exclude(value: unknown, tree: PathTree): unknown {
  if (Array.isArray(value)) return value.map((el) => (isPlainDoc(el) ? exclude(el, tree) : el));
  if (!isPlainDoc(value)) return value;
  const out: Document = {};
  for (const [k, v] of Object.entries(value as Document)) {
    const sub = tree[k];
    if (sub === true) continue;
    out[k] = sub ? exclude(v, sub) : v;
  }
  return out;
}

function isPlainDoc(v: unknown): boolean {
  return v !== null && typeof v === 'object' && (v as object).constructor === Object;
}

/** Returns a projector for `projection`, validating it the way mongod does. */
export function compileProjection(projection: Document): (doc: Document) => Document {
  const entries = Object.entries(projection);
  if (entries.every(([, v]) => isFlag(v))) {
    const idFlag = projection._id;
    const others = entries.filter(([k]) => k !== '_id');
    const inclusive = others.some(([, v]) => v === 1 || v === true);
    const conflicting = others.find(([, v]) => (v === 1 || v === true) !== inclusive);
    if (conflicting) {
      throw mongoError(
        'Location31254',
        `Cannot do ${inclusive ? 'exclusion' : 'inclusion'} on field ${conflicting[0]} in ${inclusive ? 'inclusion' : 'exclusion'} projection`,
      );
    }
    const tree = buildTree(others.map(([k]) => k));
    if (tree) {
      const keepId = idFlag === undefined || idFlag === 1 || idFlag === true;
      if (others.length === 0) {
        if (idFlag === undefined) return (doc) => doc; // {}
        // { _id: 1 } keeps only _id; { _id: 0 } keeps everything else
        return keepId ? (doc) => ('_id' in doc ? { _id: doc._id } : {}) : (doc) => exclude(doc, { _id: true }) as Document;
      }
      if (inclusive) {
        return (doc) => {
          const out = include(doc, tree) as Document;
          return keepId && '_id' in doc ? { _id: doc._id, ...out } : out;
        };
      }
      if (!keepId) tree._id = true;
      return (doc) => exclude(doc, tree) as Document;
    }
  }
  return (doc) => {
    const out = mingoFind([doc], {}, projection, { scriptEnabled: false }).next() as Document;
    // mongod always returns _id first
    if (out && '_id' in out && Object.keys(out)[0] !== '_id') {
      const { _id, ...rest } = out;
      return { _id, ...rest };
    }
    return out;
  };
}
