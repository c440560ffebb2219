// 志愿服务队 / 党员突击队 / 摸排小组 — a team serving a region, optionally formed by a unit.
// The leader is always also a member (the service keeps memberIds ⊇ {leaderId}).
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { TEAM_KINDS } from './enums';
import { editableFields, editableOptions } from './audit';

const teamSchema = new Schema(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: TEAM_KINDS, required: true },
    regionId: { type: Schema.Types.ObjectId, required: true },
    regionPath: { type: [Schema.Types.ObjectId], required: true },
    unitId: { type: Schema.Types.ObjectId, default: null },
    leaderId: { type: Schema.Types.ObjectId, default: null },
    memberIds: { type: [Schema.Types.ObjectId], default: [] },
    ...editableFields,
  },
  editableOptions,
);

teamSchema.index({ code: 1 }, { unique: true });
teamSchema.index({ regionPath: 1 });
teamSchema.index({ memberIds: 1 });

export type TeamDoc = InferSchemaType<typeof teamSchema> & { _id: Types.ObjectId };
export const TeamModel = model('Team', teamSchema, 'teams');
