// 下沉 / 第一书记 — a person sent from a unit to a community (SENT_DOWN) or into an enterprise
// (FIRST_SECRETARY) for a period. `regionPath` unions the target's and the sending unit's region
// paths so "deployments touching my subtree" is one indexed lookup. The natural key
// (person, kind, start) makes a re-imported CSV row an update instead of a duplicate.
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { DEPLOYMENT_KINDS, DEPLOYMENT_STATUSES } from './enums';
import { editableFields, editableOptions } from './audit';

const deploymentSchema = new Schema(
  {
    personId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: DEPLOYMENT_KINDS, required: true },
    fromUnitId: { type: Schema.Types.ObjectId, default: null },
    toRegionId: { type: Schema.Types.ObjectId, default: null },
    toUnitId: { type: Schema.Types.ObjectId, default: null },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, default: null },
    status: { type: String, enum: DEPLOYMENT_STATUSES, required: true },
    note: { type: String, default: null },
    regionPath: { type: [Schema.Types.ObjectId], default: [] },
    ...editableFields,
  },
  editableOptions,
);

deploymentSchema.index({ personId: 1, kind: 1, startsAt: 1 }, { unique: true });
deploymentSchema.index({ regionPath: 1 });
deploymentSchema.index({ toUnitId: 1 });
deploymentSchema.index({ fromUnitId: 1 });
deploymentSchema.index({ status: 1, startsAt: 1 });

export type DeploymentDoc = InferSchemaType<typeof deploymentSchema> & { _id: Types.ObjectId };
export const DeploymentModel = model('Deployment', deploymentSchema, 'deployments');
