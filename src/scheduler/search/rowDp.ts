/**
 * Row re-optimisation by dynamic programming: the best way for ONE person to work days [a, b]
 * while everybody else stays as they are. It is the move that makes long horizons tractable: a
 * random change of one cell almost always breaks a run or a minute limit (NRP rows have a total
 * of minutes fixed to within one or two shifts), while the DP lays out a whole stretch of work
 * and rest runs at once and puts the work days where cover is short.
 *
 * The DP is exact for what a row decides on its own, day by day:
 *   - the gain of each cell: the shift's cover (a missing person saved, or a surplus person added,
 *     counting everyone else as fixed) and the person's own wishes for that day;
 *   - the run rules: work runs within [min, max] days, rest runs of at least the minimum, forbidden
 *     type successions and the minimum rest between adjacent days — including the fixed days just
 *     before and after the window;
 *   - availability, days off, pinned cells, per-type limits already used up outside the window.
 * The total-minutes window [min, max] is kept by a Lagrange price per minute, found by stepping
 * from corner to corner of the (minutes, cost) hull (see fit()).
 * Weekend counts, weekly minutes, skills and the rest are not modelled: the proposal is scored by
 * SearchState with every registered constraint, like any other move, so they are still enforced.
 */
import type { Compiled } from '../compiled';
import { maxShiftsPerDay, mayFollow, weightOf } from '../compiled';
import { isAvailable } from '../constraints/availability';
import { firstWishFrom, wishUnmet } from '../constraints/shiftPreference';
import type { RowStats } from './rowStats';

/** Longest window the DP is asked to lay out (bounded by the move buffer). */
export const MAX_DP_WINDOW = 28;
/** Weekend layers the DP tracks at most (a whole year holds 52 weekends). */
const MAX_WEEKEND_LAYERS = 60;
/** Largest state table (states × days) the exact-minutes DP builds. */
const EXACT_BUDGET = 2_000_000;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Predecessors ranked per run length for a work day (`rankPredecessors`). */
const TOP_PREDECESSORS = 3;
/** Options of the day before from which ranking them beats scanning them all for every option. */
const RANK_MIN_OPTIONS = 4;

/** Above this many shifts on a day the DP's state table gets too wide to pay (district scale). */
const DP_MAX_SHIFTS_PER_DAY = 64;

/** Does the row DP apply to this problem (rota-shaped: few shifts a day)? */
export function rowDpApplies(c: Compiled): boolean {
  return maxShiftsPerDay(c) <= DP_MAX_SHIFTS_PER_DAY;
}

export class RowDp {
  private readonly coverWeight: number;
  private readonly prefWeight: number;
  /**
   * Per window day: the options the DP chooses from (shift indices; −1 stands for off), their
   * separable costs and minutes — the day's candidate shifts (`cand*`, with cover and wish costs)
   * less those another candidate stands for (`merge`).
   */
  private opts: Int32Array[] = [];
  private nOpt = new Int32Array(0);
  private base: Float64Array[] = [];
  private mins: Int32Array[] = [];
  private candOpts: Int32Array[] = [];
  private candN = new Int32Array(0);
  private candBase: Float64Array[] = [];
  /**
   * Per shift: the index, among its day's shifts, of the first one the DP cannot tell from it —
   * same minutes, and a type that every forbidden succession treats alike (`sameKeyRest`: and the
   * same start and end, for people with a minimum rest). Of such shifts the DP only needs the
   * cheapest: its runs, rests, weekends and minutes are the same whichever it picks. NRP 24's 32
   * types make 14 such classes, NRP 22's 10 make 4, and the DP's work grows with the square of the
   * options a day.
   */
  private readonly sameKey: Int32Array;
  private readonly sameKeyRest: Int32Array;
  /** Per day-shift index: the option standing for that key on the day being merged (stamped). */
  private readonly slot: Int32Array;
  private readonly slotStamp: Int32Array;
  private stamp = 0;
  /** DP values and back-pointers per window day, sized for `layers` weekend layers. */
  private value: Float64Array[] = [];
  private from: Int32Array[] = [];
  /** Unpriced cost (cover, wishes, type prices) of the layout the last run() found. */
  private lastCost = 0;
  /** Cover, wish and type-price cost of the layout the last successful solve() found. */
  get layoutCost(): number {
    return this.lastCost;
  }
  /** The layout found by the last successful solve(), one cell per window day. */
  out = new Int32Array(0);
  private readonly maxOpt: number;
  private readonly maxStates: number;
  private readonly weCounted: Uint8Array;
  private readonly typePrice: Float64Array;
  private readonly typeUsed: Int32Array;
  private readonly typeLeft: Int32Array;
  /**
   * Per person: the minute price at which their last layout landed in its window (0: none yet).
   * A row's next window asks for a similar price, so the search starts there instead of at ±1:
   * 5 % fewer DP passes on NRP 22 (173 k → 164 k for 1 M moves), 3–5 % more moves at 60 s on
   * NRP 22–24 with the objective level (BENCH_NOTES.md, session 16).
   */
  private readonly lastPrice: Float64Array;
  private person = 0;
  /**
   * Options of the day before from which work days take their predecessors from the ranked few
   * (`rankPredecessors`) instead of a scan of all of them; a test sets it to Infinity to check
   * both find layouts of the same cost.
   */
  rankFrom = RANK_MIN_OPTIONS;
  /** Per run length: the ranked predecessors of `rankPredecessors` (values, options, counts). */
  private readonly topV: Float64Array;
  private readonly topJ: Int32Array;
  private readonly topN: Int32Array;
  private readonly finiteN: Int32Array;
  /** Per person, the shifts they may work each day (`allowedShifts`; null until first asked). */
  private readonly allowed: Array<{ start: Int32Array; list: Int32Array } | null>;
  /**
   * The search state's row totals, when the caller keeps them in step with the `x` it passes:
   * what lies outside the window is then read from them instead of walked.
   */
  stats: RowStats | null = null;
  /**
   * Per window day i ≥ 1: 1 where option j may follow option pj of day i − 1 (both work; no
   * forbidden succession, enough rest), at [pj · maxOpt + j]. Day 0 is checked against the fixed
   * day before the window and the last day against the one after it (`edge`).
   */
  private follows: Uint8Array[] = [];
  private readonly edgeIn: Uint8Array;
  private readonly edgeOut: Uint8Array;
  /** What the DP of the current solve() needs besides the option tables (set once per solve). */
  private readonly frame = {
    a: 0, b: 0, w: 0, minRun: 1, maxRunRaw: -1, R: 1, F: 1,
    prev: -1, prevRun: 0, prevFromStart: false, next: -1, nextRun: 0, nextToEnd: false,
    lo: -Infinity, hi: Infinity, K: 1, trackWe: false,
    /** Minute layers (M > 1 only in the exact-minutes pass) in units of g minutes. */
    M: 1, g: 1,
  };

