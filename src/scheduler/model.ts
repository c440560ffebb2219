/**
 * The roster problem model: the public, serialisable input and output of the roster engine.
 *
 * Everything is referenced by string id. Times are epoch minutes (UTC minutes since
 * 1970-01-01T00:00Z); the calendar below says where "day 0" starts so that "a day", "a week"
 * and "a weekend" are well defined for the region the roster is for (Asia/Shanghai = UTC+8,
 * no daylight saving, so a day is always 1,440 minutes).
 *
 * The engine gives every person at most one shift per calendar day (as the NRP benchmark does).
 * A roster handed to `score()` with two shifts for one person on one day is reported by the
 * `oneShiftPerDay` hard constraint.
 */

/** Minutes since the Unix epoch (UTC). */
export type EpochMinutes = number;

/** 0 = Monday … 6 = Sunday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Defines the days of the horizon. Day d covers [startMinute + 1440·d, startMinute + 1440·(d+1)). */
export interface Calendar {
  /** Epoch minute at which day 0 begins (local midnight, i.e. already shifted by the zone offset). */
  startMinute: EpochMinutes;
  /** Number of days in the horizon. */
  days: number;
  /** Weekday of day 0 (0 = Monday). NRP instances start on a Monday. */
  firstWeekday: Weekday;
  /** Weekdays that form the weekend; default [5, 6] (Saturday, Sunday). */
  weekendDays?: Weekday[];
}

/** A half-open time window [start, end) in epoch minutes. */
export interface TimeWindow {
  start: EpochMinutes;
  end: EpochMinutes;
}

/** Per-person limits. Every field is optional; an absent field means "no limit". All are hard rules. */
export interface PersonLimits {
  /** Minimum minutes worked over the whole horizon. */
  minTotalMinutes?: number;
  /** Maximum minutes worked over the whole horizon. */
  maxTotalMinutes?: number;
  /** Maximum minutes worked in any calendar week (weeks start on Monday). */
  maxMinutesPerWeek?: number;
  /** Maximum length of a run of consecutive working days. */
  maxConsecutiveWorkDays?: number;
  /** Minimum length of a run of working days bounded by days off inside the horizon. */
  minConsecutiveWorkDays?: number;
  /** Minimum length of a run of days off bounded by working days inside the horizon. */
  minConsecutiveDaysOff?: number;
  /** Maximum number of weekends with any shift. */
  maxWeekendsWorked?: number;
  /** Minimum rest in minutes between the end of one shift and the start of the next. */
  minRestMinutes?: number;
  /** Maximum number of shifts per shift type (type id → count). 0 bans the type for this person. */
  maxShiftsPerType?: Record<string, number>;
}

export interface Person {
  id: string;
  /** Display name (Chinese in the field), used in explanations. */
  name?: string;
  /** Skill tags, e.g. "测温" (temperature checks), "驾驶". */
  skills?: string[];
  /** Member of the Communist Party of China (counts towards `Shift.minPartyMembers`). */
  partyMember?: boolean;
  /** Region id of the person's home (used with `Problem.travel`). */
  homeRegion?: string;
  /**
   * Availability windows. When present, the person may only work shifts lying entirely inside
   * one of them. Absent = available any time (subject to `unavailable` and `unavailableDays`).
   */
  availability?: TimeWindow[];
  /** Windows in which the person must not work (a shift overlapping one is forbidden). */
  unavailable?: TimeWindow[];
  /** Day indices on which the person must not work. */
  unavailableDays?: number[];
  limits?: PersonLimits;
  /** Fairness target: the minutes this person should work over the horizon. */
  targetMinutes?: number;
}

export interface Shift {
  id: string;
  /** Site id (checkpoint, community office, …); NRP shifts have none. */
  site?: string;
  /** Shift type id (e.g. "早", "中", "夜" or NRP's "D", "E", "L"). Drives successions and per-type limits. */
  type: string;
  start: EpochMinutes;
  end: EpochMinutes;
  /** Wanted number of people. */
  headcount: number;
  /** Cost per missing person (default `Problem.weights.understaffed`, 100). */
  underWeight?: number;
  /** Cost per surplus person (default `Problem.weights.overstaffed`, 1). */
  overWeight?: number;
  /** Minimum number of people holding each skill, e.g. { "测温": 1 }. */
  requiredSkills?: Record<string, number>;
  /** Minimum number of party members on the shift. */
  minPartyMembers?: number;
}

/** Shift type `to` must not be worked on the day right after a day with shift type `from`. */
export interface ForbiddenSuccession {
  from: string;
  to: string;
}

