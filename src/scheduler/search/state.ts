/**
 * Incremental scoring state for the local search. The roster is a grid x[p * D + d] (shift index
 * or −1). Every constraint is person-scoped or shift-scoped, so a move that rewrites a few cells
 * is scored by recomputing only the rows of the people it touches and the shifts whose staff
 * changed — never the whole roster.
 *
 * Protocol: `propose(cells, values)` applies the change tentatively and returns the change of
 * the search objective; then exactly one of `accept()` / `reject()`.
 */
import type { Compiled } from '../compiled';
import { weightOf } from '../compiled';
import { constraints } from '../constraints';
import type { PersonConstraint, ShiftConstraint, Tally } from '../constraints/types';
import type { Score } from '../model';
import { tallyAdd, tallyFromCells } from '../tally';
import { RowStats } from './rowStats';
import type { SharedRosterWriter } from './sharedRoster';

export class SearchState {
  readonly x: Int32Array;
  readonly tally: Tally;
  hard = 0;
  soft = 0;
  /** Penalty per unit of hard violation in the search objective. */
  hardWeight: number;
  private readonly pcs: PersonConstraint[] = [];
  private readonly pw: number[] = [];
  private readonly scs: ShiftConstraint[] = [];
  private readonly sw: number[] = [];
  /** Cached costs [i * P + p] for person constraint i; [i * S + s] for shift constraint i. */
  private readonly personCost: Float64Array;
  private readonly shiftCost: Float64Array;
  // Scratch for the pending move.
  private readonly touchedPeople: Int32Array;
  /** Changed day range per touched person. */
  private readonly touchedFrom: Int32Array;
  private readonly touchedTo: Int32Array;
  private readonly oldWindow: Float64Array;
  readonly stats: RowStats;
  /** Where accepted changes are logged for the move helper (dpHelper.ts), while one runs. */
  log: SharedRosterWriter | null = null;
  private nPeople = 0;
  private readonly touchedShifts: Int32Array;
  private nShifts = 0;
  private readonly pMark: Int32Array;
  private readonly sMark: Int32Array;
  private stamp = 1;
  private readonly newPersonCost: Float64Array;
  private readonly newShiftCost: Float64Array;
  private readonly savedCells: Int32Array;
  private readonly savedValues: Int32Array;
  private nSaved = 0;
  private pendingHard = 0;
  private pendingSoft = 0;
  private readonly maxTouch: number;

  constructor(
    readonly c: Compiled,
    cells: Int32Array,
    hardWeight: number,
    maxCellsPerMove = 64,
  ) {
    this.x = Int32Array.from(cells);
    this.tally = tallyFromCells(c, this.x);
    this.stats = new RowStats(c, this.x);
    this.hardWeight = hardWeight;
    for (const k of constraints) {
      if (!k.active(c)) continue;
      const w = weightOf(c, k.name, k.defaultWeight);
      if (k.scope === 'person') {
        this.pcs.push(k);
        this.pw.push(w);
      } else if (k.scope === 'shift') {
        this.scs.push(k);
        this.sw.push(w);
      }
      // roster-scoped constraints are always 0 on the grid.
    }
    this.personCost = new Float64Array(this.pcs.length * c.P);
    this.shiftCost = new Float64Array(this.scs.length * c.S);
    this.maxTouch = maxCellsPerMove;
    this.touchedPeople = new Int32Array(maxCellsPerMove);
    this.touchedFrom = new Int32Array(maxCellsPerMove);
    this.touchedTo = new Int32Array(maxCellsPerMove);
    this.touchedShifts = new Int32Array(maxCellsPerMove * 2);
    this.pMark = new Int32Array(c.P);
    this.sMark = new Int32Array(c.S);
    this.newPersonCost = new Float64Array(this.pcs.length * maxCellsPerMove);
    this.oldWindow = new Float64Array(this.pcs.length * maxCellsPerMove);
    this.newShiftCost = new Float64Array(this.scs.length * maxCellsPerMove * 2);
    this.savedCells = new Int32Array(maxCellsPerMove);
    this.savedValues = new Int32Array(maxCellsPerMove);
    this.recomputeAll();
  }