  /**
   * `lean`: a day's options are only off, the current shift and the under-staffed shifts (a few
   * instead of dozens when there are many shift types a day; the DP's cost grows with the square
   * of the options) — and, within a longest run of the day a move is about (the forced shift's
   * day, or `nearDay`), the shifts of that move's type, so that a run can form around a shift
   * taken or close the gap a shift given up leaves. Without them most lean layouts of a grant or
   * handover found no legal row (NRP 24 at 10 s: 94,121 of 131,252 forced layouts failed; the
   * full DP laid out 40 % of those). 60 s, medians of seeds 1–2: NRP 24 60,360 → 53,340, NRP 23
   * 21,683 → 19,442, with the faster price search of fit() (BENCH_NOTES.md, session 14).
   */
  constructor(
    private readonly c: Compiled,
    private readonly locked: Uint8Array,
    private readonly lean = false,
  ) {
    this.coverWeight = weightOf(c, 'coverHeadcount', 1);
    this.prefWeight = weightOf(c, 'shiftPreference', 1);
    this.maxOpt = maxShiftsPerDay(c) + 1;
    let maxRun = 1;
    let maxOff = 1;
    for (let p = 0; p < c.P; p++) {
      const r = c.people.maxConsecutiveWorkDays[p];
      maxRun = Math.max(maxRun, r >= 0 ? r : 0, c.people.minConsecutiveWorkDays[p]);
      maxOff = Math.max(maxOff, c.people.minConsecutiveDaysOff[p]);
    }
    this.maxStates = this.maxOpt * Math.min(maxRun, c.D + 1) + Math.min(maxOff, c.D + 1) + 1;
    this.weCounted = new Uint8Array(c.weekendCount);
    this.typePrice = new Float64Array(c.T);
    this.typeUsed = new Int32Array(c.T);
    this.typeLeft = new Int32Array(c.T);
    this.lastPrice = new Float64Array(c.P);
    this.allowed = new Array(c.P).fill(null);
    const runs = Math.min(maxRun, c.D + 1) + 2;
    this.topV = new Float64Array(runs * TOP_PREDECESSORS);
    this.topJ = new Int32Array(runs * TOP_PREDECESSORS);
    this.topN = new Int32Array(runs);
    this.finiteN = new Int32Array(runs);
    this.edgeIn = new Uint8Array(this.maxOpt);
    this.edgeOut = new Uint8Array(this.maxOpt);
    [this.sameKey, this.sameKeyRest] = sameShiftKeys(c);
    this.slot = new Int32Array(this.maxOpt);
    this.slotStamp = new Int32Array(this.maxOpt);
  }

  /**
   * Person p's shifts each day that they may ever work (type allowed at all, available), in
   * `shiftsByDay` order, built on p's first layout: the candidate loop walked every shift of the
   * day and asked availability each time, a tenth of NRP 24's search.
   */
  private allowedShifts(p: number): { start: Int32Array; list: Int32Array } {
    const known = this.allowed[p];
    if (known) return known;
    const c = this.c;
    const start = new Int32Array(c.D + 1);
    const list: number[] = [];
    for (let d = 0; d < c.D; d++) {
      start[d] = list.length;
      for (const s of c.shiftsByDay[d]) {
        if (c.people.maxShiftsPerType[p * c.T + c.shiftType[s]] !== 0 && isAvailable(c, p, s)) list.push(s);
      }
    }
    start[c.D] = list.length;
    const built = { start, list: Int32Array.from(list) };
    this.allowed[p] = built;
    return built;
  }

