// Rewrites of aggregation expressions that mingo evaluates differently from mongod.
//
// $dateTrunc with a timezone and unit day/month/year: mingo truncates the UTC calendar date
// and then applies the offset, so a time whose local day differs from its UTC day (e.g. 01:30 in
// Asia/Shanghai) lands a day early. The equivalent $dateFromParts of the local year/month/day is
// evaluated correctly, and "what is a day" in a region's time zone matters to this service.
import type { Document } from 'mongodb';

const CALENDAR_UNITS = new Set(['day', 'month', 'year']);

function isPlainObject(v: unknown): v is Document {
  return v !== null && typeof v === 'object' && (v as object).constructor === Object;
}

function dateTruncAsFromParts(spec: Document): Document | undefined {
  const { date, unit, timezone, binSize, ...rest } = spec;
  if (timezone === undefined || typeof unit !== 'string' || !CALENDAR_UNITS.has(unit)) return undefined;
  if (binSize !== undefined && binSize !== 1) return undefined;
  if (Object.keys(rest).some((k) => k !== 'startOfWeek')) return undefined;
  const part = (op: string) => ({ [op]: { date, timezone } });
  return {
    $dateFromParts: {
      year: part('$year'),
      month: unit === 'year' ? 1 : part('$month'),
      day: unit === 'day' ? part('$dayOfMonth') : 1,
      timezone,
    },
  };
}

/** Returns the pipeline/expression with the rewrites applied (a copy where anything changed). */
export function fixExpressions<T>(v: T): T {
  if (Array.isArray(v)) return v.map(fixExpressions) as T;
  if (!isPlainObject(v)) return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === '$dateTrunc' && isPlainObject(v.$dateTrunc)) {
    const spec = fixExpressions(v.$dateTrunc);
    return (dateTruncAsFromParts(spec) ?? { $dateTrunc: spec }) as T;
  }
  const out: Document = {};
  for (const k of keys) out[k] = fixExpressions(v[k]);
  return out as T;
}
