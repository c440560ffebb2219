/**
 * Row-by-row construction for problems with few shifts per day (the NRP shape): each person's
 * row is laid out day by day as work and rest runs that respect their limits — runs between the
 * minimum and maximum length, rest runs of the minimum length, days off, the weekend limit (its
 * allowance spread evenly over the horizon, `weekendPace`), total minutes aimed inside [min, max],
 * per-type limits and forbidden successions — choosing each day the allowed shift with the
 * largest remaining cover deficit. Rows built this way are feasible or nearly so, which matters
 * most on long horizons where the local search has few moves per cell.
 * Pinned cells and an existing roster (re-planning) are kept as they are.
 */
import type { Compiled } from '../compiled';
import { isAvailable } from '../constraints/availability';

/** Pace thresholds (tuned on the NRP instances). */
export const rowPace = { pace: 1.15, start: 0.5, cont: 0.3, goal: 0.75 };

/**
 * How many weekends a person with `maxWe` may have worked once weekend `we` (of `count`) is
 * worked: their allowance spread evenly over the horizon. Without the pace, rows laid out from
 * day 0 spend the whole allowance on the first weekends and leave the rest of the horizon with
 * nobody to work its weekends; on long rotas where weekends are the scarce resource (NRP 22–24,
 * nearly everybody at their maximum) the search then spends most of its time moving weekend work
 * across the year. NRP 24 at 20 s, seed 1: 84,149 against 132,271 without the pace.
 */
export function weekendPace(maxWe: number, we: number, count: number): number {
  return Math.min(maxWe, Math.ceil((maxWe * (we + 1)) / count));
}

export function constructRows(c: Compiled, x: Int32Array, locked: Uint8Array, random: () => number): void {
  const { P, D, T } = c;
  const count = new Int32Array(c.S);
  for (let i = 0; i < x.length; i++) if (x[i] >= 0) count[x[i]]++;
  const order = Array.from({ length: P }, (_, p) => p);
  for (let i = P - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const typeCount = new Int32Array(T);
  const PACE = rowPace.pace;
  const START = rowPace.start;
  const CONTINUE = rowPace.cont;
  for (const p of order) {
    const off = p * D;
    // Leave rows that already hold anything besides pins (re-planning) to the local search.
    let filled = false;
    for (let d = 0; d < D; d++) if (x[off + d] >= 0 && !locked[off + d]) filled = true;
    if (filled) continue;
    typeCount.fill(0);
    const maxRun = c.people.maxConsecutiveWorkDays[p] >= 0 ? c.people.maxConsecutiveWorkDays[p] : D;
    const minRun = Math.max(1, c.people.minConsecutiveWorkDays[p]);
    const minOff = Math.max(1, c.people.minConsecutiveDaysOff[p]);
    const maxWe = c.people.maxWeekendsWorked[p] >= 0 ? c.people.maxWeekendsWorked[p] : D;
    const maxM = c.people.maxTotalMinutes[p] >= 0 ? c.people.maxTotalMinutes[p] : Infinity;
    const minM = Math.max(0, c.people.minTotalMinutes[p]);
    // Aim a little above the minimum: the search can trim, but adding work later breaks runs.
    const goal = Number.isFinite(maxM) ? Math.min(maxM, minM + (maxM - minM) * rowPace.goal) : minM > 0 ? minM : (c.people.targetMinutes[p] >= 0 ? c.people.targetMinutes[p] : 0);
    let minutes = 0;
    let weekends = 0;
    let lastWe = -1;
    let run = 0; // current work run length (0 = off)
    let offRun = D; // current off run length (start: as if off before the horizon)
    /**
     * Can a run of the minimum length start on day d (no day off, no weekend over the limit)?
     * Checked against the plain limit, not the pace: holding run starts to the pace as well left
     * NRP 22 and 23 much worse (BENCH_NOTES.md, session 8).
     */
    const canStartRun = (d: number): boolean => {
      let we = weekends;
      let last = lastWe;
      for (let k = 0; k < minRun && d + k < D; k++) {
        const e = d + k;
        if (c.people.unavailableDay[off + e] === 1 || (locked[off + e] && x[off + e] < 0)) return false;
        const w = c.weekendOfDay[e];
        if (w >= 0 && w !== last) {
          if (we >= maxWe) return false;
          we++;
          last = w;
        }
      }
      return true;
    };
    for (let d = 0; d < D; d++) {
      const cell = off + d;
      const prev = d > 0 ? x[cell - 1] : -1;
      if (locked[cell]) {
        const s = x[cell];
        if (s >= 0) {
          minutes += c.shiftMinutes[s];
          typeCount[c.shiftType[s]]++;
          run++;
          offRun = 0;
          const we = c.weekendOfDay[d];
          if (we >= 0 && we !== lastWe) {
            weekends++;
            lastWe = we;
          }
        } else {
          run = 0;
          offRun++;
        }
        continue;
      }
      const we = c.weekendOfDay[d];
      const weekendOk = we < 0 || we === lastWe || weekends < weekendPace(maxWe, we, c.weekendCount);
      const mustContinue = run > 0 && run < minRun;
      const restOk = run > 0 || offRun >= minOff;
      const remainingDays = D - d;
      const needRate = (goal - minutes) / Math.max(1, remainingDays);
      let want: boolean;
      if (mustContinue) want = true;
      else if (run >= maxRun || !restOk || !weekendOk) want = false;
      else if (run === 0 && !canStartRun(d)) want = false;
      else {
        // Work if behind the pace towards the goal (an 8-hour shift ≈ 480 minutes a day at full pace).
        const avgLen = c.shiftsByDay[d].length ? c.shiftMinutes[c.shiftsByDay[d][0]] : 480;
        want = needRate * PACE >= avgLen * (run > 0 ? CONTINUE : START) || (run > 0 && random() < 0.15 && minutes + avgLen <= goal);
      }
      let chosen = -1;
      if (want) {
        let bestKey = -Infinity;
        for (const s of c.shiftsByDay[d]) {
          const t = c.shiftType[s];
          const maxT = c.people.maxShiftsPerType[p * T + t];
          if (maxT >= 0 && typeCount[t] >= maxT) continue;
          if (minutes + c.shiftMinutes[s] > maxM) continue;
          if (prev >= 0 && c.forbiddenNext[c.shiftType[prev] * T + t] === 1) continue;
          if (!isAvailable(c, p, s)) continue;
          // Also keep tomorrow reachable: a pinned shift tomorrow must be allowed after this one.
          if (d + 1 < D && locked[cell + 1] && x[cell + 1] >= 0 && c.forbiddenNext[t * T + c.shiftType[x[cell + 1]]] === 1) continue;
          const deficit = c.shiftHeadcount[s] - count[s];
          const key = deficit * c.shiftUnderWeight[s] - (deficit <= 0 ? c.shiftOverWeight[s] * (1 - deficit) : 0) + random();
          if (key > bestKey) {
            bestKey = key;
            chosen = s;
          }
        }
        // Do not start a new run into over-staffing when nothing is needed.
        if (chosen >= 0 && run === 0 && bestKey < 0 && minutes >= minM) chosen = -1;
      }
      if (chosen >= 0) {
        x[cell] = chosen;
        count[chosen]++;
        minutes += c.shiftMinutes[chosen];
        typeCount[c.shiftType[chosen]]++;
        run++;
        offRun = 0;
        if (we >= 0 && we !== lastWe) {
          weekends++;
          lastWe = we;
        }
      } else {
        run = 0;
        offRun++;
      }
    }
  }
}
