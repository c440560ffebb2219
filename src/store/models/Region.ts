// 区 / 镇街 / 社区 / 网格 — the region tree. `ancestors` holds every ancestor id (root first), so
// "everything in the subtree of R" is the single indexed query { $or: [{ _id: R }, { ancestors: R }] }
// and records under a region copy `[...ancestors, _id]` as their `regionPath` for the same reason.
// A region's parent and level never change after creation (moving a subtree would have to rewrite
// every path below it, and nothing in the field needs it).
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { REGION_LEVELS } from './enums';
import { editableFields, editableOptions } from './audit';

const regionSchema = new Schema(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    level: { type: String, enum: REGION_LEVELS, required: true },
    parentId: { type: Schema.Types.ObjectId, default: null },
    ancestors: { type: [Schema.Types.ObjectId], default: [] },
    timeZone: { type: String, required: true, default: 'Asia/Shanghai' },
    ...editableFields,
  },
  editableOptions,
);

regionSchema.index({ code: 1 }, { unique: true });
regionSchema.index({ ancestors: 1 });
regionSchema.index({ parentId: 1 });

export type RegionDoc = InferSchemaType<typeof regionSchema> & { _id: Types.ObjectId };
export const RegionModel = model('Region', regionSchema, 'regions');
