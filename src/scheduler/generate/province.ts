/**
 * Province scale: about 50,000 people (15,000 cadres, 35,000 volunteers) and 5,000 sites
 * (1,500 community offices, 3,500 checkpoints) in 100 towns, two weeks. Home regions are towns so
 * the travel table stays towns × sites.
 */
import { generateRegional, type GeneratedProblem, type RegionalParams } from './regional';

export const PROVINCE_PARAMS: Omit<RegionalParams, 'seed'> = {
  name: 'province',
  towns: 100,
  communities: 1500,
  checkpoints: 3500,
  cadres: 15000,
  volunteers: 35000,
  days: 14,
  startDate: '2026-12-07',
  utcOffsetMinutes: 480,
  checkpointHeadcount: 2,
  officeHeadcount: 1,
  partyShareCadres: 0.8,
  partyShareVolunteers: 0.15,
  travelLevel: 'town',
};

export function generateProvince(seed = 1, overrides: Partial<RegionalParams> = {}): GeneratedProblem {
  return generateRegional({ ...PROVINCE_PARAMS, seed, ...overrides });
}