  /** Cover cost of p holding shift s when `others` other people hold it (a missing one saved < 0). */
  private coverCost(s: number, others: number): number {
    const c = this.c;
    return (others < c.shiftHeadcount[s] ? -c.shiftUnderWeight[s] : c.shiftOverWeight[s]) * this.coverWeight;
  }

  /** Grows the scratch arrays to w days × `layers` state layers (each day only as far as needed). */
  private ensure(w: number, layers: number): void {
    while (this.opts.length < w) {
      this.opts.push(new Int32Array(this.maxOpt));
      this.base.push(new Float64Array(this.maxOpt));
      this.mins.push(new Int32Array(this.maxOpt));
      this.candOpts.push(new Int32Array(this.maxOpt));
      this.candBase.push(new Float64Array(this.maxOpt));
      this.value.push(new Float64Array(0));
      this.from.push(new Int32Array(0));
      this.follows.push(new Uint8Array(this.maxOpt * this.maxOpt));
    }
    if (this.nOpt.length < w) {
      this.nOpt = new Int32Array(w);
      this.candN = new Int32Array(w);
      this.out = new Int32Array(w);
    }
    const size = this.maxStates * layers;
    for (let i = 0; i < w; i++) {
      if (this.value[i].length >= size) continue;
      this.value[i] = new Float64Array(size);
      this.from[i] = new Int32Array(size);
    }
  }

