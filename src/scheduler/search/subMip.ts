/**
 * The roster as a mixed-integer program (CPLEX LP text) for the HiGHS solver: the rows of the
 * people in `ps` over days [a, b] are free, everybody else is fixed (all people and all days =
 * the whole problem). The MIP holds
 * the per-person hard limits that have a linear form (one shift a day, availability, per-type
 * and total/weekly minute limits, run limits, weekends, forbidden successions, adjacent-day rest)
 * and the linear soft costs (cover, preferences, travel, churn). Its answer is only a proposal:
 * the engine scores it with every registered constraint and keeps it only if it is better, so
 * constraints the MIP does not model (skills, party members, fairness) stay respected.
 */
import { mayFollow, type Compiled } from '../compiled';
import { isAvailable } from '../constraints/availability';

type Term = { vars: string[]; k: number };

export interface SubMipResult {
  cells: Int32Array;
  values: Int32Array;
  n: number;
}

export interface SubMipModel {
  lp: string;
  /** Free cells and the variable names of their candidate shifts. */
  cellVars: Map<number, string[]>;
  varOf: Map<string, number>;
  binaries: number;
}

export interface SubMipWeights {
  cover: number;
  pref: number;
  travel: number;
  churn: number;
}

/** The problem's weights of the soft costs the MIP models (constraint defaults where unset). */
export function subMipWeights(c: Compiled): SubMipWeights {
  return {
    cover: c.weights.coverHeadcount ?? 1,
    pref: c.weights.shiftPreference ?? 1,
    travel: c.weights.travelCost ?? 1,
    churn: c.weights.churn ?? 10,
  };
}

/**
 * Builds the MIP in CPLEX LP format for people `ps` over days [a, b] (everyone else fixed);
 * null when there is nothing to decide.
 */
