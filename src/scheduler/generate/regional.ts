/**
 * Generator of realistic epidemic-prevention duty problems for one administrative area:
 * towns (镇街) → communities (社区), each community with a community office (社区值班, one day shift
 * a day) and checkpoints (卡点) staffed around the clock in three 8-hour shifts, each needing a
 * head count that includes at least one party member and one person trained for temperature
 * checks (测温). People are sent-down cadres (下沉干部, deployed to one community for a period,
 * about 80 % party members) and volunteers (志愿者, with availability patterns: any time, daytime only,
 * evenings and weekends, or any time but a few days). Everything is drawn from a seeded generator:
 * the same parameters give the same problem, byte for byte.
 *
 * Presets: district.ts (≈ 1,400 cadres + 3,000 volunteers, 174 communities, 350 checkpoints) and
 * province.ts (≈ 50,000 people, 5,000 sites).
 */
import type { Person, PinnedAssignment, Preference, Problem, Shift, TimeWindow, TravelCost } from '../model';
import { createRng, type Rng } from './random';

export interface RegionalParams {
  /** Label used in summaries. */
  name: string;
  seed: number;
  towns: number;
  communities: number;
  checkpoints: number;
  cadres: number;
  volunteers: number;
  /** Horizon in days (a multiple of 7 keeps weeks and weekends whole). */
  days: number;
  /** First day, local date `YYYY-MM-DD`; must be a Monday. */
  startDate: string;
  /** Offset of local time from UTC in minutes (Asia/Shanghai: 480). */
  utcOffsetMinutes: number;
  checkpointHeadcount: number;
  officeHeadcount: number;
  /** Share of party members among cadres and among volunteers (overall ≈ 1/3). */
  partyShareCadres: number;
  partyShareVolunteers: number;
  /**
   * Granularity of home regions for travel costs: `community` (cost 0 in the own community, 2 in
   * the own town, 6 elsewhere) or `town` (0 in the own town, 5 elsewhere: a table towns × sites,
   * used at province scale where communities × sites would be too large).
   */
  travelLevel: 'community' | 'town';
}

export type SiteKind = 'checkpoint' | 'office';

export interface GeneratedSite {
  id: string;
  kind: SiteKind;
  community: string;
  town: string;
}

export interface GeneratedProblem {
  params: RegionalParams;
  problem: Problem;
  towns: string[];
  communities: { id: string; town: string }[];
  sites: GeneratedSite[];
  /** Σ headcount × minutes over all shifts: the work to be done. */
  demandMinutes: number;
}

export const SKILL_TEMPERATURE = '测温';
export const SKILL_REGISTRATION = '信息登记';
export const SKILL_DRIVING = '驾驶';
export const SKILL_MEDICAL = '医护';