  /**
   * Lays out person p's days [a, b] given the staff counts `count`
   * (including p's current cells). Writes the new shifts (−1 = off) into `out[0 .. b − a]` and
   * returns true, or returns false when no layout keeps the run rules with the fixed days around.
   * `exactFallback` false skips the (slower) exact-minutes pass — for the search's cheap move.
   * `forceDay`/`forceShift` (when forceDay ≥ 0) make the layout hold that shift on that day: the
   * best row for p that covers a given shift (the step of an ejection chain).
   * `nearDay`/`nearType`: the day and type of a shift p has just given up (lean DP only; see the
   * constructor); a forced shift stands for them itself.
   */
  solve(x: Int32Array, count: Int32Array, p: number, a: number, b: number, exactFallback = true, forceDay = -1, forceShift = -1, nearDay = -1, nearType = -1): boolean {
    const c = this.c;
    const { D, T } = c;
    const w = b - a + 1;
    if (w <= 0) return false;
    this.ensure(w, 1);
    const row = p * D;
    this.person = p;
    const minRun = Math.max(1, c.people.minConsecutiveWorkDays[p]);
    const maxRunRaw = c.people.maxConsecutiveWorkDays[p];
    const R = Math.min(D + 1, maxRunRaw >= 0 ? Math.max(1, maxRunRaw) : minRun);
    const F = Math.min(D + 1, Math.max(1, c.people.minConsecutiveDaysOff[p]));
    const minRest = c.people.minRestMinutes[p];

    // Minutes and per-type use outside the window: the row's totals less the window's cells
    // (or, without totals, a walk over the days outside — a whole year on long horizons).
    const stats = this.stats;
    const typeLeft = this.typeLeft;
    const outsideUse = this.typeUsed; // scratch: reused below for the layout's own type counts
    let outsideMinutes = 0;
    if (stats) {
      outsideMinutes = stats.minutes[p];
      for (let t = 0; t < T; t++) outsideUse[t] = stats.typeCount[p * T + t];
      for (let d = a; d <= b; d++) {
        const s = x[row + d];
        if (s < 0) continue;
        outsideMinutes -= c.shiftMinutes[s];
        outsideUse[c.shiftType[s]]--;
      }
    } else {
      outsideUse.fill(0);
      for (let d = 0; d < D; d++) {
        if (d >= a && d <= b) continue;
        const s = x[row + d];
        if (s < 0) continue;
        outsideMinutes += c.shiftMinutes[s];
        outsideUse[c.shiftType[s]]++;
      }
    }
    for (let t = 0; t < T; t++) {
      const most = c.people.maxShiftsPerType[p * T + t];
      typeLeft[t] = most < 0 ? most : Math.max(0, most - outsideUse[t]);
    }

    // Candidate shifts and their separable costs.
    if (forceDay >= 0) {
      nearDay = forceDay;
      nearType = c.shiftType[forceShift];
    }
    const { start: allowStart, list: allowList } = this.allowedShifts(p);
    for (let i = 0; i < w; i++) {
      const d = a + i;
      const cell = row + d;
      const o = this.candOpts[i];
      const base = this.candBase[i];
      let n = 0;
      const cur = x[cell];
      if (d === forceDay) {
        if (this.locked[cell] && cur !== forceShift) return false;
        o[n] = forceShift;
        base[n++] = this.coverCost(forceShift, count[forceShift] - (cur === forceShift ? 1 : 0));
      } else if (this.locked[cell]) {
        o[n] = cur;
        base[n++] = 0;
      } else {
        o[n] = -1;
        base[n++] = 0;
        for (let k = allowStart[d], kEnd = allowStart[d + 1]; k < kEnd; k++) {
          const s = allowList[k];
          const others = count[s] - (cur === s ? 1 : 0);
          if (this.lean && s !== cur && others >= c.shiftHeadcount[s] && !(nearType === c.shiftType[s] && Math.abs(d - nearDay) < R)) continue;
          if (typeLeft[c.shiftType[s]] === 0) continue;
          o[n] = s;
          base[n++] = this.coverCost(s, others);
        }
      }
      this.candN[i] = n;
    }
    // Wishes: cost of each candidate against this person's preferences on the window's days.
    const prefs = c.preferences[p];
    for (let q = firstWishFrom(c, p, a), end = firstWishFrom(c, p, b + 1); q < end; q++) {
      const pr = prefs[q];
      const i = pr.day - a;
      const o = this.candOpts[i];
      const k = pr.weight * this.prefWeight;
      for (let j = 0; j < this.candN[i]; j++) if (wishUnmet(c, pr, o[j])) this.candBase[i][j] += k;
    }

    const typePrice = this.typePrice;
    const used = this.typeUsed;
    typePrice.fill(0);
    this.merge(w, minRest > 0);

    // The fixed days around the window.
    const prev = a > 0 ? x[row + a - 1] : -1;
    let prevRun = 0; // length of the run (work if prev ≥ 0, else off) ending at a − 1
    let prevFromStart = false;
    if (a > 0) {
      let d = a - 1;
      while (d >= 0 && (x[row + d] >= 0) === prev >= 0) {
        prevRun++;
        d--;
      }
      prevFromStart = d < 0;
    }
    const next = b + 1 < D ? x[row + b + 1] : -1;
    let nextRun = 0;
    if (b + 1 < D) {
      let d = b + 1;
      while (d < D && (x[row + d] >= 0) === next >= 0) {
        nextRun++;
        d++;
      }
    }

    const minM = c.people.minTotalMinutes[p];
    const maxM = c.people.maxTotalMinutes[p];

    // Weekends: counted when a weekend day is worked and that weekend is not yet worked (outside
    // the window, or on the previous window day). Tracked as a layer of the state only when the
    // weekends left could run out inside the window.
    const maxWe = c.people.maxWeekendsWorked[p];
    let K = 1;
    let trackWe = false;
    const weCounted = this.weCounted;
    if (maxWe >= 0 && c.weekendCount > 0) {
      weCounted.fill(0, 0, c.weekendCount);
      const weUsed = stats ? this.weekendsOutside(x, stats, p, a, b) : this.walkWeekendsOutside(x, p, a, b);
      let open = 0;
      for (let d = a; d <= b; d++) {
        const we = c.weekendOfDay[d];
        if (we >= 0 && !weCounted[we] && (d === a || c.weekendOfDay[d - 1] !== we)) open++;
      }
      const left = Math.max(0, maxWe - weUsed);
      if (left < open) {
        trackWe = true;
        K = left + 1;
      }
    }
    if (K > MAX_WEEKEND_LAYERS) return false;
    this.ensure(w, K);

    // Field by field: an Object.assign of a fresh literal here cost 2 % of NRP 24's search.
    const f = this.frame;
    f.a = a;
    f.b = b;
    f.w = w;
    f.minRun = minRun;
    f.maxRunRaw = maxRunRaw;
    f.R = R;
    f.F = F;
    f.prev = prev;
    f.prevRun = prevRun;
    f.prevFromStart = prevFromStart;
    f.next = next;
    f.nextRun = nextRun;
    f.nextToEnd = b + 1 + nextRun === D;
    f.lo = minM > 0 ? minM - outsideMinutes : -Infinity;
    f.hi = maxM >= 0 ? maxM - outsideMinutes : Infinity;
    f.K = K;
    f.trackWe = trackWe;
    f.M = 1;
    f.g = 1;
    this.buildTransitions(minRest);

    // Per-type limits bind when the window could use a type more often than it has left: price
    // the over-used types up until the layout keeps every limit (a few subgradient rounds).
    for (let round = 0; round < 8; round++) {
      if (!this.fit() && !(exactFallback && this.exactMinutes())) return false;
      used.fill(0);
      for (let i = 0; i < w; i++) if (this.out[i] >= 0) used[c.shiftType[this.out[i]]]++;
      let over = false;
      for (let t = 0; t < T; t++) {
        if (typeLeft[t] >= 0 && used[t] > typeLeft[t]) {
          over = true;
          typePrice[t] += 50 * (round + 1);
        }
      }
      if (!over) return true;
      // Re-price the over-used types: the cheapest of alike shifts may now be another one.
      this.merge(w, minRest > 0);
      this.buildTransitions(minRest);
    }
    return false;
  }

