/**
 * Final hard-rule repair: when the best roster still breaks a hard rule, a steepest-descent pass
 * over the people who break one tries, for every day, every other shift (or off) for them, runs
 * of 2–3 days set to one shift type or off, and swaps of 1 to 7 days (3 on horizons over 12
 * weeks) with every other person — and applies the best move that lowers the objective with the
 * hard weight at 10^7 (so hard first, soft breaks ties). The annealer's random moves miss
 * the last one or two violations on long, tight rows; an exhaustive look around them finds them.
 */
import type { Compiled } from '../compiled';
import { weightOf } from '../compiled';
import { constraints } from '../constraints';
import { DP_WINDOW, nextSameShift } from './moves';
import { MAX_DP_WINDOW, RowDp, rowDpApplies } from './rowDp';
import type { SearchState } from './state';
import { betterScore } from '../score';

/** Radius (days) searched around a dated violation. */
const RADIUS = 7;

/**
 * Days worth trying for person p: within RADIUS of each dated hard violation; null (= every day)
 * when a violation has no day (totals, weekend counts) or the horizon is short anyway.
 */
function daysToTry(c: Compiled, x: Int32Array, p: number): Uint8Array | null {
  if (c.D <= 4 * RADIUS) return null;
  const mask = new Uint8Array(c.D);
  let all = false;
  for (const k of constraints) {
    if (k.scope !== 'person' || !k.hard || !k.active(c)) continue;
    k.cost(c, p, x, p * c.D, weightOf(c, k.name, k.defaultWeight), (v) => {
      if (v.day === undefined) all = true;
      else for (let d = Math.max(0, v.day - RADIUS); d <= Math.min(c.D - 1, v.day + RADIUS); d++) mask[d] = 1;
    });
  }
  return all ? null : mask;
}

/**
 * Last resort for a row no local move fixes (a tightly packed row: minutes fixed to within a
 * shift, a day off in the middle of a 5-on-2-off rhythm): lay out the whole row by DP and keep it
 * if the roster gets better (fewer hard violations first). Too large for a delta move, so it is
 * applied and rescored in full — affordable in a repair that runs a handful of times.
 */
function relayRow(state: SearchState, dp: RowDp, p: number): boolean {
  const { D } = state.c;
  if (!dp.solve(state.x, state.tally.count, p, 0, D - 1)) return false;
  const row = p * D;
  const old = state.x.slice(row, row + D);
  let changed = false;
  for (let d = 0; d < D; d++) if (old[d] !== dp.out[d]) changed = true;
  if (!changed) return false;
  const hard = state.hard;
  const soft = state.soft;
  state.x.set(dp.out.subarray(0, D), row);
  state.recomputeAll();
  if (betterScore(state, { hard, soft })) return true;
  state.x.set(old, row);
  state.recomputeAll();
  return false;
}

export function repairHard(state: SearchState, locked: Uint8Array, deadline: number, now: () => number): void {
  const c = state.c;
  const { P, D } = c;
  const cells = new Int32Array(MAX_DP_WINDOW);
  const values = new Int32Array(MAX_DP_WINDOW);
  // Whole windows of the row laid out by the DP, which keeps the run and weekend rules exactly —
  // the one move that fixes a lone day off between two runs pinned by days off around it.
  const dp = rowDpApplies(c) ? new RowDp(c, locked) : null;
  if (dp) dp.stats = state.stats;
  const w = Math.min(D, DP_WINDOW);
  const next = nextSameShift(c);
  // Whole-week swaps untangle weekend and run limits; on long horizons keep the pass short.
  const maxSwap = D <= 84 ? 7 : 3;
  const saveWeight = state.hardWeight;
  state.hardWeight = 1e7;
  try {
    let improved = true;
    while (improved && state.hard > 0 && now() < deadline) {
      improved = false;
      for (let p = 0; p < P && state.hard > 0; p++) {
        if (state.personHard(p) <= 0) continue;
        let best = 0;
        let bestN = 0;
        const bestCells = new Int32Array(MAX_DP_WINDOW);
        const bestValues = new Int32Array(MAX_DP_WINDOW);
        const consider = (n: number) => {
          const delta = state.propose(cells, values, n);
          state.reject();
          if (delta < best) {
            best = delta;
            bestN = n;
            bestCells.set(cells.subarray(0, n));
            bestValues.set(values.subarray(0, n));
          }
        };
        const only = daysToTry(c, state.x, p);
        if (dp) {
          for (let a0 = 0; a0 + w <= D; a0 += Math.max(1, w >> 2)) {
            if (only && !only[a0] && !only[a0 + w - 1] && !only[a0 + (w >> 1)]) continue;
            if (!dp.solve(state.x, state.tally.count, p, a0, a0 + w - 1)) continue;
            let n = 0;
            for (let i = 0; i < w; i++) {
              const cell = p * D + a0 + i;
              if (state.x[cell] === dp.out[i]) continue;
              cells[n] = cell;
              values[n++] = dp.out[i];
            }
            if (n > 0) consider(n);
          }
        }
        for (let d = 0; d < D; d++) {
          if (only && !only[d]) continue;
          if (now() > deadline) return;
          const a = p * D + d;
          if (locked[a]) continue;
          // Another shift or off for p on day d.
          cells[0] = a;
          values[0] = -1;
          if (state.x[a] !== -1) consider(1);
          for (const s of c.shiftsByDay[d]) {
            if (s === state.x[a]) continue;
            values[0] = s;
            consider(1);
          }
          // Runs of 2–3 days set to one shift type (or off), e.g. adding a whole short run.
          for (let k = 2; k <= 3 && d + k <= D; k++) {
            let blocked = false;
            for (let i = 0; i < k; i++) if (locked[a + i]) blocked = true;
            if (blocked) continue;
            for (let i = 0; i < k; i++) {
              cells[i] = a + i;
              values[i] = -1;
            }
            consider(k);
            for (const s0 of c.shiftsByDay[d]) {
              let s = s0;
              let n = 0;
              for (let i = 0; i < k && s >= 0; i++) {
                cells[n] = a + i;
                values[n++] = s;
                s = i + 1 < k ? next[s] : s;
              }
              if (n === k) consider(k);
            }
          }
          // Swaps of 1–maxSwap days with every other person.
          for (let q = 0; q < P; q++) {
            if (q === p) continue;
            for (let k = 1; k <= maxSwap && d + k <= D; k++) {
              let ok = true;
              let differs = false;
              let n = 0;
              for (let i = 0; i < k; i++) {
                const x1 = p * D + d + i;
                const x2 = q * D + d + i;
                if (locked[x1] || locked[x2]) ok = false;
                if (state.x[x1] !== state.x[x2]) differs = true;
                cells[n] = x1;
                values[n++] = state.x[x2];
                cells[n] = x2;
                values[n++] = state.x[x1];
              }
              if (ok && differs) consider(n);
            }
          }
        }
        if (bestN > 0) {
          state.propose(bestCells, bestValues, bestN);
          state.accept();
          improved = true;
        } else if (dp && relayRow(state, dp, p)) improved = true;
      }
    }
  } finally {
    state.hardWeight = saveWeight;
  }
}
