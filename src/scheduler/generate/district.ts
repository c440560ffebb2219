/**
 * District scale, sized on a real district's figures (DESIGN.md): 1,400 sent-down cadres and
 * 3,000 volunteers for 174 communities in 7 towns with 350 checkpoints, two weeks.
 */
import { generateRegional, type GeneratedProblem, type RegionalParams } from './regional';

export const DISTRICT_PARAMS: Omit<RegionalParams, 'seed'> = {
  name: 'district',
  towns: 7,
  communities: 174,
  checkpoints: 350,
  cadres: 1400,
  volunteers: 3000,
  days: 14,
  startDate: '2026-12-07',
  utcOffsetMinutes: 480,
  checkpointHeadcount: 2,
  officeHeadcount: 1,
  partyShareCadres: 0.8,
  partyShareVolunteers: 0.15,
  travelLevel: 'community',
};

export function generateDistrict(seed = 1, overrides: Partial<RegionalParams> = {}): GeneratedProblem {
  return generateRegional({ ...DISTRICT_PARAMS, seed, ...overrides });
}