  /**
   * The DP's options from the candidates: of the candidates of a day the DP cannot tell apart
   * (`sameKey`), only the cheapest at the current type prices. Exact: the DP's best layout costs
   * the same, in a fraction of the time when many shift types behave alike.
   */
  private merge(w: number, rest: boolean): void {
    const c = this.c;
    const key = rest ? this.sameKeyRest : this.sameKey;
    const typePrice = this.typePrice;
    const slot = this.slot;
    const slotStamp = this.slotStamp;
    for (let i = 0; i < w; i++) {
      const co = this.candOpts[i];
      const cb = this.candBase[i];
      const o = this.opts[i];
      const base = this.base[i];
      const mins = this.mins[i];
      if (this.stamp > 0x3fffffff) {
        slotStamp.fill(0);
        this.stamp = 0;
      }
      const stamp = ++this.stamp;
      let n = 0;
      for (let j = 0; j < this.candN[i]; j++) {
        const s = co[j];
        if (s < 0) {
          o[n] = -1;
          base[n] = cb[j];
          mins[n++] = 0;
          continue;
        }
        const cost = cb[j] + typePrice[c.shiftType[s]];
        const k = key[s];
        if (slotStamp[k] === stamp) {
          const at = slot[k];
          if (cost < base[at]) {
            o[at] = s;
            base[at] = cost;
          }
          continue;
        }
        slotStamp[k] = stamp;
        slot[k] = n;
        o[n] = s;
        base[n] = cost;
        mins[n++] = c.shiftMinutes[s];
      }
      this.nOpt[i] = n;
    }
  }

  /**
   * Weekends p works outside [a, b], from the row's totals: only the weekends that straddle the
   * window's ends can have worked days on both sides. Marks those worked outside in `weCounted`.
   */
  private weekendsOutside(x: Int32Array, stats: RowStats, p: number, a: number, b: number): number {
    const c = this.c;
    const { D } = c;
    const row = p * D;
    const weeks = c.weekendCount;
    let used = stats.weekendsWorked[p];
    // Weekends touching the window: drop those counted in the totals, add back the ones worked on
    // a day outside it.
    let last = -1;
    for (let d = a; d <= b; d++) {
      const we = c.weekendOfDay[d];
      if (we < 0 || we === last) continue;
      last = we;
      if (stats.weekendDays[p * weeks + we] > 0) used--;
    }
    const weA = c.weekendOfDay[a];
    if (weA >= 0) {
      for (let d = a - 1; d >= 0 && c.weekendOfDay[d] === weA && !this.weCounted[weA]; d--) if (x[row + d] >= 0) this.weCounted[weA] = 1;
      used += this.weCounted[weA];
    }
    const weB = c.weekendOfDay[b];
    if (weB >= 0 && !(weB === weA && this.weCounted[weA])) {
      for (let d = b + 1; d < D && c.weekendOfDay[d] === weB && !this.weCounted[weB]; d++) if (x[row + d] >= 0) this.weCounted[weB] = 1;
      used += this.weCounted[weB];
    }
    return used;
  }

  /** Weekends p works outside [a, b], by walking the row (no totals kept). Marks them in `weCounted`. */
  private walkWeekendsOutside(x: Int32Array, p: number, a: number, b: number): number {
    const c = this.c;
    const row = p * c.D;
    let used = 0;
    for (let d = 0; d < c.D; d++) {
      if (d >= a && d <= b) continue;
      const we = c.weekendOfDay[d];
      if (we >= 0 && x[row + d] >= 0 && !this.weCounted[we]) {
        this.weCounted[we] = 1;
        used++;
      }
    }
    return used;
  }


  /** Fills `follows`, `edgeIn` and `edgeOut` for the options of this solve (once, not per DP run). */
  private buildTransitions(minRest: number): void {
    const c = this.c;
    const { w, prev, next } = this.frame;
    const mo = this.maxOpt;
    for (let i = 0; i < w; i++) {
      const o = this.opts[i];
      const n = this.nOpt[i];
      if (i === 0) {
        for (let j = 0; j < n; j++) this.edgeIn[j] = prev >= 0 && o[j] >= 0 && mayFollow(c, prev, o[j], minRest) ? 1 : 0;
      } else {
        const po = this.opts[i - 1];
        const pn = this.nOpt[i - 1];
        const fl = this.follows[i];
        for (let pj = 0; pj < pn; pj++) {
          for (let j = 0; j < n; j++) fl[pj * mo + j] = po[pj] >= 0 && o[j] >= 0 && mayFollow(c, po[pj], o[j], minRest) ? 1 : 0;
        }
      }
      if (i === w - 1) {
        for (let j = 0; j < n; j++) this.edgeOut[j] = next >= 0 && o[j] >= 0 && mayFollow(c, o[j], next, minRest) ? 1 : 0;
      }
    }
  }

