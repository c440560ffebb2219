/**
 * Greedy construction: fills every shift up to its headcount, day by day, with people who are
 * free that day, available, under their per-type and total-minute limits, not breaking a
 * forbidden succession or their maximum run — preferring those furthest below their minimum
 * (then their maximum) minutes. Cheap by design (no delta scoring): the local search does the
 * rest. Pinned cells and an existing roster (re-planning) are kept.
 */
import type { Compiled } from '../compiled';
import { isAvailable } from '../constraints/availability';

/** How many eligible candidates to compare per slot, and how many free people to look at at most
 * (late in a long horizon most people hit a cap; without the second bound a slot would scan
 * everyone — quadratic at province scale). */
const MAX_CANDIDATES = 64;
const MAX_SCAN = 400;

export function construct(c: Compiled, x: Int32Array, locked: Uint8Array, random: () => number): void {
  const { P, D, T } = c;
  const minutes = new Float64Array(P);
  const typeCount = new Int32Array(P * T);
  const count = new Int32Array(c.S);
  // Weekends worked per person and the last weekend counted (so both days count once).
  const weekends = new Int32Array(P);
  const lastWeekend = new Int32Array(P).fill(-1);
  for (let p = 0; p < P; p++) {
    for (let d = 0; d < D; d++) {
      const s = x[p * D + d];
      if (s >= 0) {
        minutes[p] += c.shiftMinutes[s];
        typeCount[p * T + c.shiftType[s]]++;
        count[s]++;
        const w = c.weekendOfDay[d];
        if (w >= 0 && lastWeekend[p] !== w) {
          weekends[p]++;
          lastWeekend[p] = w;
        }
      }
    }
  }
  // People still free on the current day (swap-remove on assignment), so each slot looks at a
  // bounded random sample instead of everyone: linear in the number of slots at province scale.
  const free = new Int32Array(P);
  const posInFree = new Int32Array(P);
  let nFree = 0;
  const weekMinutes = new Float64Array(P * Math.max(1, c.weekCount));
  for (let p = 0; p < P; p++) {
    for (let d = 0; d < D; d++) if (x[p * D + d] >= 0) weekMinutes[p * c.weekCount + c.weekOfDay[d]] += c.shiftMinutes[x[p * D + d]];
  }
  const cand: number[] = [];
  const keys = new Float64Array(P);
  const travel = c.travelCost;
  const sites = c.siteIds.length;
  for (let d = 0; d < D; d++) {
    nFree = 0;
    for (let p = 0; p < P; p++) {
      if (x[p * D + d] === -1 && !locked[p * D + d]) {
        posInFree[p] = nFree;
        free[nFree++] = p;
      }
    }
    const week = c.weekOfDay[d];
    const day = c.shiftsByDay[d];
    // Shifts with the largest deficit first.
    const shifts = Array.from(day).sort((a, b) => c.shiftHeadcount[b] - count[b] - (c.shiftHeadcount[a] - count[a]));
    for (const s of shifts) {
      let need = c.shiftHeadcount[s] - count[s];
      if (need <= 0) continue;
      cand.length = 0;
      const t = c.shiftType[s];
      const len = c.shiftMinutes[s];
      // Scan the free list from a random point (deterministic through `random`).
      const startAt = nFree > 0 ? Math.floor(random() * nFree) : 0;
      const scan = Math.min(nFree, MAX_SCAN);
      for (let i = 0; i < scan && cand.length < MAX_CANDIDATES; i++) {
        const p = free[(startAt + i) % nFree];
        const cell = p * D + d;
        const maxT = c.people.maxShiftsPerType[p * T + t];
        if (maxT >= 0 && typeCount[p * T + t] >= maxT) continue;
        const maxM = c.people.maxTotalMinutes[p];
        if (maxM >= 0 && minutes[p] + len > maxM) continue;
        if (!isAvailable(c, p, s)) continue;
        const maxW = c.people.maxMinutesPerWeek[p];
        if (maxW >= 0 && weekMinutes[p * c.weekCount + week] + len > maxW) continue;
        const rest = c.people.minRestMinutes[p];
        if (rest > 0) {
          const before = d > 0 ? x[cell - 1] : -1;
          const after = d + 1 < D ? x[cell + 1] : -1;
          if (before >= 0 && c.shiftStart[s] - c.shiftEnd[before] < rest) continue;
          if (after >= 0 && c.shiftStart[after] - c.shiftEnd[s] < rest) continue;
        }
        const we = c.weekendOfDay[d];
        const maxWe = c.people.maxWeekendsWorked[p];
        if (we >= 0 && maxWe >= 0 && lastWeekend[p] !== we && weekends[p] >= maxWe) continue;
        if (d > 0) {
          const prev = x[cell - 1];
          if (prev >= 0 && c.forbiddenNext[c.shiftType[prev] * T + t] === 1) continue;
          const maxRun = c.people.maxConsecutiveWorkDays[p];
          if (maxRun >= 0) {
            let run = 0;
            while (run < d && x[cell - 1 - run] >= 0) run++;
            if (run >= maxRun) continue;
          }
        }
        const minM = c.people.minTotalMinutes[p];
        const target = c.people.targetMinutes[p];
        const goal = minM >= 0 ? minM : target >= 0 ? target : maxM >= 0 ? maxM : 0;
        // Below-minimum people first, then the lightest relative load; continuing a run helps
        // minimum-run rules.
        keys[p] = goal - minutes[p] + (d > 0 && x[cell - 1] >= 0 ? len * 0.5 : 0);
        // Near home first: one unit of travel cost weighs like an hour of load.
        const home = c.people.homeRegion[p];
        if (travel && home >= 0 && c.shiftSite[s] >= 0) keys[p] -= 60 * travel[home * sites + c.shiftSite[s]];
        cand.push(p);
      }
      // Take the `need` best by key (a partial selection: slots want one or two people).
      for (let i = 0; i < cand.length && need > 0; i++, need--) {
        let bi = i;
        for (let j = i + 1; j < cand.length; j++) if (keys[cand[j]] > keys[cand[bi]]) bi = j;
        const p = cand[bi];
        cand[bi] = cand[i];
        cand[i] = p;
        x[p * D + d] = s;
        const at = posInFree[p];
        const last = free[--nFree];
        free[at] = last;
        posInFree[last] = at;
        weekMinutes[p * c.weekCount + week] += len;
        minutes[p] += len;
        typeCount[p * T + t]++;
        count[s]++;
        const we = c.weekendOfDay[d];
        if (we >= 0 && lastWeekend[p] !== we) {
          weekends[p]++;
          lastWeekend[p] = we;
        }
      }
    }
  }
}
