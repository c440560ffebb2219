// Validation of a person's own fields, shared by the GraphQL mutations and the CSV import. It
// returns every problem (the import reports them all); mutations throw the first.
import { SKILLS, type Skill } from '../../store/models/enums';
import type { Problem } from '../../validation/problem';
import { problem } from '../../validation/problem';
import { checkName } from '../../validation/text';
import { checkMobile } from '../../validation/mobile';
import { checkResidentId } from '../../validation/residentId';
import { checkEnum } from '../../validation/enums';

export interface RawPersonFields {
  name?: string | null;
  mobile?: string | null;
  skills?: string[] | null;
  partyMember?: boolean | null;
  /** null clears a stored number; undefined leaves it */
  residentId?: string | null;
}

export interface PersonFields {
  name?: string;
  mobile?: string;
  skills?: Skill[];
  partyMember?: boolean;
  residentId?: string | null;
}

/** `names` maps each logical field to the field path reported in problems. */
export function checkPersonFields(
  raw: RawPersonFields,
  names: Record<keyof RawPersonFields, string>,
  required: boolean,
): { value: PersonFields; problems: Problem[] } {
  const problems: Problem[] = [];
  const value: PersonFields = {};
  const take = <T>(r: { value: T } | { problem: Problem }, set: (v: T) => void) => {
    if ('problem' in r) problems.push(r.problem);
    else set(r.value);
  };
  if (raw.name != null) take(checkName(names.name, raw.name), (v) => (value.name = v));
  else if (required) problems.push(problem(names.name, 'value.required'));
  if (raw.mobile != null) take(checkMobile(names.mobile, raw.mobile), (v) => (value.mobile = v));
  else if (required) problems.push(problem(names.mobile, 'value.required'));
  if (raw.skills != null) {
    const skills: Skill[] = [];
    for (const s of raw.skills) take(checkEnum(names.skills, s, SKILLS), (v) => skills.includes(v) || skills.push(v));
    value.skills = skills;
  }
  if (raw.partyMember != null) value.partyMember = raw.partyMember;
  if (raw.residentId === null) value.residentId = null;
  else if (raw.residentId !== undefined && raw.residentId.trim() !== '') {
    take(checkResidentId(names.residentId, raw.residentId), (v) => (value.residentId = v));
  }
  return { value, problems };
}