  /**
   * One DP pass with minutes priced at `lambda`: writes the best layout into `out` and returns its
   * minutes, or −1 when no layout keeps the run rules.
   *
   * State index: layer q = k·M + μ (k weekends used in the window; μ minutes used in the
   * window in units of g, tracked only when M > 1) × [off run r (1..F) → r − 1; work on
   * option j with run r (1..R) → F + j·R + r − 1].
   */
  private run(lambda: number): number {
    const c = this.c;
    const { a, b, w, minRun, maxRunRaw, R, F, prev, prevRun, prevFromStart, next, nextRun, nextToEnd, lo, hi, K, trackWe, M, g } = this.frame;
    const D = c.D;
    const weCounted = this.weCounted;
    const mo = this.maxOpt;
    const KM = K * M;
    // Longest run a work day may extend (the new day makes it r + 1).
    const rExtend = maxRunRaw >= 0 ? Math.min(R, maxRunRaw - 1) : R;
    for (let i = 0; i < w; i++) {
      const d = a + i;
      const n = this.nOpt[i];
      const L = F + n * R;
      const val = this.value[i];
      const from = this.from[i];
      val.fill(Infinity, 0, KM * L);
      const o = this.opts[i];
      const base = this.base[i];
      const mins = this.mins[i];
      const we = trackWe ? c.weekendOfDay[d] : -1;
      const weOpen = we >= 0 && !weCounted[we];
      // Working today uses a weekend unless yesterday (in the window, same weekend) was worked.
      const sameAsYesterday = weOpen && i > 0 && c.weekendOfDay[d - 1] === we;
      if (i === 0) {
        // From the fixed day before the window (or the horizon start); layer 0.
        for (let j = 0; j < n; j++) {
          const s = o[j];
          const cost = base[j] + lambda * mins[j];
          let to: number;
          if (s < 0) {
            const offOk = a === 0 || prev < 0 || prevRun >= minRun || prevFromStart;
            if (!offOk) continue;
            const r = a === 0 || (prev < 0 && prevFromStart) ? F : prev < 0 ? Math.min(F, prevRun + 1) : 1;
            to = r - 1;
          } else {
            const k = weOpen ? 1 : 0;
            const mu = M > 1 ? mins[j] / g : 0;
            if (k >= K || mu >= M) continue;
            const layer = (k * M + mu) * L;
            if (a === 0 || prev < 0) {
              if (a > 0 && prevRun < F && !prevFromStart) continue;
              to = layer + F + j * R;
            } else {
              if (maxRunRaw >= 0 && prevRun + 1 > maxRunRaw) continue;
              if (!this.edgeIn[j]) continue;
              to = layer + F + j * R + Math.min(R, prevRun + 1) - 1;
            }
          }
          if (cost < val[to]) {
            val[to] = cost;
            from[to] = -1;
          }
        }
        continue;
      }
      const pv = this.value[i - 1];
      const po = this.opts[i - 1];
      const pn = this.nOpt[i - 1];
      const PL = F + pn * R;
      const fl = this.follows[i];
      const ranked = pn >= this.rankFrom;
      const topV = this.topV;
      const topJ = this.topJ;
      const topN = this.topN;
      const finiteN = this.finiteN;
      for (let q = 0; q < KM; q++) {
        const k = (q / M) | 0;
        const mu = q - k * M;
        const pk = q * PL;
        if (ranked) this.rankPredecessors(pv, pk + F - 1, po, pn, R, rExtend);
        for (let j = 0; j < n; j++) {
          const s = o[j];
          const cost = base[j] + lambda * mins[j];
          if (s < 0) {
            const to0 = q * L;
            for (let r = 1; r <= F; r++) {
              const v = pv[pk + r - 1] + cost;
              const to = to0 + Math.min(F, r + 1) - 1;
              if (v < val[to]) {
                val[to] = v;
                from[to] = pk + r - 1;
              }
            }
            for (let pj = 0; pj < pn; pj++) {
              if (po[pj] < 0) continue;
              for (let r = minRun; r <= R; r++) {
                const st = pk + F + pj * R + r - 1;
                const v = pv[st] + cost;
                if (v < val[to0]) {
                  val[to0] = v;
                  from[to0] = st;
                }
              }
            }
            continue;
          }
          const mu2 = M > 1 ? mu + mins[j] / g : 0;
          if (mu2 >= M) continue;
          // From off: a new weekend is used if today is an open weekend day.
          const kOff = k + (weOpen ? 1 : 0);
          if (kOff < K) {
            const v0 = pv[pk + F - 1] + cost;
            const to = (kOff * M + mu2) * L + F + j * R;
            if (v0 < val[to]) {
              val[to] = v0;
              from[to] = pk + F - 1;
            }
          }
          const kWork = k + (weOpen && !sameAsYesterday ? 1 : 0);
          if (kWork >= K) continue;
          const to0 = (kWork * M + mu2) * L + F + j * R;
          if (ranked) {
            // The best predecessor per run length is the first of the ranked few that may precede
            // j; only when none may and more exist is the whole day scanned. A write for r = R
            // lands where r = R − 1's did: the lower option wins a tie, as in the scan below.
            let wrote = false;
            let wrotePj = -1;
            for (let r = 1; r <= rExtend; r++) {
              const at = r * TOP_PREDECESSORS;
              const listed = topN[r];
              let bpj = -1;
              let bv = Infinity;
              for (let t = 0; t < listed; t++) {
                const pj = topJ[at + t];
                if (fl[pj * mo + j]) {
                  bpj = pj;
                  bv = topV[at + t];
                  break;
                }
              }
              if (bpj < 0 && finiteN[r] > listed) {
                for (let pj = 0; pj < pn; pj++) {
                  if (!fl[pj * mo + j]) continue;
                  const pvv = pv[pk + F + pj * R + r - 1];
                  if (pvv < bv) {
                    bv = pvv;
                    bpj = pj;
                  }
                }
              }
              if (bpj < 0) {
                wrote = false;
                continue;
              }
              const v = bv + cost;
              const to = to0 + Math.min(R, r + 1) - 1;
              if (v < val[to] || (wrote && r === R && v === val[to] && bpj < wrotePj)) {
                val[to] = v;
                from[to] = pk + F + bpj * R + r - 1;
                wrote = true;
                wrotePj = bpj;
              } else wrote = false;
            }
            continue;
          }
          for (let pj = 0; pj < pn; pj++) {
            if (!fl[pj * mo + j]) continue;
            const st0 = pk + F + pj * R - 1;
            for (let r = 1; r <= rExtend; r++) {
              const v = pv[st0 + r] + cost;
              const to = to0 + Math.min(R, r + 1) - 1;
              if (v < val[to]) {
                val[to] = v;
                from[to] = st0 + r;
              }
            }
          }
        }
      }
    }
    // Close against the fixed day after the window.
    const last = w - 1;
    const val = this.value[last];
    const n = this.nOpt[last];
    const L = F + n * R;
    let best = Infinity;
    let bestSt = -1;
    for (let st = 0; st < KM * L; st++) {
      const v = val[st];
      if (v >= best) continue;
      if (M > 1) {
        const mu = ((st / L) | 0) % M;
        if (mu * g < lo || mu * g > hi) continue;
      }
      const q = st % L;
      if (b + 1 < D) {
        // The fixed run after the window must stay long enough once cut off from the window.
        if (q < F) {
          if (next >= 0 && (q + 1 < F || (nextRun < minRun && !nextToEnd))) continue;
          if (next < 0 && q + 1 + nextRun < F && !nextToEnd) continue;
        } else {
          const j = Math.floor((q - F) / R);
          const r = ((q - F) % R) + 1;
          if (next >= 0) {
            if (maxRunRaw >= 0 && r + nextRun > maxRunRaw) continue;
            if (!this.edgeOut[j]) continue;
          } else if (r < minRun || (nextRun < F && !nextToEnd)) continue;
        }
      }
      best = v;
      bestSt = st;
    }
    if (bestSt < 0) return -1;
    // Trace back.
    let st = bestSt;
    let minutes = 0;
    for (let i = last; i >= 0; i--) {
      const Li = F + this.nOpt[i] * R;
      const q = st % Li;
      const s = q < F ? -1 : this.opts[i][Math.floor((q - F) / R)];
      this.out[i] = s;
      if (s >= 0) minutes += c.shiftMinutes[s];
      st = this.from[i][st];
    }
    this.lastCost = best - lambda * minutes;
    return minutes;
  }

