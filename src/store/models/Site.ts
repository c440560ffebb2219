// 卡点 / 重点场所 / … — a place that is staffed, always under one region.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { SITE_KINDS } from './enums';
import { editableFields, editableOptions } from './audit';

const siteSchema = new Schema(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: SITE_KINDS, required: true },
    regionId: { type: Schema.Types.ObjectId, required: true },
    /** the region's ancestors plus the region itself: scope filters are one indexed lookup */
    regionPath: { type: [Schema.Types.ObjectId], required: true },
    address: { type: String, default: null },
    ...editableFields,
  },
  editableOptions,
);

siteSchema.index({ code: 1 }, { unique: true });
siteSchema.index({ regionPath: 1 });
siteSchema.index({ regionId: 1 });

export type SiteDoc = InferSchemaType<typeof siteSchema> & { _id: Types.ObjectId };
export const SiteModel = model('Site', siteSchema, 'sites');
