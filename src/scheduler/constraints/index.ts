/**
 * The ordered registry of roster constraints: hard rules first (in the order a planner would
 * check them), then soft costs. Scoring, delta scoring and explanations all iterate this list.
 */
import type { Constraint } from './types';
import { oneShiftPerDay } from './oneShiftPerDay';
import { availability } from './availability';
import { pinned } from './pinned';
import { forbiddenSuccession } from './forbiddenSuccession';
import { minRestBetweenShifts } from './minRestBetweenShifts';
import { maxShiftsPerType } from './maxShiftsPerType';
import { minTotalMinutes } from './minTotalMinutes';
import { maxTotalMinutes } from './maxTotalMinutes';
import { maxMinutesPerWeek } from './maxMinutesPerWeek';
import { maxConsecutiveWorkingDays } from './maxConsecutiveWorkingDays';
import { minConsecutiveWorkingDays } from './minConsecutiveWorkingDays';
import { minConsecutiveDaysOff } from './minConsecutiveDaysOff';
import { maxWeekendsWorked } from './maxWeekendsWorked';
import { coverHeadcount } from './coverHeadcount';
import { requiredSkills } from './requiredSkills';
import { minPartyMembers } from './minPartyMembers';
import { shiftPreference } from './shiftPreference';
import { fairHours } from './fairHours';
import { travelCost } from './travelCost';
import { churn } from './churn';

export const constraints: readonly Constraint[] = [
  oneShiftPerDay,
  availability,
  pinned,
  forbiddenSuccession,
  minRestBetweenShifts,
  maxShiftsPerType,
  minTotalMinutes,
  maxTotalMinutes,
  maxMinutesPerWeek,
  maxConsecutiveWorkingDays,
  minConsecutiveWorkingDays,
  minConsecutiveDaysOff,
  maxWeekendsWorked,
  coverHeadcount,
  requiredSkills,
  minPartyMembers,
  shiftPreference,
  fairHours,
  travelCost,
  churn,
];

export type { Constraint, PersonConstraint, ShiftConstraint, RosterConstraint, Tally, RawViolation, Reporter } from './types';