  /**
   * For each run length r ≤ rExtend, the TOP_PREDECESSORS cheapest work states of the previous day
   * (value, option; lower option first on a tie) and how many of them are reachable at all, from
   * the layer whose states start at st0 + 1. A work day's best predecessor is then nearly always
   * among the few instead of a scan of every option of the day before for every option of today.
   */
  private rankPredecessors(pv: Float64Array, st0: number, po: Int32Array, pn: number, R: number, rExtend: number): void {
    const topV = this.topV;
    const topJ = this.topJ;
    const topN = this.topN;
    const finiteN = this.finiteN;
    for (let r = 1; r <= rExtend; r++) {
      topN[r] = 0;
      finiteN[r] = 0;
    }
    for (let pj = 0; pj < pn; pj++) {
      if (po[pj] < 0) continue;
      const st = st0 + pj * R;
      for (let r = 1; r <= rExtend; r++) {
        const v = pv[st + r];
        if (v === Infinity) continue;
        finiteN[r]++;
        const at = r * TOP_PREDECESSORS;
        let t = topN[r];
        if (t === TOP_PREDECESSORS) {
          if (!(v < topV[at + t - 1])) continue;
          t--;
        } else topN[r] = t + 1;
        while (t > 0 && v < topV[at + t - 1]) {
          topV[at + t] = topV[at + t - 1];
          topJ[at + t] = topJ[at + t - 1];
          t--;
        }
        topV[at + t] = v;
        topJ[at + t] = pj;
      }
    }
  }

  /**
   * The exact alternative to pricing: minutes as a state layer, in units of the gcd of the
   * window's shift lengths. Used when pricing finds no layout inside [lo, hi] (the priced
   * layouts jump over it) and the state space is small enough.
   */
  private exactMinutes(): boolean {
    const f = this.frame;
    const { w, hi, K } = f;
    const gg = this.minuteGcd();
    let most = 0;
    for (let i = 0; i < w; i++) {
      let dayMax = 0;
      for (let j = 0; j < this.nOpt[i]; j++) dayMax = Math.max(dayMax, this.mins[i][j]);
      most += dayMax;
    }
    if (gg === 0 || hi < 0) return false;
    const units = Math.floor(Math.min(hi, most) / gg) + 1;
    if (units * K * this.maxStates * w > EXACT_BUDGET) return false;
    this.ensure(w, units * K);
    f.M = units;
    f.g = gg;
    try {
      return this.run(0) >= 0;
    } finally {
      f.M = 1;
      f.g = 1;
    }
  }

