/**
 * The Curtois & Qu nurse-rostering benchmark (instances 1–24) as plain data, exactly as the text
 * format defines it (see ../shared/benchmarks/nrp/FORMAT.md). Nothing here is mapped onto the
 * engine's own model yet; that mapping lives in `toProblem.ts`.
 *
 * Days are 0-based and day 0 is a Monday. Shift and employee IDs are separate namespaces (an
 * employee may be called `D` in an instance that also has a shift `D`).
 */

/** One line of SECTION_SHIFTS. */
export interface NrpShiftType {
  /** Shift ID as written in the file (case-sensitive). */
  readonly id: string;
  /** Length of the shift in minutes. */
  readonly minutes: number;
  /** Shift IDs that may not be worked on the day right after a day on which this shift is worked. */
  readonly notNext: readonly string[];
}

/** One line of SECTION_STAFF, joined with the employee's line of SECTION_DAYS_OFF. */
export interface NrpEmployee {
  readonly id: string;
  /**
   * Per shift ID, the most days this employee may work that shift type. Every shift type of the
   * instance has an entry: a type missing from the file's MaxShifts list gets the horizon length
   * (no effective limit); 0 means the employee can never take that shift.
   */
  readonly maxShifts: Readonly<Record<string, number>>;
  readonly maxTotalMinutes: number;
  readonly minTotalMinutes: number;
  readonly maxConsecutiveShifts: number;
  readonly minConsecutiveShifts: number;
  readonly minConsecutiveDaysOff: number;
  readonly maxWeekends: number;
  /** Days (ascending, no duplicates) on which the employee must not work. */
  readonly daysOff: readonly number[];
}

/** One line of SECTION_SHIFT_ON_REQUESTS or SECTION_SHIFT_OFF_REQUESTS. */
export interface NrpShiftRequest {
  readonly employee: string;
  readonly day: number;
  readonly shift: string;
  readonly weight: number;
}

/** One line of SECTION_COVER: the preferred head count of a shift type on a day. */
export interface NrpCover {
  readonly day: number;
  readonly shift: string;
  readonly requirement: number;
  /** Penalty per person below the requirement. */
  readonly weightUnder: number;
  /** Penalty per person above the requirement. */
  readonly weightOver: number;
}

export interface NrpInstance {
  /** A label for messages (usually the file name without extension); not part of the format. */
  readonly name: string;
  /** Number of days H; days are 0 … H−1. */
  readonly horizon: number;
  /** Shift types in file order. */
  readonly shifts: readonly NrpShiftType[];
  /** Employees in SECTION_STAFF order: the canonical order of roster rows. */
  readonly staff: readonly NrpEmployee[];
  /** Shift-on requests in file order: the employee wants to work exactly that shift that day. */
  readonly onRequests: readonly NrpShiftRequest[];
  /** Shift-off requests in file order: the employee wants not to work that shift that day. */
  readonly offRequests: readonly NrpShiftRequest[];
  /** Cover lines in file order, at most one per (day, shift). */
  readonly cover: readonly NrpCover[];
}

/**
 * A roster for an instance: `roster[e][d]` is the shift ID employee `e` (index in `staff`) works on
 * day `d`, or `null` for a day off. "At most one shift per day" holds by construction.
 */
export type NrpRoster = ReadonlyArray<ReadonlyArray<string | null>>;
