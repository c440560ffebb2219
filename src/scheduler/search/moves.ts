/**
 * The neighbourhood of the local search, on the person × day grid:
 *  - change:      one person's day → another shift of that day, or off;
 *  - swap:        two people exchange what they do on one day;
 *  - blockSwap:   two people exchange a run of k consecutive days (keeps cover, reshapes rows —
 *                 what makes the NRP's run and weekend limits tractable);
 *  - blockChange: one person's run of k days → the "same" shift every day (same type and site), or off;
 *  - rowSwap:     one person exchanges what they do on two days (keeps their minutes and type
 *                 counts; moves a shift from an over- to an under-staffed day);
 *  - coverFix:    an under-staffed shift gets a person who that day is off or on an over-staffed
 *                 shift (targeted: with dozens of shift types a day a random change rarely hits).
 *  - rowDp:       one person's window of days laid out anew by dynamic programming (rowDp.ts) —
 *                 rare (it costs about a thousand simple moves) but it moves whole runs at once;
 *  - fixDp:       the same around a dated hard violation of a person who breaks a rule, with
 *                 exact minutes: what clears the last violations on tightly packed rows (NRP 24
 *                 at 30 s: first feasible roster after 2.5 s instead of 12–18 s).
 *  - transfer:    an under-staffed shift gets a person who is off that day, and that person gives
 *                 up the far end of the work run the new day joins (the run slides by a day), or
 *                 a nearby day on an over-staffed shift. Their minutes and run lengths stay about
 *                 the same, so the work moves to where cover is short instead of adding to rows
 *                 that are already at their limits (what leaves long NRP horizons under-staffed).
 *  - handover:    person q hands one of their shifts to person p, who is off that day; p's days
 *                 around it are laid out by the DP holding that shift, then q's days around it
 *                 are laid out again by the DP. The one move here that re-plans two rows at once:
 *                 on NRP rows whose minutes and weekends are used up, no single-row change pays,
 *                 while two rows trading work do (see BENCH_NOTES.md, session 3).
 *  - grant:       the handover aimed at an unmet wish: the person who wants a shift takes it from
 *                 one of its holders, or someone off that day takes the shift a person wants to be
 *                 rid of (BENCH_NOTES.md, session 6).
 *  - fill:        an under-staffed shift goes to someone off that day (or on a shift with people
 *                 to spare), whose days around it the DP lays out holding it: like transfer, but
 *                 the work given up for it may be anywhere in the window, a weekend included. On a
 *                 weekend day it goes first to someone who works the other day of that weekend.
 *  - chain:       an under-staffed shift goes to someone off that day who has too few minutes
 *                 left for it; they shed the excess by trading a longer shift for a shorter one
 *                 on another day with someone who has minutes to spare (up to CHAIN_STEPS trades).
 *                 Gathers hours scattered over many rows into one (NRP 13, BENCH_NOTES session 10).
 *  - weekend:     an under-staffed weekend shift goes to someone who works the other day of that
 *                 weekend (so it costs none of their weekends); a neighbouring shift that may not
 *                 sit beside it is swapped with someone else's that day, a run grown too long gives
 *                 up its far end, and minutes over the maximum go with an over-staffed run end.
 * A move is written into (cells, values, n) for SearchState.propose; locked (pinned) cells are
 * never touched.
 */
import { maxShiftsPerDay, mayFollow, type Compiled } from '../compiled';
import { isAvailable } from '../constraints/availability';
import { wishUnmet } from '../constraints/shiftPreference';
import { MAX_DP_WINDOW, RowDp, rowDpApplies } from './rowDp';
import { constraints } from '../constraints';
import type { PersonConstraint } from '../constraints/types';
import type { RowStats } from './rowStats';

export const MAX_BLOCK = 7;

/**
 * Probability of the handover move (each costs two DP layouts). The DP moves' shares were doubled
 * in session 18 (see `moveMix`); the figures beside each share are from before that.
 */
export const HANDOVER_SHARE = 0.04;
/**
 * Shifts a day above which the handover's DP is lean (RowDp.lean) and the move four times rarer:
 * the DP's cost grows with the square of the options a day. At 20 s, seeds 1–3, the full DP made
 * NRP 13 (18 shift types) and NRP 24 (32) worse even at a share of 0.1 % (medians 2,871 → 2,804
 * and 142,922 → 155,571), the lean one at 0.5 % better (2,571 and 126,164); on few types the
 * lean DP is the worse one (NRP 17, 4 types: 7,192 against 6,554 with the full DP).
 */
export const HANDOVER_MAX_SHIFTS_PER_DAY = 10;
const LEAN_HANDOVER_FACTOR = 0.25;
/**
 * Probability of the grant move (a handover aimed at an unmet wish). At 20 s against no grant,
 * medians of seeds 1–3: NRP 9 475 against 508, NRP 8 1,372 against 1,397, NRP 6 and 12 level;
 * at 0.03 NRP 6 and 8 got worse (2,137 and 1,444): each grant costs two DP layouts.
 */
export const GRANT_SHARE = 0.02;
/**
 * On horizons of at least this many days the grant move is drawn twice as often. Compiled build,
 * 20 s, seeds 1–3, 0.02 against 0.01 (medians): NRP 19 3,885 / 4,037, 21 22,292 / 22,642 (every
 * seed better), 23 23,250 / 24,044, 18 5,226 / 5,333, 20, 22 and 24 level; on 42–56 days mixed
 * (NRP 14 1,463 / 1,401, 17 6,452 / 6,409, 15 and 16 level), and at 0.03 NRP 6 and 8 got worse.
 */
export const LONG_GRANT_MIN_DAYS = 84;
/**
 * Probability of the fill move. 20 s, seeds 1–4, 0.5 % against none: NRP 13 2,121 / 2,171 /
 * 2,424 / 2,445 against 2,394 / 2,442 / 2,611 / 2,580, NRP 19 4,026 / 3,921 / 3,968 / 4,091
 * against 4,178 / 4,136 / 4,183 / 4,272, NRP 8 level (medians 1,467 and 1,462); seeds 1–2: NRP 12
 * level, 22 and 24 mixed. At 1 % NRP 13 and 19 gained less.
 */
export const FILL_SHARE = 0.01;
/** Probability of the chain move (where it applies: `chainApplies`). */
export const CHAIN_SHARE = 0.1;
/** Trades a chain may make to shed the minutes its first taker is over by. */
export const CHAIN_STEPS = 4;
/**
 * Probability of the weekend move (where weekends are limited: `weekendApplies`). 20 s, medians of
 * seeds 1–4 against none: NRP 24 72,454 / 77,751 (4 of 4 better), 19 3,871 / 4,066, 13 1,772 /
 * 1,858, 23 and 22 level; NRP 20 and 12 level when run one at a time. 0.1 was no better.
 */
export const WEEKEND_SHARE = 0.05;
/** People the weekend move tries for one short shift before it gives up the draw. */
const WEEKEND_TRIES = 4;
/** People a weekend move asks for a same-day trade (a scan of everybody costs more than it finds). */
const WEEKEND_TRADE_SCAN = 24;