  /**
   * Finds a minute price whose layout lands inside [lo, hi]; false when none does. The layouts the
   * prices reach are the corners of the lower convex hull of (minutes, cost): from one corner on
   * each side of [lo, hi], the price at which the two tie reaches a corner between them if there is
   * one (Newton's method on the Lagrangian dual), in a handful of passes where a bisection on the
   * price takes twenty.
   */
  private fit(): boolean {
    const { lo, hi } = this.frame;
    const m0 = this.run(0);
    if (m0 < 0) return false;
    if (m0 >= lo && m0 <= hi) return true;
    // (more minutes, less minutes): corners on either side of the window, with their costs.
    let mHi = m0;
    let cHi = this.lastCost;
    let mLo = m0;
    let cLo = this.lastCost;
    // First double the price until the layout crosses the window (`crossed`), then go from the
    // corners on either side to the price at which they cost the same: a cheaper layout there is
    // a new corner between them, and none means no price lands inside.
    const tooMany = m0 > hi;
    let crossed = false;
    let probed = false;
    const warm = this.lastPrice[this.person];
    let price = tooMany ? (warm > 0 ? warm : 1) : warm < 0 ? warm : -1;
    for (let k = 0; k < 60; k++) {
      const m = this.run(price);
      if (m < 0) return false;
      if (m >= lo && m <= hi) {
        this.lastPrice[this.person] = price;
        return true;
      }
      if (crossed && (m >= mHi || m <= mLo)) return false;
      if (m > hi) {
        mHi = m;
        cHi = this.lastCost;
      } else {
        mLo = m;
        cLo = this.lastCost;
      }
      crossed ||= tooMany ? m < lo : m > hi;
      if (crossed) {
        price = (cLo - cHi) / (mHi - mLo);
        continue;
      }
      if (!probed) {
        // Most rows that are not across after the first price never get there: at the extreme
        // price the layout has the fewest (most) minutes any layout has, and one pass there says
        // so. Rows that do get across go on doubling: the prices then reach the corners in order
        // of minutes, and the first one inside the window is the cheapest there (cost grows
        // along the hull away from the unpriced layout), where going back from the extreme may
        // stop at a costlier one. (Measured at 60 s, the two were level: NRP 8, 23 and 24.)
        probed = true;
        const extreme = this.extremePrice();
        const mx = this.run(tooMany ? extreme : -extreme);
        if (mx < 0 || (tooMany ? mx > hi : mx < lo)) return false;
      }
      price *= 2;
    }
    return false;
  }

  /**
   * A minute price past which the layout only minimises (or, negative, maximises) its minutes: two
   * layouts differ in minutes by at least the gcd of the option lengths and in cost by at most the
   * sum of the days' cost spans. Most failing fits are rows that cannot reach their minute window
   * at all (NRP 24: the taker of a grant with only its current and the short shifts to choose
   * from); one pass at this price says so, where doubling the price from 1 took a dozen.
   */
  private extremePrice(): number {
    let span = 0;
    for (let i = 0; i < this.frame.w; i++) {
      const base = this.base[i];
      let lo = Infinity;
      let hi = -Infinity;
      for (let j = 0; j < this.nOpt[i]; j++) {
        if (base[j] < lo) lo = base[j];
        if (base[j] > hi) hi = base[j];
      }
      if (hi > lo) span += hi - lo;
    }
    const g = this.minuteGcd();
    return g === 0 ? 1 : span / g + 1;
  }

  /** The gcd of the window's option lengths in minutes (0 when no option works): every total is a multiple. */
  private minuteGcd(): number {
    let g = 0;
    for (let i = 0; i < this.frame.w; i++) {
      const mins = this.mins[i];
      for (let j = 0; j < this.nOpt[i]; j++) if (mins[j] > 0) g = gcd(g, mins[j]);
    }
    return g;
  }
}

/**
 * For each shift, the index among its day's shifts of the first one the row DP cannot tell from
 * it (see RowDp.sameKey): without and with the start and end times (which only a minimum rest
 * between shifts reads).
 */
function sameShiftKeys(c: Compiled): [Int32Array, Int32Array] {
  const { T } = c;
  const f = c.forbiddenNext;
  // Types alike for every forbidden succession, in either direction.
  const typeClass = new Int32Array(T);
  for (let t = 0; t < T; t++) {
    typeClass[t] = t;
    for (let u = 0; u < t && typeClass[t] === t; u++) {
      if (typeClass[u] !== u) continue;
      let alike = true;
      for (let v = 0; v < T && alike; v++) alike = f[u * T + v] === f[t * T + v] && f[v * T + u] === f[v * T + t];
      if (alike) typeClass[t] = u;
    }
  }
  const key = new Int32Array(c.S);
  const keyRest = new Int32Array(c.S);
  for (const day of c.shiftsByDay) {
    for (let k = 0; k < day.length; k++) {
      const s = day[k];
      key[s] = k;
      keyRest[s] = k;
      for (let k2 = k - 1; k2 >= 0; k2--) {
        const s2 = day[k2];
        if (typeClass[c.shiftType[s2]] !== typeClass[c.shiftType[s]] || c.shiftMinutes[s2] !== c.shiftMinutes[s]) continue;
        key[s] = key[s2];
        if (c.shiftStart[s2] === c.shiftStart[s] && c.shiftEnd[s2] === c.shiftEnd[s]) keyRest[s] = keyRest[s2];
      }
    }
  }
  return [key, keyRest];
}
