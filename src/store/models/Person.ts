// A person on the roster: cadre, volunteer, medical worker, police officer, loaned employee.
// `mobile` (11 digits) is the natural key. The resident ID number is personal data: only its
// AES-256-GCM ciphertext, a keyed hash (HMAC-SHA256, for uniqueness and lookups) and the masked
// form are stored — never the plain number (see services/people/residentIdVault.ts).
import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { SKILLS } from './enums';
import { editableFields, editableOptions } from './audit';

const personSchema = new Schema(
  {
    name: { type: String, required: true },
    mobile: { type: String, required: true },
    skills: { type: [{ type: String, enum: SKILLS }], default: [] },
    partyMember: { type: Boolean, required: true, default: false },
    homeUnitId: { type: Schema.Types.ObjectId, default: null },
    homeRegionId: { type: Schema.Types.ObjectId, default: null },
    /** home region path ∪ home unit's region path: where this person "belongs" for scope checks */
    regionPath: { type: [Schema.Types.ObjectId], default: [] },
    residentIdCipher: { type: String, default: null },
    residentIdHash: { type: String, default: null },
    residentIdMasked: { type: String, default: null },
    ...editableFields,
  },
  editableOptions,
);

personSchema.index({ mobile: 1 }, { unique: true });
// Only people who gave an ID number take part in the uniqueness rule.
personSchema.index(
  { residentIdHash: 1 },
  { unique: true, partialFilterExpression: { residentIdHash: { $type: 'string' } } },
);
personSchema.index({ homeUnitId: 1 });
personSchema.index({ regionPath: 1 });

export type PersonDoc = InferSchemaType<typeof personSchema> & { _id: Types.ObjectId };
export const PersonModel = model('Person', personSchema, 'people');