/** Does anybody have a limit on the weekends they work (so a half-worked weekend wastes one)? */
export function weekendApplies(c: Compiled): boolean {
  if (c.weekendCount === 0) return false;
  for (let p = 0; p < c.P; p++) if (c.people.maxWeekendsWorked[p] >= 0) return true;
  return false;
}

/**
 * The chain move applies where the people's maximum minutes add up to at most this multiple of
 * the minutes the shifts ask for, and shifts differ in length (else no trade sheds minutes).
 */
export const CHAIN_MAX_SUPPLY = 1.02;

/**
 * Are the people's hours scarce and the shift lengths mixed? Only there does the chain pay: on
 * rosters with hours to spare someone always has room for a shift, and the chain's scans cost
 * the search iterations (NRP 19, 23 and 24 at 20 s: 4–9 % worse with it, seeds 1–2).
 */
export function chainApplies(c: Compiled): boolean {
  let mixed = false;
  for (let s = 1; s < c.S && !mixed; s++) mixed = c.shiftMinutes[s] !== c.shiftMinutes[0];
  if (!mixed) return false;
  let supply = 0;
  for (let p = 0; p < c.P; p++) {
    const max = c.people.maxTotalMinutes[p];
    if (max < 0) return false;
    supply += max;
  }
  let demand = 0;
  for (let s = 0; s < c.S; s++) demand += c.shiftHeadcount[s] * c.shiftMinutes[s];
  return supply <= CHAIN_MAX_SUPPLY * demand;
}
/** Probability of the pair-up move (where the weekend move applies and the DP moves do). */
export const PAIR_UP_SHARE = 0.02;
/**
 * Default probabilities of change, swap, blockSwap, blockChange, rowSwap, coverFix, transfer,
 * rowDp, fixDp, handover, grant, fill, chain, weekend, pairUp (normalised over the kinds that
 * apply). The six DP moves' shares are twice what they were tuned at: session 17 made the DP about
 * twice as cheap where alike shifts merge, and the cheap moves' uphill steps are still drawn
 * often enough for the DP moves to feed on. 60 s, in-process, alternating, seeds 1–3 / 1–2 / 1,
 * as before → doubled: NRP 24 50,117 / 48,766 / 48,553 → 48,477 / 48,576 / 48,693; 12 4,115 /
 * 4,240 → 4,108 / 4,122; 22 33,317 / 33,963 → 33,611 / 33,455; 13 1,792 / 1,629 → 1,657 / 1,707;
 * 18 5,099 → 4,924; 19 3,667 → 3,534; 15 4,285 → 4,154; 21 21,756 → 21,662; 23 19,089 → 19,036;
 * 6 2,072 → 2,058; 9 465 → 463. Worse on NRP 20 only: 5,194 / 5,172 / 5,212 → 5,283 / 5,187 /
 * 5,326 (BENCH_NOTES.md, session 18).
 */
export const moveMix: number[] = [0.2, 0.2, 0.3, 0.1, 0.1, 0.1, 0.1, 0.002, 0.002, HANDOVER_SHARE, GRANT_SHARE, FILL_SHARE, CHAIN_SHARE, WEEKEND_SHARE, PAIR_UP_SHARE];

/** Days the rowDp move lays out at once. */
export const DP_WINDOW = 14;
/**
 * Horizons (days) above which the search takes the rowDp move. Measured at 20 s: on NRP 20
 * (182 days) it lowered the objective from 8,154 to 7,035; on NRP 16 (56 days) it raised it from
 * 4,262 to 5,644 — on short rows the cheap moves already reach every cell many times over.
 */
export const DP_MIN_HORIZON = 84;

/** Largest move: a handover lays out two windows (DP_WINDOW and MAX_DP_WINDOW days). */
export const MAX_MOVE_CELLS = Math.max(2 * MAX_BLOCK + 2, DP_WINDOW + MAX_DP_WINDOW);

export class MoveBuffer {
  readonly cells = new Int32Array(MAX_MOVE_CELLS);
  readonly values = new Int32Array(MAX_MOVE_CELLS);
  n = 0;
  kind = 0;
}

export const MOVE_KINDS = ['change', 'swap', 'blockSwap', 'blockChange', 'rowSwap', 'coverFix', 'transfer', 'rowDp', 'fixDp', 'handover', 'grant', 'fill', 'chain', 'weekend', 'pairUp'] as const;

/** How far (days) the transfer move looks for a day to give up when the new day joins no run. */
const TRANSFER_RADIUS = 7;

/** For each shift, the shift of the next day with the same type and site (−1 if none). */
export function nextSameShift(c: Compiled): Int32Array {
  const next = new Int32Array(c.S).fill(-1);
  for (let d = 0; d + 1 < c.D; d++) {
    const key = new Map<string, number>();
    for (const s of c.shiftsByDay[d + 1]) {
      const k = `${c.shiftType[s]}|${c.shiftSite[s]}`;
      if (!key.has(k)) key.set(k, s);
    }
    for (const s of c.shiftsByDay[d]) next[s] = key.get(`${c.shiftType[s]}|${c.shiftSite[s]}`) ?? -1;
  }
  return next;
}

export class MoveGenerator {
  /**
   * While a move helper runs (dpHelper.ts): the kinds it makes, taken from its ring when drawn
   * (a draw that finds the ring empty makes the move here, as without a helper).
   */
  helper: { ring: { take(m: MoveBuffer): boolean }; kinds: Uint8Array } | null = null;
  /** Moves taken from the helper's ring. */
  helperMoves = 0;
  private readonly next: Int32Array;
  /** People allowed to work each shift type at all (per-type limit not 0). */
  private readonly eligible: Int32Array[];
  /** Built on first use: only problems with few shifts a day take the rowDp move. */
  private dp: RowDp | null = null;
  private readonly dpOk: boolean;
  private readonly dpFixOk: boolean;
  private readonly hardRules: PersonConstraint[];
  /** Above HANDOVER_MAX_SHIFTS_PER_DAY the handover lays rows out with a lean DP of its own. */
  private readonly leanHandover: boolean;
  private leanDp: RowDp | null = null;
  /** Cumulative probabilities of the move kinds. */
  private readonly cumulative: number[];
  /** People with at least one wish (preference), for the grant move. */
  private readonly wishers: Int32Array;
  /** Shifts on weekend days, for the weekend move. */
  private readonly weekendShifts: Int32Array;
  /** The days of each weekend, for the pair-up move. */
  private readonly weekendDaysOf: Int32Array[];