/** A weighted wish of one person. */
export type Preference =
  /** Wants to work this concrete shift. Unmet when the person does not hold it. */
  | { personId: string; kind: 'wantShift'; shiftId: string; weight: number }
  /** Does not want this concrete shift. Unmet when the person holds it. */
  | { personId: string; kind: 'avoidShift'; shiftId: string; weight: number }
  /** Wants to work exactly a shift of this type on this day (NRP shift-on request). Unmet when off or on another type. */
  | { personId: string; kind: 'wantType'; day: number; shiftType: string; weight: number }
  /** Does not want a shift of this type on this day (NRP shift-off request). */
  | { personId: string; kind: 'avoidType'; day: number; shiftType: string; weight: number }
  /** Wants the day off. Unmet when working any shift that day. */
  | { personId: string; kind: 'wantDayOff'; day: number; weight: number };

/** An assignment fixed in advance; the solver never removes it. */
export interface PinnedAssignment {
  personId: string;
  shiftId: string;
}

/** Cost of sending a person living in `region` to `site`, per assignment. */
export interface TravelCost {
  region: string;
  site: string;
  cost: number;
}

/**
 * Weights of the soft constraints (cost per unit) and of the hard ones (penalty per unit of
 * violation, used only to steer the search; hard totals are reported separately).
 * Keys are constraint names (see `constraints/index.ts`); defaults live with each constraint.
 */
export type Weights = Partial<Record<string, number>>;

export interface Problem {
  calendar: Calendar;
  people: Person[];
  shifts: Shift[];
  forbiddenSuccessions?: ForbiddenSuccession[];
  preferences?: Preference[];
  pinned?: PinnedAssignment[];
  travel?: TravelCost[];
  weights?: Weights;
}

export interface Assignment {
  personId: string;
  shiftId: string;
}

export interface Roster {
  assignments: Assignment[];
}

/** One constraint's share of a score. */
export interface ScorePart {
  constraint: string;
  hard: boolean;
  cost: number;
}

/** `hard` = total hard violation (0 = feasible); `soft` = total weighted soft cost. Lower is better. */
export interface Score {
  hard: number;
  soft: number;
  parts: ScorePart[];
}

/** A localised plain-words message. */
export interface Message {
  en: string;
  'zh-CN': string;
}

/** One broken rule: which constraint, who, which shifts, what it costs. */
export interface Violation {
  constraint: string;
  hard: boolean;
  personId?: string;
  shiftIds: string[];
  /** Day index concerned, when the rule is about a day or starts on one. */
  day?: number;
  cost: number;
  message: Message;
}

/** Per person: minutes worked against the fairness target (or the horizon mean when no target). */
export interface PersonLoad {
  personId: string;
  shifts: number;
  minutesWorked: number;
  targetMinutes: number | null;
  /** minutesWorked − target (null without target). */
  deviationMinutes: number | null;
}

export interface Explanation {
  score: Score;
  violations: Violation[];
  people: PersonLoad[];
  /** Fairness summary: max − min and standard deviation of (minutesWorked − target) over people with a target. */
  fairness: { spreadMinutes: number; stdDevMinutes: number };
  summary: Message;
}

export interface SolveProgress {
  bestScore: Score;
  phase: string;
  elapsedMs: number;
}

export interface SolveOptions {
  /** Wall-clock budget (measured with `now`). */
  timeLimitMs: number;
  /** Optional iteration budget for the local search; with a fixed seed the result is then reproducible. */
  maxIterations?: number;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (p: SolveProgress) => void;
  /** Clock in milliseconds (default `performance.now`). */
  now?: () => number;
  /** Random source in [0, 1) (default: a seeded PRNG from `seed`). */
  random?: () => number;
  /** Re-planning: start from this roster and penalise every change against it (`churn`). */
  previous?: Roster;
}

export interface SolveStats {
  iterations: number;
  elapsedMs: number;
  timeToBestMs: number;
  restarts: number;
  /** Whether the search stopped because the signal was aborted. */
  cancelled: boolean;
  /** Outcome of the exact MIP run beside the search, when one ran (HiGHS status, or "none"). */
  exactStatus?: string;
  /** The MIP polish beside the search, when it ran: window solves and how many improved the roster. */
  polish?: { solves: number; improvements: number };
  /** Moves the DP helper on the second core made and the search scored, when it ran (search/dpHelper.ts). */
  helperMoves?: number;
}

export interface SolveResult {
  roster: Roster;
  score: Score;
  feasible: boolean;
  explanation: Explanation;
  stats: SolveStats;
}

/** Changes applied to a problem when re-planning. */
export type ProblemChange =
  /** The person cannot work from `from` (until `to`, or the end of the horizon). */
  | { kind: 'personUnavailable'; personId: string; from: EpochMinutes; to?: EpochMinutes }
  | { kind: 'addShift'; shift: Shift }
  | { kind: 'cancelShift'; shiftId: string }
  | { kind: 'setHeadcount'; shiftId: string; headcount: number };

/** Thrown for a problem or roster that breaks the model's rules (unknown id, bad number, …). */
export class ProblemValidationError extends Error {
  constructor(
    /** Path of the offending field, e.g. `shifts[3].end`. */
    readonly field: string,
    /** The rule it breaks, in English. */
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
    this.name = 'ProblemValidationError';
  }
}