export function buildSubMip(
  c: Compiled,
  x: Int32Array,
  locked: Uint8Array,
  ps: number[],
  a: number,
  b: number,
  weights: SubMipWeights,
): SubMipModel | null {
  const { D, T } = c;
  const inP = new Set(ps);
  const obj: string[] = [];
  const rows: string[] = [];
  const bins: string[] = [];
  const varOf = new Map<string, number>(); // name → shift
  const cellVars: Map<number, string[]> = new Map(); // cell → var names
  const vname = (p: number, s: number) => `x${p}_${s}`;
  const add = (coef: number, v: string) => (coef === 0 ? '' : `${coef >= 0 ? '+' : '-'} ${Math.abs(coef)} ${v}`);

  // Variables for free cells.
  for (const p of ps) {
    for (let d = a; d <= b; d++) {
      const cell = p * D + d;
      if (locked[cell]) continue;
      const list: string[] = [];
      for (const s of c.shiftsByDay[d]) {
        if (c.people.maxShiftsPerType[p * T + c.shiftType[s]] === 0) continue;
        if (!isAvailable(c, p, s)) continue;
        const v = vname(p, s);
        list.push(v);
        varOf.set(v, s);
        bins.push(v);
      }
      cellVars.set(cell, list);
    }
  }
  if (bins.length === 0) return null;
  const free = (p: number, d: number) => cellVars.has(p * D + d);
  /** work(p, d) as vars + constant. */
  const work = (p: number, d: number): Term => (free(p, d) ? { vars: cellVars.get(p * D + d)!, k: 0 } : { vars: [], k: x[p * D + d] >= 0 ? 1 : 0 });
  let r = 0;
  const row = (terms: Array<[number, Term]>, sense: '<=' | '>=' | '=', rhs: number) => {
    let k = 0;
    const parts: string[] = [];
    for (const [coef, t] of terms) {
      k += coef * t.k;
      for (const v of t.vars) parts.push(add(coef, v));
    }
    if (parts.length === 0) return;
    rows.push(` r${r++}: ${parts.join(' ')} ${sense} ${rhs - k}`);
  };

  for (const p of ps) {
    // One shift a day.
    for (let d = a; d <= b; d++) if (free(p, d) && cellVars.get(p * D + d)!.length > 1) row([[1, work(p, d)]], '<=', 1);
    // Per-type and total minutes (constants from the fixed days).
    const typeVars: string[][] = Array.from({ length: T }, () => []);
    const typeConst = new Int32Array(T);
    const minuteTerms: string[] = [];
    let minuteConst = 0;
    for (let d = 0; d < D; d++) {
      if (free(p, d)) {
        for (const v of cellVars.get(p * D + d)!) {
          const s = varOf.get(v)!;
          typeVars[c.shiftType[s]].push(v);
          minuteTerms.push(add(c.shiftMinutes[s], v));
        }
      } else if (x[p * D + d] >= 0) {
        typeConst[c.shiftType[x[p * D + d]]]++;
        minuteConst += c.shiftMinutes[x[p * D + d]];
      }
    }
    for (let t = 0; t < T; t++) {
      const max = c.people.maxShiftsPerType[p * T + t];
      if (max >= 0 && typeVars[t].length > 0) rows.push(` r${r++}: ${typeVars[t].map((v) => add(1, v)).join(' ')} <= ${max - typeConst[t]}`);
    }
    const minM = c.people.minTotalMinutes[p];
    const maxM = c.people.maxTotalMinutes[p];
    if (minuteTerms.length > 0) {
      if (minM > 0) rows.push(` r${r++}: ${minuteTerms.join(' ')} >= ${minM - minuteConst}`);
      if (maxM >= 0) rows.push(` r${r++}: ${minuteTerms.join(' ')} <= ${maxM - minuteConst}`);
    }
    // Weekly minutes.
    const maxW = c.people.maxMinutesPerWeek[p];
    if (maxW >= 0) {
      for (let w = c.weekOfDay[a]; w <= c.weekOfDay[b]; w++) {
        const parts: string[] = [];
        let k = 0;
        for (let d = 0; d < D; d++) {
          if (c.weekOfDay[d] !== w) continue;
          if (free(p, d)) for (const v of cellVars.get(p * D + d)!) parts.push(add(c.shiftMinutes[varOf.get(v)!], v));
          else if (x[p * D + d] >= 0) k += c.shiftMinutes[x[p * D + d]];
        }
        if (parts.length) rows.push(` r${r++}: ${parts.join(' ')} <= ${maxW - k}`);
      }
    }
    // Maximum run: every window of max+1 days holds at most max working days.
    const maxRun = c.people.maxConsecutiveWorkDays[p];
    if (maxRun >= 0) {
      for (let i = Math.max(0, a - maxRun); i + maxRun < D && i <= b; i++) {
        const terms: Array<[number, Term]> = [];
        for (let j = i; j <= i + maxRun; j++) terms.push([1, work(p, j)]);
        row(terms, '<=', maxRun);
      }
    }
    // Minimum runs of work / of days off, for runs bounded inside the horizon.
    const minRun = c.people.minConsecutiveWorkDays[p];
    const minOff = c.people.minConsecutiveDaysOff[p];
    for (const [min, sign] of [
      [minRun, 1],
      [minOff, -1],
    ] as const) {
      if (min <= 1) continue;
      for (let l = 1; l < min; l++) {
        for (let i = Math.max(1, a - l); i + l <= D - 1 && i - 1 <= b; i++) {
          if (i + l < a) continue;
          // sign 1: forbid off,work×l,off  → −w(i−1) + Σw − w(i+l) ≤ l − 1
          // sign −1: forbid work,off×l,work → w(i−1) − Σw + w(i+l) ≤ 1
          const terms: Array<[number, Term]> = [[-sign, work(p, i - 1)]];
          for (let j = i; j < i + l; j++) terms.push([sign, work(p, j)]);
          terms.push([-sign, work(p, i + l)]);
          row(terms, '<=', sign === 1 ? l - 1 : 1);
        }
      }
    }
    // Weekends.
    const maxWe = c.people.maxWeekendsWorked[p];
    if (maxWe >= 0 && c.weekendCount > 0) {
      const yTerms: string[] = [];
      let k = 0;
      for (let w = 0; w < c.weekendCount; w++) {
        const days: number[] = [];
        for (let d = 0; d < D; d++) if (c.weekendOfDay[d] === w) days.push(d);
        const fixedWorked = days.some((d) => !free(p, d) && x[p * D + d] >= 0);
        const anyFree = days.some((d) => free(p, d));
        if (fixedWorked) k++;
        else if (anyFree) {
          const y = `y${p}_${w}`;
          bins.push(y);
          yTerms.push(add(1, y));
          // Work on the day (Σ over its shifts, at most 1) ≤ y: tighter in the LP relaxation than
          // one row per shift variable, which lets half-worked days share a fractional y.
          for (const d of days) if (free(p, d)) rows.push(` r${r++}: ${cellVars.get(p * D + d)!.map((v) => add(1, v)).join(' ')} - ${y} <= 0`);
        }
      }
      if (yTerms.length) rows.push(` r${r++}: ${yTerms.join(' ')} <= ${maxWe - k}`);
    }
    // Forbidden successions and rest between adjacent days.
    const minRest = c.people.minRestMinutes[p];
    for (let d = Math.max(0, a - 1); d <= b && d + 1 < D; d++) {
      if (!free(p, d) && !free(p, d + 1)) continue;
      const left = free(p, d) ? cellVars.get(p * D + d)!.map((v) => varOf.get(v)!) : x[p * D + d] >= 0 ? [x[p * D + d]] : [];
      const right = free(p, d + 1) ? cellVars.get(p * D + d + 1)!.map((v) => varOf.get(v)!) : x[p * D + d + 1] >= 0 ? [x[p * D + d + 1]] : [];
      for (const s1 of left) {
        for (const s2 of right) {
          if (mayFollow(c, s1, s2, minRest)) continue;
          const t1: Term = free(p, d) ? { vars: [vname(p, s1)], k: 0 } : { vars: [], k: 1 };
          const t2: Term = free(p, d + 1) ? { vars: [vname(p, s2)], k: 0 } : { vars: [], k: 1 };
          row([[1, t1], [1, t2]], '<=', 1);
        }
      }
    }
    // Soft: preferences, travel, churn (linear in the cell variables).
    for (const pr of c.preferences[p]) {
      if (!free(p, pr.day)) continue;
      const vs = cellVars.get(p * D + pr.day)!;
      const w = pr.weight * weights.pref;
      for (const v of vs) {
        const s = varOf.get(v)!;
        let coef = 0;
        if (pr.kind === 'wantShift') coef = s === pr.shift ? -w : 0;
        else if (pr.kind === 'avoidShift') coef = s === pr.shift ? w : 0;
        else if (pr.kind === 'wantType') coef = c.shiftType[s] === pr.type ? -w : 0;
        else if (pr.kind === 'avoidType') coef = c.shiftType[s] === pr.type ? w : 0;
        else coef = w;
        if (coef !== 0) obj.push(add(coef, v));
      }
    }
    const home = c.people.homeRegion[p];
    if (c.travelCost && home >= 0 && weights.travel > 0) {
      for (const [cell, vs] of cellVars) {
        if (((cell / D) | 0) !== p) continue;
        for (const v of vs) {
          const site = c.shiftSite[varOf.get(v)!];
          if (site >= 0) {
            const k = c.travelCost[home * c.siteIds.length + site] * weights.travel;
            if (k) obj.push(add(k, v));
          }
        }
      }
    }
    if (c.previousCell && weights.churn > 0) {
      for (const [cell, vs] of cellVars) {
        if (((cell / D) | 0) !== p) continue;
        const prev = c.previousCell[cell];
        // Changed cell costs 1 per dropped + 1 per added assignment; keeping prev saves both.
        for (const v of vs) obj.push(add(varOf.get(v) === prev ? -weights.churn : weights.churn, v));
      }
    }
  }
  // Cover of the shifts in the window: staff from fixed people is a constant.
  for (let d = a; d <= b; d++) {
    for (const s of c.shiftsByDay[d]) {
      let fixed = 0;
      const vs: string[] = [];
      for (let p = 0; p < c.P; p++) {
        if (inP.has(p) && free(p, d)) {
          const v = vname(p, s);
          if (varOf.has(v)) vs.push(v);
        } else if (x[p * D + d] === s) fixed++;
      }
      if (vs.length === 0) continue;
      const want = c.shiftHeadcount[s];
      const u = `u${s}`;
      const o = `o${s}`;
      if (c.shiftUnderWeight[s] > 0 && want - fixed > 0) {
        obj.push(add(c.shiftUnderWeight[s] * weights.cover, u));
        rows.push(` r${r++}: ${vs.map((v) => add(1, v)).join(' ')} + ${u} >= ${want - fixed}`);
      }
      if (c.shiftOverWeight[s] > 0) {
        obj.push(add(c.shiftOverWeight[s] * weights.cover, o));
        rows.push(` r${r++}: ${vs.map((v) => add(1, v)).join(' ')} - ${o} <= ${Math.max(0, want - fixed)}`);
        // Surplus already there from fixed people is a constant; only new surplus is modelled.
      }
    }
  }
  const lp = `Minimize\n obj: ${obj.length ? obj.join(' ') : '0 ' + bins[0]}\nSubject To\n${rows.join('\n')}\nBinary\n ${bins.join(' ')}\nEnd\n`;
  return { lp, cellVars, varOf, binaries: bins.length };
}

/** Reads the solver's column values back into cell assignments. */
export function readSubMip(model: SubMipModel, primal: Record<string, number>): SubMipResult {
  const { cellVars, varOf } = model;
  const cells: number[] = [];
  const values: number[] = [];
  for (const [cell, vs] of cellVars) {
    let v = -1;
    for (const name of vs) {
      if ((primal[name] ?? 0) > 0.5) v = varOf.get(name)!;
    }
    cells.push(cell);
    values.push(v);
  }
  return { cells: Int32Array.from(cells), values: Int32Array.from(values), n: cells.length };
}
