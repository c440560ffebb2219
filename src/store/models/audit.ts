// Who and when, carried by every record a person changes (DESIGN: "every record that a person
// changes carries who and when"). `when` is the mongoose timestamps; `who` is the caller's role and
// scope ids as they were in the token — enough to trace a change back to an account.
// `version` is our optimistic-concurrency counter: every update filters on the version the editor
// saw and increments it, in one single-document write.
import { Schema } from 'mongoose';

export const actorSchema = new Schema(
  {
    role: { type: String, required: true },
    personId: { type: String, default: null },
    unitId: { type: String, default: null },
    regionId: { type: String, default: null },
  },
  { _id: false },
);

export interface Actor {
  role: string;
  personId: string | null;
  unitId: string | null;
  regionId: string | null;
}

/** Fields shared by every editable collection. */
export const editableFields = {
  version: { type: Number, required: true, default: 1 },
  archivedAt: { type: Date, default: null },
  createdBy: { type: actorSchema, required: true },
  updatedBy: { type: actorSchema, required: true },
} as const;

export const editableOptions = { timestamps: true, versionKey: false } as const;
