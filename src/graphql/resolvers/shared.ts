// Field resolvers every record type shares: id from _id, and the audit fields.
import type { Types } from 'mongoose';

export const recordFields = {
  id: (doc: { _id: Types.ObjectId }) => doc._id.toHexString(),
};

export interface PageArgsInput {
  first?: number | null;
  after?: string | null;
}
