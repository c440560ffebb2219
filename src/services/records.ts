// Shared single-document write helpers: versioned updates, archive, and loading referenced
// records with the checks every reference needs (exists, not archived).
import type { Model, Types } from 'mongoose';
import { badInput, conflict, notFound } from '../errors/AppError';
import type { Actor } from '../store/models/audit';

/**
 * Applies `set` only if the document is still at `expectedVersion`, bumping the version in the
 * same single-document write: a concurrent edit gets CONFLICT instead of being silently lost.
 */
export async function updateVersioned<T>(
  model: Model<any>,
  entity: string,
  id: Types.ObjectId,
  expectedVersion: number,
  set: Record<string, unknown>,
  actor: Actor,
): Promise<T> {
  const doc = await model
    .findOneAndUpdate(
      { _id: id, version: expectedVersion },
      { $set: { ...set, updatedBy: actor }, $inc: { version: 1 } },
      { returnDocument: 'after', runValidators: true },
    )
    .lean<T>();
  if (doc) return doc;
  const current = await model.findById(id, { version: 1 }).lean<{ version: number }>();
  if (!current) throw notFound(entity, id.toHexString());
  throw conflict('input.version', 'version.stale', {
    field: 'input.version',
    entity,
    id: id.toHexString(),
    expected: expectedVersion,
    actual: current.version,
  });
}

/** Sets archivedAt (idempotent: archiving an archived record keeps the first date). */
export async function archive<T>(model: Model<any>, entity: string, id: Types.ObjectId, actor: Actor): Promise<T> {
  const doc = await model
    .findOneAndUpdate(
      { _id: id, archivedAt: null },
      { $set: { archivedAt: new Date(), updatedBy: actor }, $inc: { version: 1 } },
      { returnDocument: 'after' },
    )
    .lean<T>();
  if (doc) return doc;
  const existing = await model.findById(id).lean<T>();
  if (!existing) throw notFound(entity, id.toHexString());
  return existing;
}

export async function mustFind<T>(model: Model<any>, entity: string, id: Types.ObjectId): Promise<T> {
  const doc = await model.findById(id).lean<T>();
  if (!doc) throw notFound(entity, id.toHexString());
  return doc;
}

/** A record that another one will point to: must exist (NOT_FOUND naming the field) and be active. */
export async function mustReference<T extends { archivedAt?: Date | null }>(
  model: Model<any>,
  entity: string,
  field: string,
  id: Types.ObjectId,
): Promise<T> {
  const doc = await model.findById(id).lean<T>();
  if (!doc) throw notFound(entity, id.toHexString(), field);
  if (doc.archivedAt) throw badInput(field, 'reference.archived', { field, entity, id: id.toHexString() });
  return doc;
}

export function archivedFilter(includeArchived: boolean | null | undefined): Record<string, unknown> {
  return includeArchived ? {} : { archivedAt: null };
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Case-insensitive "contains" over the given fields. */
export function searchFilter(search: string | null | undefined, fields: string[]): Record<string, unknown> {
  const s = search?.trim();
  if (!s) return {};
  const re = { $regex: escapeRegex(s), $options: 'i' };
  return fields.length === 1 ? { [fields[0]]: re } : { $or: fields.map((f) => ({ [f]: re })) };
}
