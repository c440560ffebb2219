// Resolves the unit and region names/codes written in a CSV to records, with one query per
// collection for the whole file. A code wins over a name; a name shared by several records is
// ambiguous and reported as such rather than guessed.
import type { Model, Types } from 'mongoose';

export type Resolution<T> = { doc: T } | { error: 'reference.unknown' | 'reference.ambiguous' };

export async function resolveByNameOrCode<T extends { _id: Types.ObjectId; code: string; name: string }>(
  model: Model<any>,
  values: Iterable<string>,
): Promise<Map<string, Resolution<T>>> {
  const wanted = [...new Set(values)];
  const out = new Map<string, Resolution<T>>();
  if (!wanted.length) return out;
  const docs = await model
    .find({ archivedAt: null, $or: [{ code: { $in: wanted } }, { name: { $in: wanted } }] })
    .lean<T[]>();
  for (const v of wanted) {
    const byCode = docs.find((d) => d.code === v);
    const byName = docs.filter((d) => d.name === v);
    if (byCode) out.set(v, { doc: byCode });
    else if (byName.length === 1) out.set(v, { doc: byName[0] });
    else out.set(v, { error: byName.length ? 'reference.ambiguous' : 'reference.unknown' });
  }
  return out;
}