  constructor(
    private readonly c: Compiled,
    private readonly locked: Uint8Array,
    private readonly random: () => number,
    mix: readonly number[] = moveMix,
  ) {
    this.next = nextSameShift(c);
    this.dpFixOk = rowDpApplies(c);
    this.dpOk = this.dpFixOk && c.D > DP_MIN_HORIZON;
    this.hardRules = constraints.filter((k): k is PersonConstraint => k.scope === 'person' && k.hard && k.active(c));
    this.eligible = Array.from({ length: c.T }, (_, t) => {
      const list: number[] = [];
      for (let p = 0; p < c.P; p++) if (c.people.maxShiftsPerType[p * c.T + t] !== 0) list.push(p);
      return Int32Array.from(list);
    });
    this.leanHandover = maxShiftsPerDay(c) > HANDOVER_MAX_SHIFTS_PER_DAY;
    const wishers: number[] = [];
    for (let p = 0; p < c.P; p++) if (c.preferences[p].length > 0) wishers.push(p);
    this.wishers = Int32Array.from(wishers);
    const chainOk = chainApplies(c);
    const weekendOk = weekendApplies(c);
    const onWeekends: number[] = [];
    if (weekendOk) for (let t = 0; t < c.S; t++) if (c.weekendOfDay[c.shiftDay[t]] >= 0) onWeekends.push(t);
    this.weekendShifts = Int32Array.from(onWeekends);
    const daysOf: number[][] = Array.from({ length: c.weekendCount }, () => []);
    for (let d = 0; d < c.D; d++) if (c.weekendOfDay[d] >= 0) daysOf[c.weekendOfDay[d]].push(d);
    this.weekendDaysOf = daysOf.map((days) => Int32Array.from(days));
    const kinds = mix.map((m, k) => {
      if ((k === 7 && !this.dpOk) || (k >= 8 && k <= 11 && !this.dpFixOk) || (k === 10 && wishers.length === 0) || (k === 12 && !chainOk) || (k === 13 && !weekendOk)) return 0;
      if (k === 14 && (!weekendOk || !this.dpFixOk)) return 0;
      if (k === 10 && c.D >= LONG_GRANT_MIN_DAYS) return 2 * m;
      return k === 9 && this.leanHandover ? m * LEAN_HANDOVER_FACTOR : m;
    });
    let acc = 0;
    const total = kinds.reduce((a, b) => a + b, 0);
    this.cumulative = kinds.map((m) => (acc += m / total));
  }

  /** The shift on day d with the type and site of shift s (−1 if none). */
  private sameOn(s: number, d: number): number {
    const day = this.c.shiftsByDay[d];
    const t = this.c.shiftType[s];
    const site = this.c.shiftSite[s];
    for (let i = 0; i < day.length; i++) if (this.c.shiftType[day[i]] === t && this.c.shiftSite[day[i]] === site) return day[i];
    return -1;
  }

  /** Screen: would person p holding shift s (−1 = off) break their availability or a type ban? */
  private banned(p: number, s: number): boolean {
    if (s < 0) return false;
    const c = this.c;
    if (c.people.maxShiftsPerType[p * c.T + c.shiftType[s]] === 0) return true;
    // Days off, unavailable windows and availability windows (bisection over merged windows).
    return !isAvailable(c, p, s);
  }

  private coverFix(x: Int32Array, m: MoveBuffer): boolean {
    const c = this.c;
    const count = this.staffed;
    if (!count) return false;
    const s = this.underStaffed(16);
    if (s < 0) return false;
    const d = c.shiftDay[s];
    const D = c.D;
    const preferSurplus = this.random() < 0.5;
    for (let i = 0; i < 16; i++) {
      const p = this.int(c.P);
      const cell = p * D + d;
      const cur = x[cell];
      if (cur === s || this.locked[cell] || this.banned(p, s)) continue;
      if (preferSurplus && (cur < 0 || count[cur] <= c.shiftHeadcount[cur])) continue;
      m.cells[0] = cell;
      m.values[0] = s;
      m.n = 1;
      return true;
    }
    return false;
  }

  /** The first under-staffed shift from a random one on (−1 when there is none). */
  private firstUnderStaffed(): number {
    const count = this.staffed!;
    const S = this.c.S;
    const from = this.int(S);
    for (let i = 0; i < S; i++) {
      const t = from + i < S ? from + i : from + i - S;
      if (count[t] < this.c.shiftHeadcount[t]) return t;
    }
    return -1;
  }

  /** A random under-staffed shift, or −1 when `draws` draws find none. */
  private underStaffed(draws: number): number {
    const c = this.c;
    const count = this.staffed;
    if (!count || c.S === 0) return -1;
    for (let i = 0; i < draws; i++) {
      const t = this.int(c.S);
      if (count[t] < c.shiftHeadcount[t]) return t;
    }
    return -1;
  }

  private transfer(x: Int32Array, m: MoveBuffer): boolean {
    const c = this.c;
    const s = this.underStaffed(32);
    if (s < 0) return false;
    const d = c.shiftDay[s];
    const D = c.D;
    const people = this.eligible[c.shiftType[s]];
    if (people.length === 0) return false;
    for (let i = 0; i < 16; i++) {
      const p = people[this.int(people.length)];
      const row = p * D;
      const cell = row + d;
      if (x[cell] >= 0 || this.locked[cell] || this.banned(p, s)) continue;
      m.cells[0] = cell;
      m.values[0] = s;
      m.n = 1;
      const before = d > 0 && x[cell - 1] >= 0;
      const after = d + 1 < D && x[cell + 1] >= 0;
      let drop = -1;
      if (before && (!after || this.random() < 0.5)) {
        drop = d - 1;
        while (drop > 0 && x[row + drop - 1] >= 0) drop--;
      } else if (after) {
        drop = d + 1;
        while (drop + 1 < D && x[row + drop + 1] >= 0) drop++;
      } else if (this.random() < 0.7) {
        // A lone new day: give up a nearby day whose shift has people to spare.
        const count = this.staffed!;
        const from = Math.max(0, d - TRANSFER_RADIUS);
        const span = Math.min(D - 1, d + TRANSFER_RADIUS) - from + 1;
        for (let k = 0; k < 6; k++) {
          const e = from + this.int(span);
          const v = x[row + e];
          if (v >= 0 && count[v] > c.shiftHeadcount[v]) {
            drop = e;
            break;
          }
        }
      }
      if (drop >= 0 && !this.locked[row + drop]) {
        m.cells[1] = row + drop;
        m.values[1] = -1;
        m.n = 2;
      }
      return true;
    }
    return false;
  }

  /**
   * rowDp (any person, priced minutes only) or fixDp (a person who breaks a hard rule, exact
   * minutes): the second clears the violations on tightly packed rows that cheap moves leave.
   */
  private rowDp(x: Int32Array, m: MoveBuffer, fix: boolean): boolean {
    const c = this.c;
    if (!this.staffed) return false;
    const p = fix ? (this.focus ? this.focus() : -1) : this.person();
    if (p < 0) return false;
    this.dp ??= new RowDp(c, this.locked);
    this.dp.stats = this.stats;
    const w = Math.min(c.D, DP_WINDOW);
    let a = this.int(c.D - w + 1);
    if (fix) {
      // A window around one of the person's dated hard violations, when there is one.
      const day = this.violationDay(x, p);
      if (day >= 0) a = Math.max(0, Math.min(c.D - w, day - this.int(w)));
    }
    if (!this.dp.solve(x, this.staffed, p, a, a + w - 1, fix)) return false;
    const row = p * c.D + a;
    let n = 0;
    for (let i = 0; i < w; i++) {
      if (x[row + i] === this.dp.out[i]) continue;
      m.cells[n] = row + i;
      m.values[n++] = this.dp.out[i];
    }
    m.n = n;
    return n > 0;
  }

  /** Journal of the cells a handover has written so far (undone before the move is returned). */
  private readonly jCells = new Int32Array(MAX_MOVE_CELLS + 1);
  private readonly jOld = new Int32Array(MAX_MOVE_CELLS + 1);
  private jn = 0;