  /** Rebuilds every cache from x (used at start and after bulk edits). */
  recomputeAll(): void {
    const c = this.c;
    this.hard = 0;
    this.soft = 0;
    this.stats.reset(this.x);
    this.log?.publish(this.x);
    const fresh = tallyFromCells(c, this.x);
    this.tally.count.set(fresh.count);
    this.tally.party.set(fresh.party);
    this.tally.skill.set(fresh.skill);
    for (let i = 0; i < this.pcs.length; i++) {
      const k = this.pcs[i];
      for (let p = 0; p < c.P; p++) {
        const v = k.cost(c, p, this.x, p * c.D, this.pw[i]);
        this.personCost[i * c.P + p] = v;
        if (k.hard) this.hard += v;
        else this.soft += v;
      }
    }
    for (let i = 0; i < this.scs.length; i++) {
      const k = this.scs[i];
      for (let s = 0; s < c.S; s++) {
        const v = k.cost(c, s, this.tally, this.sw[i]);
        this.shiftCost[i * c.S + s] = v;
        if (k.hard) this.hard += v;
        else this.soft += v;
      }
    }
  }

  objective(): number {
    return this.hard * this.hardWeight + this.soft;
  }

  /** Tentatively sets x[cells[i]] = values[i] for i < n; returns the change of the objective. */
  propose(cells: ArrayLike<number>, values: ArrayLike<number>, n: number): number {
    const c = this.c;
    const D = c.D;
    if (n > this.maxTouch) throw new Error(`move too large: ${n} cells`);
    this.stamp++;
    if (this.stamp > 0x3fffffff) {
      this.pMark.fill(0);
      this.sMark.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    this.nPeople = 0;
    this.nShifts = 0;
    this.nSaved = 0;
    const P = c.P;
    const S = c.S;
    const mt = this.maxTouch;
    // 1. Touched people and the day range each one changes in.
    for (let i = 0; i < n; i++) {
      const cell = cells[i];
      if (this.x[cell] === values[i]) continue;
      const p = (cell / D) | 0;
      const d = cell - p * D;
      if (this.pMark[p] !== stamp) {
        this.pMark[p] = stamp;
        this.touchedFrom[this.nPeople] = d;
        this.touchedTo[this.nPeople] = d;
        this.touchedPeople[this.nPeople++] = p;
      } else {
        for (let j = 0; j < this.nPeople; j++) {
          if (this.touchedPeople[j] !== p) continue;
          if (d < this.touchedFrom[j]) this.touchedFrom[j] = d;
          if (d > this.touchedTo[j]) this.touchedTo[j] = d;
          break;
        }
      }
    }
    // 2. Windowed costs before the change (window = changed days ± 1). Person by person, so the
    // rules reading the same row and window share what they scan (stats.runs).
    for (let j = 0; j < this.nPeople; j++) {
      const p = this.touchedPeople[j];
      for (let i = 0; i < this.pcs.length; i++) {
        const k = this.pcs[i];
        if (k.window) this.oldWindow[i * mt + j] = k.window(c, p, this.x, p * D, this.pw[i], this.touchedFrom[j] - 1, this.touchedTo[j] + 1, this.stats);
      }
    }
    // 3. Apply.
    for (let i = 0; i < n; i++) {
      const cell = cells[i];
      const v = values[i];
      const old = this.x[cell];
      if (old === v) continue;
      const p = (cell / D) | 0;
      this.savedCells[this.nSaved] = cell;
      this.savedValues[this.nSaved++] = old;
      this.x[cell] = v;
      this.stats.set(p, cell - p * D, old, v);
      if (old >= 0) {
        tallyAdd(c, this.tally, p, old, -1);
        if (this.sMark[old] !== stamp) {
          this.sMark[old] = stamp;
          this.touchedShifts[this.nShifts++] = old;
        }
      }
      if (v >= 0) {
        tallyAdd(c, this.tally, p, v, 1);
        if (this.sMark[v] !== stamp) {
          this.sMark[v] = stamp;
          this.touchedShifts[this.nShifts++] = v;
        }
      }
    }
    let dh = 0;
    let ds = 0;
    const np = this.nPeople;
    for (let j = 0; j < np; j++) {
      const p = this.touchedPeople[j];
      for (let i = 0; i < this.pcs.length; i++) {
        const k = this.pcs[i];
        const w = this.pw[i];
        const v = k.window
          ? this.personCost[i * P + p] + k.window(c, p, this.x, p * D, w, this.touchedFrom[j] - 1, this.touchedTo[j] + 1, this.stats) - this.oldWindow[i * mt + j]
          : k.cost(c, p, this.x, p * D, w);
        this.newPersonCost[i * this.maxTouch + j] = v;
        const diff = v - this.personCost[i * P + p];
        if (k.hard) dh += diff;
        else ds += diff;
      }
    }
    const ns = this.nShifts;
    const stride = this.maxTouch * 2;
    for (let i = 0; i < this.scs.length; i++) {
      const k = this.scs[i];
      const w = this.sw[i];
      for (let j = 0; j < ns; j++) {
        const s = this.touchedShifts[j];
        const v = k.cost(c, s, this.tally, w);
        this.newShiftCost[i * stride + j] = v;
        const diff = v - this.shiftCost[i * S + s];
        if (k.hard) dh += diff;
        else ds += diff;
      }
    }
    this.pendingHard = dh;
    this.pendingSoft = ds;
    return dh * this.hardWeight + ds;
  }

  /** Change of (hard, soft) of the pending move. */
  pendingDelta(): { hard: number; soft: number } {
    return { hard: this.pendingHard, soft: this.pendingSoft };
  }

  accept(): void {
    const c = this.c;
    const P = c.P;
    const S = c.S;
    for (let i = 0; i < this.pcs.length; i++) {
      for (let j = 0; j < this.nPeople; j++) this.personCost[i * P + this.touchedPeople[j]] = this.newPersonCost[i * this.maxTouch + j];
    }
    const stride = this.maxTouch * 2;
    for (let i = 0; i < this.scs.length; i++) {
      for (let j = 0; j < this.nShifts; j++) this.shiftCost[i * S + this.touchedShifts[j]] = this.newShiftCost[i * stride + j];
    }
    this.hard += this.pendingHard;
    this.soft += this.pendingSoft;
    if (this.log) {
      for (let i = 0; i < this.nSaved; i++) this.log.push(this.savedCells[i], this.x[this.savedCells[i]]);
      this.log.commit(this.x);
    }
    this.nSaved = 0;
  }

  reject(): void {
    const c = this.c;
    const D = c.D;
    // Undo in reverse so repeated cells end at their original value.
    for (let i = this.nSaved - 1; i >= 0; i--) {
      const cell = this.savedCells[i];
      const p = (cell / D) | 0;
      const cur = this.x[cell];
      if (cur >= 0) tallyAdd(c, this.tally, p, cur, -1);
      const old = this.savedValues[i];
      if (old >= 0) tallyAdd(c, this.tally, p, old, 1);
      this.stats.set(p, cell - p * D, cur, old);
      this.x[cell] = old;
    }
    this.nSaved = 0;
  }

  /** The person-constraint cost cache of person p (sum over hard constraints), for targeted moves. */
  personHard(p: number): number {
    let h = 0;
    for (let i = 0; i < this.pcs.length; i++) if (this.pcs[i].hard) h += this.personCost[i * this.c.P + p];
    return h;
  }

  /** A random person with a hard violation (tries a few draws), or −1. */
  samplePersonWithHard(random: () => number): number {
    if (this.hard === 0) return -1;
    for (let i = 0; i < 8; i++) {
      const p = Math.floor(random() * this.c.P);
      if (this.personHard(p) > 0) return p;
    }
    return -1;
  }

  /** Score of the current grid (from the caches, no recomputation). */
  score(): Score {
    const parts = constraints.map((k) => ({ constraint: k.name, hard: k.hard, cost: 0 }));
    const byName = new Map(parts.map((x) => [x.constraint, x]));
    for (let i = 0; i < this.pcs.length; i++) {
      let sum = 0;
      for (let p = 0; p < this.c.P; p++) sum += this.personCost[i * this.c.P + p];
      byName.get(this.pcs[i].name)!.cost = sum;
    }
    for (let i = 0; i < this.scs.length; i++) {
      let sum = 0;
      for (let s = 0; s < this.c.S; s++) sum += this.shiftCost[i * this.c.S + s];
      byName.get(this.scs[i].name)!.cost = sum;
    }
    return { hard: this.hard, soft: this.soft, parts };
  }
}
