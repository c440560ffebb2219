// 单位 — where people work. A unit may sit in a region (a community committee always does: its
// region is the community it runs); its region never changes after creation because people and
// deployments copy the unit's region path for scope filtering.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { UNIT_KINDS } from './enums';
import { editableFields, editableOptions } from './audit';

const unitSchema = new Schema(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: UNIT_KINDS, required: true },
    regionId: { type: Schema.Types.ObjectId, default: null },
    regionPath: { type: [Schema.Types.ObjectId], default: [] },
    ...editableFields,
  },
  editableOptions,
);

unitSchema.index({ code: 1 }, { unique: true });
unitSchema.index({ name: 1 });
unitSchema.index({ regionPath: 1 });

export type UnitDoc = InferSchemaType<typeof unitSchema> & { _id: Types.ObjectId };
export const UnitModel = model('Unit', unitSchema, 'units');