  /** Writes x[cell] = v and keeps the staff counts in step, journalled for undo. */
  private write(x: Int32Array, cell: number, v: number): void {
    const old = x[cell];
    if (old === v) return;
    const count = this.staffed!;
    this.jCells[this.jn] = cell;
    this.jOld[this.jn++] = old;
    if (old >= 0) count[old]--;
    if (v >= 0) count[v]++;
    x[cell] = v;
    this.stats?.set((cell / this.c.D) | 0, cell % this.c.D, old, v);
  }

  /** Lays out the DP's answer for person p's days [a, a + w − 1] into x. */
  private writeLayout(x: Int32Array, dp: RowDp, p: number, a: number, w: number): void {
    const row = p * this.c.D + a;
    for (let i = 0; i < w; i++) this.write(x, row + i, dp.out[i]);
  }

  /**
   * handover: q's shift s on day d goes to p, who is off that day (laid out by layOutTwoRows).
   */
  private handover(x: Int32Array, m: MoveBuffer): boolean {
    const c = this.c;
    const { P, D } = c;
    if (!this.staffed || P < 2) return false;
    for (let attempt = 0; attempt < 8; attempt++) {
      const p = this.person();
      const d = this.int(D);
      if (x[p * D + d] >= 0 || this.locked[p * D + d]) continue;
      let q = this.int(P - 1);
      if (q >= p) q++;
      const s = x[q * D + d];
      if (s < 0 || this.locked[q * D + d] || this.banned(p, s)) continue;
      if (this.layOutTwoRows(x, m, p, q, d, s)) return true;
    }
    return false;
  }

  /**
   * pairUp: two people who each work one day of the same weekend, on different days, become one
   * who works it whole and one who has it off — p (off on day d) takes q's shift on d, laid out
   * like a handover. Where people are at their weekend limit a half-worked weekend spends a whole
   * weekend of the limit on one day's cover, and on the long NRP rotas most of the under-cover is
   * on weekends while hundreds of weekends are worked on one day (NRP 24: 790); the weekend freed
   * is one the weekend move can then fill. The two DP layouts may settle it otherwise (p gives up
   * its other day of the weekend, or q takes another shift of it) and the search judges those
   * like any move: keeping only the layouts that pair the weekend up was no better at 60 s (NRP 24
   * 55,521 against 54,658, seeds 1–2). Share 0.01 against none, 60 s, seeds 1–2: NRP 24 59,573 /
   * 56,362 against 64,342 / 59,728, NRP 23 19,681 / 19,798 against 19,902 / 19,981, NRP 22 and 19
   * a little better, NRP 13 level (BENCH_NOTES.md, session 15).
   */
  private pairUp(x: Int32Array, m: MoveBuffer): boolean {
    const c = this.c;
    const { P, D } = c;
    const stats = this.stats;
    const W = c.weekendCount;
    if (!this.staffed || !stats || P < 2 || W === 0) return false;
    for (let attempt = 0; attempt < 4; attempt++) {
      const p = this.person();
      // A weekend p works on one day only, and the day of it p is off.
      const w0 = this.int(W);
      let d = -1;
      for (let i = 0; i < W && d < 0; i++) {
        const wk = w0 + i < W ? w0 + i : w0 + i - W;
        if (stats.weekendDays[p * W + wk] !== 1) continue;
        const days = this.weekendDaysOf[wk];
        if (days.length < 2) continue;
        for (let k = 0; k < days.length && d < 0; k++) if (x[p * D + days[k]] < 0 && !this.locked[p * D + days[k]]) d = days[k];
      }
      if (d < 0) continue;
      const w = c.weekendOfDay[d];
      // Someone who works d and nothing else of that weekend.
      const from = this.int(P);
      for (let i = 0; i < P; i++) {
        const q = from + i < P ? from + i : from + i - P;
        const s = x[q * D + d];
        if (q === p || s < 0 || this.locked[q * D + d] || stats.weekendDays[q * W + w] !== 1 || this.banned(p, s)) continue;
        return this.layOutTwoRows(x, m, p, q, d, s);
      }
    }
    return false;
  }

  /**
   * grant: a person's unmet wish for a day is granted, the trade laid out like a handover. A wish
   * for a shift: p takes it, and one of its holders gives it up unless it is short of people. A
   * wish not to work it (or to be off): someone off that day takes p's shift. Random handovers
   * rarely hit the one (person, day) a request names; on NRP 9, whose cover is fixed by the
   * instance, the requests are the whole difference to the best known roster.
   */
  private grant(x: Int32Array, m: MoveBuffer): boolean {
    const c = this.c;
    const { P, D } = c;
    const count = this.staffed;
    if (!count || this.wishers.length === 0) return false;
    for (let attempt = 0; attempt < 8; attempt++) {
      const p = this.wishers[this.int(this.wishers.length)];
      const wishes = c.preferences[p];
      const pr = wishes[this.int(wishes.length)];
      const d = pr.day;
      const cell = p * D + d;
      if (this.locked[cell] || !wishUnmet(c, pr, x[cell])) continue;
      if (pr.kind === 'wantShift' || pr.kind === 'wantType') {
        const s = pr.kind === 'wantShift' ? pr.shift : this.shiftOfType(d, pr.type);
        if (s < 0 || this.banned(p, s)) continue;
        let q = -1;
        if (count[s] >= c.shiftHeadcount[s]) {
          const from = this.int(P);
          for (let i = 0; i < P && q < 0; i++) {
            const r = (from + i) % P;
            if (r !== p && x[r * D + d] === s && !this.locked[r * D + d]) q = r;
          }
        }
        if (this.layOutTwoRows(x, m, p, q, d, s)) return true;
      } else {
        const s = x[cell];
        let taker = -1;
        for (let i = 0; i < 16 && taker < 0; i++) {
          const r = this.int(P);
          if (r !== p && x[r * D + d] < 0 && !this.locked[r * D + d] && !this.banned(r, s)) taker = r;
        }
        if (taker >= 0 && this.layOutTwoRows(x, m, taker, p, d, s)) return true;
      }
    }
    return false;
  }

  /**
   * fill: an under-staffed shift goes to someone who is off that day (or on a shift with people
   * to spare), whose days around it are laid out by the DP holding it: the work they give up for
   * it goes where it is least missed, a weekend's work included.
   */
  private fill(x: Int32Array, m: MoveBuffer): boolean {
    const c = this.c;
    const D = c.D;
    const count = this.staffed;
    if (!count) return false;
    const s = this.underStaffed(32);
    if (s < 0) return false;
    const d = c.shiftDay[s];
    const people = this.eligible[c.shiftType[s]];
    if (people.length === 0) return false;
    const half = this.halfWeekender(x, people, d, s);
    if (half >= 0) return this.layOutTwoRows(x, m, half, -1, d, s);
    for (let i = 0; i < 8; i++) {
      const p = people[this.int(people.length)];
      const cell = p * D + d;
      const cur = x[cell];
      if (cur === s || this.locked[cell] || this.banned(p, s)) continue;
      if (cur >= 0 && count[cur] <= c.shiftHeadcount[cur]) continue;
      return this.layOutTwoRows(x, m, p, -1, d, s);
    }
    return false;
  }

