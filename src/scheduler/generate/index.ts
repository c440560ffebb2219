/** Seeded generators of realistic roster problems (district and province scale). */
export { generateRegional, localMidnightEpochMinutes, SHIFT_TYPES, SKILL_DRIVING, SKILL_MEDICAL, SKILL_REGISTRATION, SKILL_TEMPERATURE } from './regional';
export type { GeneratedProblem, GeneratedSite, RegionalParams, ShiftTypeId, SiteKind } from './regional';
export { DISTRICT_PARAMS, generateDistrict } from './district';
export { generateProvince, PROVINCE_PARAMS } from './province';
export { createRng, type Rng } from './random';