/** Shift types: start hour and length. Night runs 00–08, so "a day" is the calendar day. */
export const SHIFT_TYPES = {
  night: { startHour: 0, minutes: 480 },
  early: { startHour: 8, minutes: 480 },
  late: { startHour: 16, minutes: 480 },
  office: { startHour: 9, minutes: 480 },
} as const;
export type ShiftTypeId = keyof typeof SHIFT_TYPES;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function generateRegional(params: RegionalParams): GeneratedProblem {
  validateParams(params);
  const rng = createRng(params.seed);
  const day0 = localMidnightEpochMinutes(params.startDate, params.utcOffsetMinutes);
  const at = (day: number, hour: number): number => day0 + day * 1440 + hour * 60;

  // Regions: towns get communities in uneven numbers, communities get ≥1 checkpoint each.
  const towns = Array.from({ length: params.towns }, (_, i) => `T${pad(i + 1, 3)}`);
  const perTown = spread(params.communities, params.towns, rng.fork('towns'), 1);
  const communities: { id: string; town: string }[] = [];
  towns.forEach((town, t) => {
    for (let c = 0; c < perTown[t]!; c++) communities.push({ id: `${town}-C${pad(c + 1, 3)}`, town });
  });
  const cpPerCommunity = spread(params.checkpoints, params.communities, rng.fork('checkpoints'), 1);
  const sites: GeneratedSite[] = [];
  communities.forEach((c, i) => {
    sites.push({ id: `${c.id}-OFF`, kind: 'office', community: c.id, town: c.town });
    for (let k = 0; k < cpPerCommunity[i]!; k++) sites.push({ id: `${c.id}-K${k + 1}`, kind: 'checkpoint', community: c.id, town: c.town });
  });

  // Shifts.
  const shifts: Shift[] = [];
  let demandMinutes = 0;
  for (const site of sites) {
    for (let d = 0; d < params.days; d++) {
      const types: ShiftTypeId[] = site.kind === 'checkpoint' ? ['night', 'early', 'late'] : ['office'];
      for (const type of types) {
        const { startHour, minutes } = SHIFT_TYPES[type];
        const start = at(d, startHour);
        const shift: Shift =
          site.kind === 'checkpoint'
            ? { id: `${site.id}@${pad(d, 2)}/${type}`, site: site.id, type, start, end: start + minutes, headcount: params.checkpointHeadcount, requiredSkills: { [SKILL_TEMPERATURE]: 1 }, minPartyMembers: 1 }
            : { id: `${site.id}@${pad(d, 2)}/${type}`, site: site.id, type, start, end: start + minutes, headcount: params.officeHeadcount, requiredSkills: { [SKILL_REGISTRATION]: 1 } };
        demandMinutes += shift.headcount * minutes;
        shifts.push(shift);
      }
    }
  }

  // People.
  const weeks = params.days / 7;
  const homeOf = (community: { id: string; town: string }): string => (params.travelLevel === 'community' ? community.id : community.town);
  const people: Person[] = [];
  const capacity: number[] = [];
  const cadresOf = new Map<string, Person[]>();
  const prng = rng.fork('cadres');
  const cadreCommunity = spread(params.cadres, params.communities, prng.fork('deployment'));
  let cadreNo = 0;
  communities.forEach((community, ci) => {
    for (let k = 0; k < cadreCommunity[ci]!; k++) {
      const id = `CAD${pad(++cadreNo, 6)}`;
      const skills = drawSkills(prng, { [SKILL_TEMPERATURE]: 0.6, [SKILL_REGISTRATION]: 0.35, [SKILL_DRIVING]: 0.2 });
      const person: Person = {
        id,
        name: `下沉干部${cadreNo}`,
        skills,
        partyMember: prng.chance(params.partyShareCadres),
        homeRegion: homeOf(community),
        limits: {
          maxMinutesPerWeek: 2880,
          maxTotalMinutes: 2880 * weeks,
          maxConsecutiveWorkDays: 6,
          minRestMinutes: 720,
        },
      };
      // Deployment window: most cadres serve the whole period, some arrive late or leave early.
      let firstDay = 0;
      let lastDay = params.days - 1;
      if (prng.chance(0.2)) {
        if (prng.chance(0.5)) firstDay = prng.int(1, Math.min(4, params.days - 1));
        else lastDay = prng.int(Math.max(0, params.days - 5), params.days - 2);
        person.availability = [{ start: at(firstDay, 0), end: at(lastDay + 1, 0) }];
      } else {
        // Full-period cadres must put in at least 5 shifts a fortnight.
        person.limits!.minTotalMinutes = Math.round((2400 * params.days) / 14 / 60) * 60;
      }
      if (prng.chance(0.1)) person.unavailableDays = distinctDays(prng, prng.int(1, 2), params.days);
      people.push(person);
      capacity.push(capacityMinutes(person, lastDay - firstDay + 1 - (person.unavailableDays?.length ?? 0), 2880, weeks));
      const list = cadresOf.get(community.id) ?? [];
      list.push(person);
      cadresOf.set(community.id, list);
    }
  });

  const vrng = rng.fork('volunteers');
  for (let i = 1; i <= params.volunteers; i++) {
    const community = vrng.pick(communities);
    const person: Person = {
      id: `VOL${pad(i, 6)}`,
      name: `志愿者${i}`,
      skills: drawSkills(vrng, { [SKILL_TEMPERATURE]: 0.45, [SKILL_REGISTRATION]: 0.2, [SKILL_DRIVING]: 0.1, [SKILL_MEDICAL]: 0.05 }),
      partyMember: vrng.chance(params.partyShareVolunteers),
      homeRegion: homeOf(community),
      limits: {
        maxMinutesPerWeek: 1920,
        maxConsecutiveWorkDays: 5,
        minRestMinutes: 720,
        maxWeekendsWorked: Math.ceil(params.days / 14),
      },
    };
    const pattern = vrng.next();
    let workableDays = params.days;
    if (pattern < 0.2) {
      // Daytime only (retired residents, students on leave): 07:00–20:00.
      person.availability = Array.from({ length: params.days }, (_, d): TimeWindow => ({ start: at(d, 7), end: at(d, 20) }));
    } else if (pattern < 0.35) {
      // Working people: weekday evenings, whole weekends.
      person.availability = Array.from({ length: params.days }, (_, d): TimeWindow => (d % 7 >= 5 ? { start: at(d, 0), end: at(d + 1, 0) } : { start: at(d, 16), end: at(d + 1, 0) }));
    } else if (pattern < 0.45) {
      person.unavailableDays = distinctDays(vrng, vrng.int(2, 4), params.days);
      workableDays -= person.unavailableDays.length;
    }
    people.push(person);
    capacity.push(capacityMinutes(person, workableDays, 1920, weeks));
  }

  // Fairness: everyone's target is the same share of their own capacity (rounded to the hour).
  const totalCapacity = capacity.reduce((s, c) => s + c, 0);
  const share = Math.min(1, demandMinutes / totalCapacity);
  people.forEach((p, i) => {
    const min = p.limits?.minTotalMinutes ?? 0;
    p.targetMinutes = Math.max(min, Math.round((capacity[i]! * share) / 60) * 60);
  });

  // Preferences: about 30 % of people state one to three weighted wishes.
  const preferences: Preference[] = [];
  const wrng = rng.fork('preferences');
  for (const p of people) {
    if (!wrng.chance(0.3)) continue;
    const n = wrng.int(1, 3);
    for (const day of distinctDays(wrng, n, params.days)) {
      const kind = wrng.next();
      if (kind < 0.5) preferences.push({ personId: p.id, kind: 'wantDayOff', day, weight: wrng.int(1, 3) });
      else if (kind < 0.8) preferences.push({ personId: p.id, kind: 'avoidType', day, shiftType: 'night', weight: 2 });
      else preferences.push({ personId: p.id, kind: 'wantType', day, shiftType: 'early', weight: 1 });
    }
  }

  // Pinned: in each community, one full-period cadre holds the office shift on day 0 (the
  // community's standing duty officer, 值班负责人), when such a cadre is free that day.
  const pinned: PinnedAssignment[] = [];
  for (const community of communities) {
    const officer = (cadresOf.get(community.id) ?? []).find((p) => !p.availability && !(p.unavailableDays ?? []).includes(0) && p.skills?.includes(SKILL_REGISTRATION));
    if (officer) pinned.push({ personId: officer.id, shiftId: `${community.id}-OFF@00/office` });
  }

  // Travel cost per assignment between a home region and a site.
  const travel: TravelCost[] = [];
  if (params.travelLevel === 'community') {
    for (const home of communities) {
      for (const site of sites) {
        if (site.community === home.id) continue;
        travel.push({ region: home.id, site: site.id, cost: site.town === home.town ? 2 : 6 });
      }
    }
  } else {
    for (const town of towns) {
      for (const site of sites) if (site.town !== town) travel.push({ region: town, site: site.id, cost: 5 });
    }
  }

  const problem: Problem = {
    calendar: { startMinute: day0, days: params.days, firstWeekday: 0, weekendDays: [5, 6] },
    people,
    shifts,
    preferences,
    pinned,
    travel,
  };
  return { params, problem, towns, communities, sites, demandMinutes };
}