  /**
   * For a shift s on weekend day d: someone among `people` who is off on d but works another day
   * of that weekend (−1 if none). Their weekend is counted already, so taking s uses none of the
   * weekends they have left; on rotas where weekends are the scarce resource (NRP 13 and 24, nearly
   * everybody at their maximum) a weekend worked on one day only wastes a day of that capacity.
   */
  private halfWeekender(x: Int32Array, people: Int32Array, d: number, s: number): number {
    const c = this.c;
    const D = c.D;
    const we = c.weekendOfDay[d];
    if (we < 0) return -1;
    const from = this.int(people.length);
    for (let i = 0; i < people.length; i++) {
      const p = people[(from + i) % people.length];
      const cell = p * D + d;
      if (x[cell] >= 0 || this.locked[cell]) continue;
      let works = false;
      for (let e = d - 1; e >= 0 && c.weekendOfDay[e] === we && !works; e--) works = x[p * D + e] >= 0;
      for (let e = d + 1; e < D && c.weekendOfDay[e] === we && !works; e++) works = x[p * D + e] >= 0;
      if (works && !this.banned(p, s)) return p;
    }
    return -1;
  }

  /** A random shift of type t on day d (−1 if none). */
  private shiftOfType(d: number, t: number): number {
    const day = this.c.shiftsByDay[d];
    let seen = 0;
    let pick = -1;
    for (let i = 0; i < day.length; i++) {
      if (this.c.shiftType[day[i]] !== t) continue;
      seen++;
      if (seen === 1 || this.random() * seen < 1) pick = day[i];
    }
    return pick;
  }

