// TTL indexes: like mongod's TTL monitor (which runs every 60 s), a periodic pass deletes the
// documents whose indexed date field (or, for an array of dates, its earliest date) is older
// than expireAfterSeconds. Documents without a date in that field never expire.
import type { Document } from 'mongodb';
import type { ChangeRecord } from '../persistence/types';
import type { Engine } from './engine';
import { valuesAtPath } from './keys';

function earliestDate(doc: Document, field: string): Date | undefined {
  let earliest: Date | undefined;
  for (const v of valuesAtPath(doc, field)) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (x instanceof Date && (!earliest || x < earliest)) earliest = x;
    }
  }
  return earliest;
}

/** Deletes every expired document; returns the change records to make durable. */
export function expireDocuments(engine: Engine, now = Date.now()): ChangeRecord[] {
  const records: ChangeRecord[] = [];
  for (const colls of engine.dbs.values()) {
    for (const coll of colls.values()) {
      for (const ix of coll.indexes.values()) {
        const seconds = Number(ix.spec.expireAfterSeconds);
        if (ix.spec.expireAfterSeconds === undefined || !Number.isFinite(seconds) || ix.fields.length !== 1) continue;
        const cutoff = now - seconds * 1000;
        const expired: Document[] = [];
        for (const doc of coll.docs.values()) {
          const at = earliestDate(doc, ix.fields[0]);
          if (at && at.getTime() <= cutoff) expired.push(doc);
        }
        for (const doc of expired) engine.remove(coll, doc, records);
      }
    }
  }
  return records;
}