/** What a person can work at most over the horizon, in minutes: the tightest of their limits. */
function capacityMinutes(person: Person, workableDays: number, weeklyCap: number, weeks: number): number {
  const l = person.limits ?? {};
  const byRun = l.maxConsecutiveWorkDays ? Math.floor((workableDays * l.maxConsecutiveWorkDays) / (l.maxConsecutiveWorkDays + 1)) : workableDays;
  return Math.max(0, Math.min(weeklyCap * weeks, l.maxTotalMinutes ?? Infinity, byRun * 480));
}

/** Split `total` into `parts` positive-ish counts that differ realistically (±50 % around the mean). */
function spread(total: number, parts: number, rng: Rng, minimum = 0): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + rng.next());
  const sum = weights.reduce((s, w) => s + w, 0);
  const free = total - minimum * parts;
  const counts = weights.map((w) => minimum + Math.floor((w / sum) * free));
  let left = total - counts.reduce((s, c) => s + c, 0);
  for (; left > 0; left--) counts[rng.int(0, parts - 1)]!++;
  return counts;
}

function distinctDays(rng: Rng, n: number, days: number): number[] {
  const set = new Set<number>();
  while (set.size < Math.min(n, days)) set.add(rng.int(0, days - 1));
  return [...set].sort((a, b) => a - b);
}

function drawSkills(rng: Rng, shares: Record<string, number>): string[] {
  return Object.entries(shares)
    .filter(([, p]) => rng.chance(p))
    .map(([skill]) => skill);
}

/** Epoch minutes of local midnight at the start of `date` (YYYY-MM-DD) in a zone `offset` minutes east of UTC. */
export function localMidnightEpochMinutes(date: string, offset: number): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`startDate: must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 60000 - offset;
}

function validateParams(p: RegionalParams): void {
  const positive = ['towns', 'communities', 'days', 'checkpointHeadcount', 'officeHeadcount'] as const;
  for (const k of positive) if (!Number.isInteger(p[k]) || p[k] < 1) throw new RangeError(`${k}: must be a positive integer, got ${p[k]}`);
  for (const k of ['checkpoints', 'cadres', 'volunteers', 'seed'] as const) if (!Number.isInteger(p[k]) || p[k] < 0) throw new RangeError(`${k}: must be a non-negative integer, got ${p[k]}`);
  if (p.communities < p.towns) throw new RangeError(`communities: must be at least one per town (${p.towns}), got ${p.communities}`);
  if (p.checkpoints < p.communities) throw new RangeError(`checkpoints: must be at least one per community (${p.communities}), got ${p.checkpoints}`);
  for (const k of ['partyShareCadres', 'partyShareVolunteers'] as const) if (!(p[k] >= 0 && p[k] <= 1)) throw new RangeError(`${k}: must lie in [0, 1], got ${p[k]}`);
  const day0 = localMidnightEpochMinutes(p.startDate, p.utcOffsetMinutes) + p.utcOffsetMinutes;
  if (new Date(day0 * 60000).getUTCDay() !== 1) throw new RangeError(`startDate: must be a Monday, got ${p.startDate}`);
}