  /**
   * p takes shift s on day d from q (q < 0: from nobody): p's window is laid out by the DP
   * holding s, then q's window by the DP. Both rows are written into x and the counts so the
   * second DP sees the first one's answer, and everything is undone before the move is returned:
   * the search state scores it like any other move. False when the DP finds no layout for p or
   * nothing changes.
   */
  private layOutTwoRows(x: Int32Array, m: MoveBuffer, p: number, q: number, d: number, s: number): boolean {
    const c = this.c;
    const D = c.D;
    const count = this.staffed!;
    const dp = this.leanHandover ? (this.leanDp ??= new RowDp(c, this.locked, true)) : (this.dp ??= new RowDp(c, this.locked));
    dp.stats = this.stats;
    this.jn = 0;
    if (q >= 0) this.write(x, q * D + d, -1);
    const w1 = Math.min(D, DP_WINDOW);
    const a1 = Math.max(0, Math.min(D - w1, d - this.int(w1)));
    const ok = dp.solve(x, count, p, a1, a1 + w1 - 1, false, d, s);
    if (ok) {
      this.writeLayout(x, dp, p, a1, w1);
      const w2 = Math.min(D, MAX_DP_WINDOW);
      const a2 = Math.max(0, Math.min(D - w2, d - this.int(w2)));
      if (q >= 0 && dp.solve(x, count, q, a2, a2 + w2 - 1, false, -1, -1, d, c.shiftType[s])) this.writeLayout(x, dp, q, a2, w2);
    }
    // The move is the journal's cells at their final values; then x and the counts are restored.
    let n = 0;
    for (let i = 0; i < this.jn; i++) {
      const cell = this.jCells[i];
      let seen = false;
      for (let j = 0; j < n && !seen; j++) seen = m.cells[j] === cell;
      if (seen) continue;
      m.cells[n] = cell;
      m.values[n++] = x[cell];
    }
    for (let i = this.jn - 1; i >= 0; i--) {
      const cell = this.jCells[i];
      const v = x[cell];
      const old = this.jOld[i];
      if (v >= 0) count[v]--;
      if (old >= 0) count[old]++;
      x[cell] = old;
      this.stats?.set((cell / D) | 0, cell % D, v, old);
    }
    this.jn = 0;
    // Cells written and later written back to their first value are no change.
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (x[m.cells[i]] === m.values[i]) continue;
      m.cells[k] = m.cells[i];
      m.values[k++] = m.values[i];
    }
    m.n = k;
    return ok && k > 0;
  }

  /**
   * chain: an under-staffed shift s goes to someone off that day although its minutes would take
   * them over their total; they shed the excess by trading a longer shift for a shorter one, on
   * another day, with someone who has minutes to spare (and that person may pass their own excess
   * on in the same way). A trade keeps both people's working days, so runs, weekends and cover
   * stay as they were. On rosters where nearly everyone sits a few hours below their maximum
   * (NRP 13: demand exceeds the sum of the maxima), no one has room for a whole shift, and only
   * such a chain gathers the scattered hours into one.
   */
  private chain(x: Int32Array, m: MoveBuffer): boolean {
    const c = this.c;
    const D = c.D;
    const stats = this.stats;
    if (!this.staffed || !stats) return false;
    const s = this.firstUnderStaffed();
    if (s < 0) return false;
    const d = c.shiftDay[s];
    const people = this.eligible[c.shiftType[s]];
    if (people.length === 0) return false;
    // The eligible person off that day with the most room whose runs and weekends take the day.
    let taker = -1;
    let room = -Infinity;
    const from = this.int(people.length);
    for (let i = 0; i < people.length; i++) {
      const p = people[(from + i) % people.length];
      const cell = p * D + d;
      const max = c.people.maxTotalMinutes[p];
      if (max < 0 || x[cell] >= 0 || max - stats.minutes[p] <= room || this.locked[cell]) continue;
      if (this.banned(p, s) || !this.fitsBeside(x, p, d, s) || !this.dayOnFits(x, p, d)) continue;
      room = max - stats.minutes[p];
      taker = p;
    }
    if (taker < 0) return false;
    m.cells[0] = taker * D + d;
    m.values[0] = s;
    m.n = 1;
    let excess = c.shiftMinutes[s] - room;
    let cur = taker;
    for (let step = 0; step < CHAIN_STEPS && excess > 0; step++) {
      const r = this.shed(x, m, cur, cur === taker ? d : -1, excess);
      if (r < 0) return false;
      // The trade just written: cur took the shorter shift, r the longer one.
      const diff = c.shiftMinutes[m.values[m.n - 1]] - c.shiftMinutes[m.values[m.n - 2]];
      const over = this.overBy(r, diff);
      if (excess > diff) {
        // cur is still over: go on from cur, unless r is now over too (two open ends).
        if (over > 0) return false;
        excess -= diff;
      } else {
        cur = r;
        excess = over;
      }
    }
    return excess <= 0;
  }

  /**
   * weekend: an under-staffed shift s on a weekend day goes to someone off that day who works the
   * other day of the weekend. Their weekend is counted already, so the day costs none of the
   * weekends they have left; on rotas where weekends are the scarce resource (NRP 20–24: the
   * people's minimum minutes exceed the demand, nearly everybody works their maximum of weekends)
   * each weekend worked on one day only is a day of weekend cover lost. What the new day breaks
   * in the taker's row is mended in the same move where a screen finds a way (completeWeekend).
   */
  private weekend(x: Int32Array, m: MoveBuffer): boolean {
    const c = this.c;
    const D = c.D;
    const count = this.staffed;
    const stats = this.stats;
    const W = this.weekendShifts;
    if (!count || !stats || W.length === 0) return false;
    let s = -1;
    const from = this.int(W.length);
    for (let i = 0; i < W.length && s < 0; i++) {
      const t = W[from + i < W.length ? from + i : from + i - W.length];
      if (count[t] < c.shiftHeadcount[t]) s = t;
    }
    if (s < 0) return false;
    const d = c.shiftDay[s];
    const we = c.weekendOfDay[d];
    const people = this.eligible[c.shiftType[s]];
    const start = this.int(people.length);
    let tries = 0;
    // First those whose neighbouring shifts may sit beside s, then those who need a trade.
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < people.length && tries < WEEKEND_TRIES; i++) {
        const p = people[(start + i) % people.length];
        const cell = p * D + d;
        if (x[cell] >= 0 || this.locked[cell] || stats.weekendDays[p * c.weekendCount + we] === 0 || this.banned(p, s)) continue;
        if (this.fitsBeside(x, p, d, s) === (pass === 1)) continue;
        tries++;
        if (this.completeWeekend(x, m, p, d, s)) return true;
      }
    }
    return false;
  }

  /**
   * Writes into m: p takes s on day d (off today, working the other day of that weekend), with
   * what that needs to stay within p's rules, or returns false when a screen finds no way:
   *  - a neighbouring day whose shift may not sit beside s is swapped for the shift of someone
   *    else that day (same-day trade: both keep their working days);
   *  - a work run grown one day too long gives up its far end;
   *  - minutes over the maximum go with a day at the end of another run whose shift has people to
   *    spare.
   */
  private completeWeekend(x: Int32Array, m: MoveBuffer, p: number, d: number, s: number): boolean {
    const c = this.c;
    const D = c.D;
    const row = p * D;
    const stats = this.stats!;
    if (this.typeFull(p, s)) return false;
    m.cells[0] = row + d;
    m.values[0] = s;
    m.n = 1;
    let minutes = stats.minutes[p] + c.shiftMinutes[s];
    const rest = c.people.minRestMinutes[p];
    if (d > 0 && x[row + d - 1] >= 0 && !mayFollow(c, x[row + d - 1], s, rest)) {
      const k = this.tradeBeside(x, p, d - 1, -1, s);
      if (k >= 0) minutes += this.pushTrade(x, m, p, k, d - 1);
      else {
        const v = this.retypeBeside(x, p, d - 1, -1, s);
        if (v < 0) return false;
        minutes += this.pushRetype(x, m, p, d - 1, v);
      }
    }
    if (d + 1 < D && x[row + d + 1] >= 0 && !mayFollow(c, s, x[row + d + 1], rest)) {
      const k = this.tradeBeside(x, p, d + 1, s, -1);
      if (k >= 0) minutes += this.pushTrade(x, m, p, k, d + 1);
      else {
        const v = this.retypeBeside(x, p, d + 1, s, -1);
        if (v < 0) return false;
        minutes += this.pushRetype(x, m, p, d + 1, v);
      }
    }
    // The run the day joins, and the days off it eats into: a rest run left too short gives up
    // the end of the work run beyond it instead (the work slides towards the weekend).
    const minOff = c.people.minConsecutiveDaysOff[p];
    const { left, right, before, after } = this.around(x, p, d, minOff > 1);
    if (minOff > 1) {
      if (left === 0 && before > 0 && before < minOff && d - before > 0) {
        if (before + 1 < minOff || !this.mayDropRunEnd(x, p, d - before - 1)) return false;
        minutes -= this.pushDrop(x, m, p, d - before - 1);
      }
      if (right === 0 && after > 0 && after < minOff && d + after < D - 1) {
        if (after + 1 < minOff || !this.mayDropRunEnd(x, p, d + after + 1)) return false;
        minutes -= this.pushDrop(x, m, p, d + after + 1);
      }
    }
    const maxRun = c.people.maxConsecutiveWorkDays[p];
    let drop = -1;
    if (maxRun >= 0 && left + 1 + right > maxRun) {
      if (left + right > maxRun || Math.max(1, c.people.minConsecutiveWorkDays[p]) > left + right) return false;
      // The end away from the weekend (a bridge between two runs has none to give up).
      const we = c.weekendOfDay[d];
      const first = d - left;
      const last = d + right;
      if (left > 0 && c.weekendOfDay[first] !== we) drop = first;
      else if (right > 0 && c.weekendOfDay[last] !== we) drop = last;
      else return false;
    } else if (c.people.maxTotalMinutes[p] >= 0 && minutes > c.people.maxTotalMinutes[p]) {
      drop = this.surplusRunEnd(x, p, d, minutes - c.people.maxTotalMinutes[p]);
      if (drop < 0) return false;
    }
    if (drop >= 0) {
      if (this.locked[row + drop] || this.cellInMove(m, row + drop)) return false;
      minutes -= this.pushDrop(x, m, p, drop);
    }
    return minutes >= c.people.minTotalMinutes[p];
  }

  /**
   * Someone working day e whose shift p may take there between `before` (p's new shift on e − 1,
   * or −1: p's day before as it is) and `after` (likewise for e + 1), and who may take p's shift
   * in return; −1 when WEEKEND_TRADE_SCAN people from a random one on include nobody.
   */
  private tradeBeside(x: Int32Array, p: number, e: number, before: number, after: number): number {
    const c = this.c;
    const { P, D } = c;
    const mine = x[p * D + e];
    if (this.locked[p * D + e]) return -1;
    const rest = c.people.minRestMinutes[p];
    const prev = before >= 0 ? before : e > 0 ? x[p * D + e - 1] : -1;
    const next = after >= 0 ? after : e + 1 < D ? x[p * D + e + 1] : -1;
    const from = this.int(P);
    for (let i = 0; i < Math.min(P, WEEKEND_TRADE_SCAN); i++) {
      const q = (from + i) % P;
      const theirs = x[q * D + e];
      if (q === p || theirs < 0 || theirs === mine || this.locked[q * D + e]) continue;
      if ((prev >= 0 && !mayFollow(c, prev, theirs, rest)) || (next >= 0 && !mayFollow(c, theirs, next, rest))) continue;
      if (this.banned(p, theirs) || this.banned(q, mine) || !this.fitsBeside(x, q, e, mine)) continue;
      if (c.shiftType[theirs] !== c.shiftType[mine] && (this.typeFull(p, theirs) || this.typeFull(q, mine))) continue;
      return q;
    }
    return -1;
  }

  /**
   * May p give up day e, the last or first day of a work run, without breaking the run's minimum
   * length, a pin, or a weekend worked on both days?
   */
  private mayDropRunEnd(x: Int32Array, p: number, e: number): boolean {
    const c = this.c;
    const D = c.D;
    const row = p * D;
    if (this.locked[row + e]) return false;
    let len = 1;
    for (let k = e - 1; k >= 0 && x[row + k] >= 0; k--) len++;
    for (let k = e + 1; k < D && x[row + k] >= 0; k++) len++;
    if (len > 1 && len - 1 < c.people.minConsecutiveWorkDays[p]) return false;
    const we = c.weekendOfDay[e];
    return we < 0 || this.stats!.weekendDays[p * c.weekendCount + we] <= 1;
  }

  /** Writes p's day e off into m; returns the minutes p gives up. */
  private pushDrop(x: Int32Array, m: MoveBuffer, p: number, e: number): number {
    const cell = p * this.c.D + e;
    m.cells[m.n] = cell;
    m.values[m.n++] = -1;
    return this.c.shiftMinutes[x[cell]];
  }

  /**
   * Failing a trade: another shift of day e that p may work there between `before` and `after`
   * (as in tradeBeside), where p's own shift has people to spare or the other one is short of
   * them; −1 when there is none.
   */
  private retypeBeside(x: Int32Array, p: number, e: number, before: number, after: number): number {
    const c = this.c;
    const D = c.D;
    const count = this.staffed!;
    const mine = x[p * D + e];
    if (this.locked[p * D + e]) return -1;
    const rest = c.people.minRestMinutes[p];
    const prev = before >= 0 ? before : e > 0 ? x[p * D + e - 1] : -1;
    const next = after >= 0 ? after : e + 1 < D ? x[p * D + e + 1] : -1;
    const spare = count[mine] > c.shiftHeadcount[mine];
    const day = c.shiftsByDay[e];
    const from = this.int(day.length);
    for (let i = 0; i < day.length; i++) {
      const v = day[(from + i) % day.length];
      if (v === mine || (!spare && count[v] >= c.shiftHeadcount[v])) continue;
      if ((prev >= 0 && !mayFollow(c, prev, v, rest)) || (next >= 0 && !mayFollow(c, v, next, rest)) || this.banned(p, v)) continue;
      if (c.shiftType[v] !== c.shiftType[mine] && this.typeFull(p, v)) continue;
      return v;
    }
    return -1;
  }

  /** Has p worked as many shifts of s's type as they may (so one more breaks the limit)? */
  private typeFull(p: number, s: number): boolean {
    const c = this.c;
    const i = p * c.T + c.shiftType[s];
    const max = c.people.maxShiftsPerType[i];
    return max >= 0 && this.stats!.typeCount[i] >= max;
  }

  /** Writes p's day e → shift v into m; returns p's change in minutes. */
  private pushRetype(x: Int32Array, m: MoveBuffer, p: number, e: number, v: number): number {
    const cell = p * this.c.D + e;
    const old = x[cell];
    m.cells[m.n] = cell;
    m.values[m.n++] = v;
    return this.c.shiftMinutes[v] - this.c.shiftMinutes[old];
  }

  /** Writes the same-day trade of p's and q's shifts on day e into m; returns p's change in minutes. */
  private pushTrade(x: Int32Array, m: MoveBuffer, p: number, q: number, e: number): number {
    const D = this.c.D;
    const mine = x[p * D + e];
    const theirs = x[q * D + e];
    m.cells[m.n] = p * D + e;
    m.values[m.n++] = theirs;
    m.cells[m.n] = q * D + e;
    m.values[m.n++] = mine;
    return this.c.shiftMinutes[theirs] - this.c.shiftMinutes[mine];
  }

  /**
   * A day of p's, away from day d, at the end of a work run that stays long enough without it,
   * on a shift with people to spare, and whose shift is at least `excess` minutes long; −1 when a
   * scan from a random day finds none. Days of a weekend p works on both days are left alone.
   */
  private surplusRunEnd(x: Int32Array, p: number, d: number, excess: number): number {
    const c = this.c;
    const D = c.D;
    const row = p * D;
    const count = this.staffed!;
    const from = this.int(D);
    for (let i = 0; i < D; i++) {
      const e = from + i < D ? from + i : from + i - D;
      const v = x[row + e];
      if (v < 0 || Math.abs(e - d) <= 2 || count[v] <= c.shiftHeadcount[v] || c.shiftMinutes[v] < excess) continue;
      const runEnd = e === 0 || x[row + e - 1] < 0 || e + 1 === D || x[row + e + 1] < 0;
      if (runEnd && this.mayDropRunEnd(x, p, e)) return e;
    }
    return -1;
  }

  /** How far person r would go over their maximum by working `extra` more minutes (0 if not). */
  private overBy(r: number, extra: number): number {
    const max = this.c.people.maxTotalMinutes[r];
    return max < 0 ? 0 : Math.max(0, extra - (max - this.stats!.minutes[r]));
  }

  /**
   * One trade of a chain: person p, over their maximum by `excess` minutes, swaps a shift on some
   * day (not within a day of `avoid`) for a shorter one held by someone not yet in the move. Of a
   * few days' candidates it takes the trade that leaves the least excess in the chain, and
   * writes it into m (p's cell, then the other person's). Returns the other person, or −1 when
   * no trade was found.
   */
  private shed(x: Int32Array, m: MoveBuffer, p: number, avoid: number, excess: number): number {
    const c = this.c;
    const { P, D } = c;
    let best = -1;
    let bestDay = -1;
    let bestLeft = Infinity;
    for (let k = 0; k < 4; k++) {
      const e = this.int(D);
      if (avoid >= 0 && Math.abs(e - avoid) <= 1) continue;
      const mine = x[p * D + e];
      if (mine < 0 || this.locked[p * D + e] || this.cellInMove(m, p * D + e)) continue;
      const long = c.shiftMinutes[mine];
      const from = this.int(P);
      for (let i = 0; i < P; i++) {
        const r = (from + i) % P;
        const theirs = x[r * D + e];
        if (theirs < 0 || c.shiftMinutes[theirs] >= long || this.locked[r * D + e] || this.inMove(m, r)) continue;
        const diff = long - c.shiftMinutes[theirs];
        const left = Math.max(0, excess - diff) + this.overBy(r, diff);
        if (left >= bestLeft) continue;
        if (this.banned(p, theirs) || this.banned(r, mine) || !this.fitsBeside(x, p, e, theirs) || !this.fitsBeside(x, r, e, mine)) continue;
        best = r;
        bestDay = e;
        bestLeft = left;
        if (left === 0) break;
      }
      if (bestLeft === 0) break;
    }
    if (best < 0) return -1;
    this.pushTrade(x, m, p, best, bestDay);
    return best;
  }

  /** Is cell already among the cells of move m? */
  private cellInMove(m: MoveBuffer, cell: number): boolean {
    for (let i = 0; i < m.n; i++) if (m.cells[i] === cell) return true;
    return false;
  }

  /** Is person r already among the cells of move m? */
  private inMove(m: MoveBuffer, r: number): boolean {
    const D = this.c.D;
    for (let i = 0; i < m.n; i++) if (((m.cells[i] / D) | 0) === r) return true;
    return false;
  }

  /**
   * Screen: does working on day d, where person p is off, keep p's runs and weekends within
   * their limits (the work run it joins, the days off on either side, the weekends worked)?
   */
  private dayOnFits(x: Int32Array, p: number, d: number): boolean {
    const c = this.c;
    const D = c.D;
    const minOff = c.people.minConsecutiveDaysOff[p];
    const { left, right, before, after } = this.around(x, p, d, minOff > 1);
    const maxRun = c.people.maxConsecutiveWorkDays[p];
    if (maxRun >= 0 && left + 1 + right > maxRun) return false;
    const minRun = c.people.minConsecutiveWorkDays[p];
    if (left + 1 + right < minRun && d - left > 0 && d + right < D - 1) return false;
    if (minOff > 1) {
      // A rest run touching the horizon's edge is never too short.
      if (left === 0 && before > 0 && before < minOff && d - before > 0) return false;
      if (right === 0 && after > 0 && after < minOff && d + after < D - 1) return false;
    }
    const we = c.weekendOfDay[d];
    const maxWe = c.people.maxWeekendsWorked[p];
    if (we >= 0 && maxWe >= 0 && this.stats && this.stats.weekendDays[p * c.weekendCount + we] === 0 && this.stats.weekendsWorked[p] >= maxWe) return false;
    return true;
  }

  /**
   * Around day d of person p's row: the work days right before and after it (`left`, `right`)
   * and, where d borders no work on that side and `rests` is asked for, the days off right before
   * and after it (`before`, `after`). One scratch object, overwritten by each call.
   */
  private around(x: Int32Array, p: number, d: number, rests: boolean): { left: number; right: number; before: number; after: number } {
    const D = this.c.D;
    const row = p * D;
    const a = this.aroundOut;
    a.left = 0;
    while (d - a.left - 1 >= 0 && x[row + d - a.left - 1] >= 0) a.left++;
    a.right = 0;
    while (d + a.right + 1 < D && x[row + d + a.right + 1] >= 0) a.right++;
    a.before = 0;
    a.after = 0;
    if (rests && a.left === 0) while (d - a.before - 1 >= 0 && x[row + d - a.before - 1] < 0) a.before++;
    if (rests && a.right === 0) while (d + a.after + 1 < D && x[row + d + a.after + 1] < 0) a.after++;
    return a;
  }
  private readonly aroundOut = { left: 0, right: 0, before: 0, after: 0 };

  /** Screen: may person p work shift s on day d after their day before and before their day after (successions, rest)? */
  private fitsBeside(x: Int32Array, p: number, d: number, s: number): boolean {
    const c = this.c;
    const D = c.D;
    const rest = c.people.minRestMinutes[p];
    if (d > 0 && x[p * D + d - 1] >= 0 && !mayFollow(c, x[p * D + d - 1], s, rest)) return false;
    return !(d + 1 < D && x[p * D + d + 1] >= 0 && !mayFollow(c, s, x[p * D + d + 1], rest));
  }

  /** A random day on which person p breaks a hard row rule (−1 if none is dated). */
  private violationDay(x: Int32Array, p: number): number {
    const c = this.c;
    let seen = 0;
    let pick = -1;
    for (const k of this.hardRules) {
      k.cost(c, p, x, p * c.D, 1, (v) => {
        if (v.day === undefined) return;
        seen++;
        if (this.random() * seen < 1) pick = v.day;
      });
    }
    return pick;
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  /**
   * Optional: a person currently breaking a hard rule (or −1). When set, a third of the moves
   * start from such a person, which focuses repair where it is needed.
   */
  focus: (() => number) | null = null;
  /** People on each shift (the search state's tally), for the cover-directed move. */
  staffed: Int32Array | null = null;
  /**
   * The search state's row totals, for the DP (read, never left changed: a move's trial writes
   * are undone before it is returned).
   */
  stats: RowStats | null = null;

  private person(): number {
    if (this.focus && this.random() < 0.33) {
      const p = this.focus();
      if (p >= 0) return p;
    }
    return this.int(this.c.P);
  }

  /** Fills `m` with a random move of a random kind; returns false when the draw produced no change. */
  generate(x: Int32Array, m: MoveBuffer): boolean {
    if (this.c.P === 0 || this.c.D === 0) return false;
    const r = this.random();
    let kind = 0;
    while (kind < this.cumulative.length - 1 && r >= this.cumulative[kind]) kind++;
    m.kind = kind;
    m.n = 0;
    if (this.helper && this.helper.kinds[kind] === 1 && this.helper.ring.take(m)) {
      this.helperMoves++;
      return true;
    }
    const { P, D } = this.c;
    if (kind === 0) {
      const p = this.person();
      const d = this.int(D);
      const cell = p * D + d;
      if (this.locked[cell]) return false;
      const day = this.c.shiftsByDay[d];
      const off = day.length === 0 || this.random() < 0.25;
      const v = off ? -1 : day[this.int(day.length)];
      if (v === x[cell] || this.banned(p, v)) return false;
      m.cells[0] = cell;
      m.values[0] = v;
      m.n = 1;
      return true;
    }
    if (kind === 5) return this.coverFix(x, m);
    if (kind === 6) return this.transfer(x, m);
    if (kind === 7) return this.rowDp(x, m, false);
    if (kind === 8) return this.rowDp(x, m, true);
    if (kind === 9) return this.handover(x, m);
    if (kind === 10) return this.grant(x, m);
    if (kind === 11) return this.fill(x, m);
    if (kind === 12) return this.chain(x, m);
    if (kind === 13) return this.weekend(x, m);
    if (kind === 14) return this.pairUp(x, m);
    if (kind === 4) {
      if (D < 2) return false;
      const p = this.person();
      const d1 = this.int(D);
      let d2 = this.int(D - 1);
      if (d2 >= d1) d2++;
      const a = p * D + d1;
      const b = p * D + d2;
      if (this.locked[a] || this.locked[b] || x[a] === x[b]) return false;
      // Shifts belong to days: the value moving to d2 becomes the same-type shift of d2.
      const va = x[a] < 0 ? -1 : this.sameOn(x[a], d2);
      const vb = x[b] < 0 ? -1 : this.sameOn(x[b], d1);
      if ((x[a] >= 0 && va < 0) || (x[b] >= 0 && vb < 0)) return false;
      if (this.banned(p, va) || this.banned(p, vb)) return false;
      m.cells[0] = a;
      m.values[0] = vb;
      m.cells[1] = b;
      m.values[1] = va;
      m.n = 2;
      return true;
    }
    if (P < 2 && kind !== 3) return false;
    if (kind === 1 || kind === 2) {
      const p1 = this.person();
      let p2 = this.int(P - 1);
      if (p2 >= p1) p2++;
      const k = kind === 1 ? 1 : 2 + this.int(Math.min(MAX_BLOCK, D) - 1);
      if (k > D) return false;
      const d0 = this.int(D - k + 1);
      let differs = false;
      for (let i = 0; i < k; i++) {
        const a = p1 * D + d0 + i;
        const b = p2 * D + d0 + i;
        if (this.locked[a] || this.locked[b]) return false;
        if (x[a] !== x[b]) differs = true;
        if (this.banned(p1, x[b]) || this.banned(p2, x[a])) return false;
        m.cells[m.n] = a;
        m.values[m.n++] = x[b];
        m.cells[m.n] = b;
        m.values[m.n++] = x[a];
      }
      return differs;
    }
    // blockChange
    const p = this.person();
    const k = 2 + this.int(Math.min(MAX_BLOCK, D) - 1);
    if (k > D) return false;
    const d0 = this.int(D - k + 1);
    const day = this.c.shiftsByDay[d0];
    let s = day.length === 0 || this.random() < 0.3 ? -1 : day[this.int(day.length)];
    let differs = false;
    for (let i = 0; i < k; i++) {
      const cell = p * D + d0 + i;
      if (this.locked[cell] || this.banned(p, s)) return false;
      if (x[cell] !== s) differs = true;
      m.cells[m.n] = cell;
      m.values[m.n++] = s;
      if (s >= 0) {
        s = this.next[s];
        if (s < 0) break;
      }
    }
    return differs;
  }
}
