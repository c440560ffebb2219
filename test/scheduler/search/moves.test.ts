/**
 * The cover-directed moves of the neighbourhood: `transfer` must give an under-staffed shift a
 * person who is off that day, take back at most one other day of the same person's row, and never
 * touch a pinned cell. `handover` re-plans two rows at once and must leave the roster and the
 * staff counts it borrows exactly as they were; `grant` does the same for an unmet wish, and the
 * wish must be met by the move it returns; `fill` gives a short shift to one row, on a weekend to
 * someone already working the other day of it. `chain` gathers scattered minutes by same-day
 * trades; `weekend` completes a half-worked weekend and mends what the new day breaks in that row;
 * `pairUp` hands the shift of one half-worked weekend to someone who works the other day of it.
 */
import { compile } from '../../../src/scheduler/compile';
import { LONG_GRANT_MIN_DAYS, MOVE_KINDS, MoveBuffer, MoveGenerator, chainApplies, weekendApplies } from '../../../src/scheduler/search/moves';
import { mulberry32 } from '../../../src/scheduler/search/rng';
import { RowDp } from '../../../src/scheduler/search/rowDp';
import { SearchState } from '../../../src/scheduler/search/state';
import { wishUnmet } from '../../../src/scheduler/constraints/shiftPreference';
import { initialGrid } from '../../../src/scheduler/solve';
import { dailyShifts, problem, shift } from '../helpers';

/** Copies of the search state's row totals, which the DP moves borrow and must give back as they were. */
function rowTotals(state: SearchState) {
  const { minutes, typeCount, weekendDays, weekendsWorked } = state.stats;
  return [minutes, typeCount, weekendDays, weekendsWorked].map((a) => Array.from(a));
}

/** A move generator wired to the search state (staff counts, row totals) that draws only `kind`. */
function onlyKind(state: SearchState, locked: Uint8Array, random: () => number, kind: (typeof MOVE_KINDS)[number]): MoveGenerator {
  const gen = new MoveGenerator(state.c, locked, random, MOVE_KINDS.map((k) => (k === kind ? 1 : 0)));
  gen.staffed = state.tally.count;
  gen.stats = state.stats;
  return gen;
}

/** The moves `draws` draws of `gen` make on the state's roster (left unchanged), each as cell → value. */
function drawMoves(state: SearchState, gen: MoveGenerator, draws: number): Array<Map<number, number>> {
  const m = new MoveBuffer();
  const moves: Array<Map<number, number>> = [];
  for (let i = 0; i < draws; i++) {
    if (gen.generate(state.x, m)) moves.push(new Map(Array.from(m.cells.subarray(0, m.n), (cell, k) => [cell, m.values[k]] as [number, number])));
  }
  return moves;
}

/**
 * Draws `tries` moves of one kind from `gen` and checks what every such move must do: leave the
 * roster and the staff counts it works on as they were, name distinct cells, change each of them,
 * touch no pinned cell; and the row totals as they were too. `check` asserts what is particular to the kind; the moves are then
 * accepted and rejected in turn so the roster moves on. Returns how many moves were made.
 */
function driveMoves(
  state: SearchState,
  gen: MoveGenerator,
  locked: Uint8Array,
  kind: (typeof MOVE_KINDS)[number],
  tries: number,
  check: (cells: number[], m: MoveBuffer) => void,
): number {
  const m = new MoveBuffer();
  let made = 0;
  for (let i = 0; i < tries; i++) {
    const xBefore = Int32Array.from(state.x);
    const countBefore = Int32Array.from(state.tally.count);
    const statsBefore = rowTotals(state);
    const ok = gen.generate(state.x, m);
    expect(state.x).toEqual(xBefore);
    expect(state.tally.count).toEqual(countBefore);
    expect(rowTotals(state)).toEqual(statsBefore);
    if (!ok) continue;
    made++;
    expect(m.kind).toBe(MOVE_KINDS.indexOf(kind));
    const cells = Array.from(m.cells.subarray(0, m.n));
    expect(new Set(cells).size).toBe(m.n);
    for (let k = 0; k < m.n; k++) {
      expect(locked[m.cells[k]]).toBe(0);
      expect(state.x[m.cells[k]]).not.toBe(m.values[k]);
    }
    check(cells, m);
    state.propose(m.cells, m.values, m.n);
    if (i % 2 === 0) state.accept();
    else state.reject();
  }
  return made;
}

/**
 * Six people over 28 days, shifts E and L (two people each) every day, p0 pinned to E3 and p1 to
 * L4; the rest of the grid filled at random (`eShare` of the work on E).
 */
function randomTwoShiftRoster(random: () => number, limits: Record<string, number>, eShare: number, extra: Parameters<typeof problem>[3] = {}) {
  const days = 28;
  const people = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, limits }));
  const p = problem(days, people, dailyShifts(days, [{ type: 'E', headcount: 2 }, { type: 'L', hour: 14, headcount: 2 }]), {
    pinned: [{ personId: 'p0', shiftId: 'E3' }, { personId: 'p1', shiftId: 'L4' }],
    ...extra,
  });
  const c = compile(p);
  const { x, locked } = initialGrid(c);
  for (let i = 0; i < x.length; i++) if (!locked[i] && random() < 0.55) x[i] = c.shiftsByDay[i % days][random() < eShare ? 0 : 1];
  return { days, c, locked, state: new SearchState(c, x, 1000) };
}

describe('transfer move', () => {
  it('moves work from a staffed day to an under-staffed one in the same row', () => {
    const days = 28;
    const people = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}` }));
    const p = problem(days, people, dailyShifts(days, [{ type: 'E', headcount: 2 }, { type: 'L', headcount: 2 }]), {
      pinned: [{ personId: 'p0', shiftId: 'E3' }, { personId: 'p1', shiftId: 'L4' }],
    });
    const c = compile(p);
    const { x, locked } = initialGrid(c);
    const random = mulberry32(5);
    // Everyone works most days, mostly on E, so L is short and E has people to spare.
    for (let i = 0; i < x.length; i++) if (!locked[i] && random() < 0.7) x[i] = c.shiftsByDay[i % days][random() < 0.8 ? 0 : 1];
    const state = new SearchState(c, x, 1000);
    const gen = onlyKind(state, locked, random, 'transfer');
    const m = new MoveBuffer();
    let made = 0;
    let withDrop = 0;
    for (let i = 0; i < 3000; i++) {
      if (!gen.generate(state.x, m)) continue;
      made++;
      expect(m.kind).toBe(MOVE_KINDS.indexOf('transfer'));
      const [cell, s] = [m.cells[0], m.values[0]];
      expect(state.x[cell]).toBe(-1);
      expect(state.tally.count[s]).toBeLessThan(c.shiftHeadcount[s]);
      expect(c.shiftDay[s]).toBe(cell % days);
      expect(m.n).toBeLessThanOrEqual(2);
      for (let k = 0; k < m.n; k++) expect(locked[m.cells[k]]).toBe(0);
      if (m.n === 2) {
        withDrop++;
        expect(Math.floor(m.cells[1] / days)).toBe(Math.floor(cell / days));
        expect(state.x[m.cells[1]]).toBeGreaterThanOrEqual(0);
        expect(m.values[1]).toBe(-1);
      }
      // Apply every other move so the roster (and what is short) keeps changing.
      state.propose(m.cells, m.values, m.n);
      if (i % 2 === 0) state.accept();
      else state.reject();
    }
    expect(made).toBeGreaterThan(100);
    expect(withDrop).toBeGreaterThan(made / 4);
  });
});

describe('fixDp move', () => {
  it('re-lays the row of a person who breaks a hard rule so that they no longer do', () => {
    const days = 15;
    const p = problem(
      days,
      [
        { id: 'a', unavailableDays: [9], limits: { minTotalMinutes: 11 * 480, maxTotalMinutes: 11 * 480, maxConsecutiveWorkDays: 4, minConsecutiveWorkDays: 2, minConsecutiveDaysOff: 2 } },
        { id: 'b' },
      ],
      dailyShifts(days, [{ type: 'D', headcount: 2 }]),
    );
    const c = compile(p);
    const { x, locked } = initialGrid(c);
    // a: 11 shifts in runs of 4, 4, 3 — but day 9 (unavailable) sits inside the second run.
    [...'xxxx..xxxx..xxx'].forEach((ch, d) => (x[d] = ch === 'x' ? c.shiftsByDay[d][0] : -1));
    const state = new SearchState(c, x, 1000);
    expect(state.personHard(0)).toBeGreaterThan(0);
    const random = mulberry32(9);
    const gen = onlyKind(state, locked, random, 'fixDp');
    gen.focus = () => state.samplePersonWithHard(random);
    const m = new MoveBuffer();
    let fixed = false;
    for (let i = 0; i < 20 && !fixed; i++) {
      if (!gen.generate(state.x, m)) continue;
      for (let k = 0; k < m.n; k++) expect(Math.floor(m.cells[k] / days)).toBe(0);
      state.propose(m.cells, m.values, m.n);
      state.accept();
      fixed = state.hard === 0;
    }
    expect(fixed).toBe(true);
    expect(state.x[9]).toBe(-1);
  });
});

describe('handover move', () => {
  it('hands a shift from one row to another, touching two rows and no pinned cell, and restores the roster it works on', () => {
    const random = mulberry32(11);
    const limits = { minTotalMinutes: 14 * 480, maxTotalMinutes: 16 * 480, maxConsecutiveWorkDays: 5, minConsecutiveDaysOff: 2 };
    const { days, c, locked, state } = randomTwoShiftRoster(random, limits, 0.5);
    const gen = onlyKind(state, locked, random, 'handover');
    const made = driveMoves(state, gen, locked, 'handover', 400, (cells, m) => {
      const rows = new Set(cells.map((cell) => Math.floor(cell / days)));
      expect(rows.size).toBeLessThanOrEqual(2);
      // Some cell of the move gives a person who was off a shift another moving row held that day.
      const handed = cells.some((cell, k) => {
        const s = m.values[k];
        if (state.x[cell] !== -1 || s < 0) return false;
        const d = cell % days;
        return [...rows].some((r) => r !== Math.floor(cell / days) && state.x[r * days + d] === s);
      });
      expect(handed).toBe(true);
    });
    expect(made).toBeGreaterThan(50);
  });

  it('lets two people trade days when neither row can improve alone', () => {
    // a works Mon–Thu, b Fri–Sun; each has exactly the minutes they work, one person a day is
    // needed. a wants Saturday, b wants it off: only a trade of a day for Saturday helps both.
    const days = 7;
    const four = { minTotalMinutes: 4 * 480, maxTotalMinutes: 4 * 480 };
    const three = { minTotalMinutes: 3 * 480, maxTotalMinutes: 3 * 480 };
    const p = problem(days, [{ id: 'a', limits: four }, { id: 'b', limits: three }], dailyShifts(days, [{ type: 'D' }]), {
      preferences: [
        { personId: 'a', kind: 'wantShift', shiftId: 'D5', weight: 5 },
        { personId: 'b', kind: 'avoidShift', shiftId: 'D5', weight: 5 },
      ],
    });
    const c = compile(p);
    const { x, locked } = initialGrid(c);
    [...'xxxx...'].forEach((ch, d) => (x[d] = ch === 'x' ? c.shiftsByDay[d][0] : -1));
    [...'....xxx'].forEach((ch, d) => (x[days + d] = ch === 'x' ? c.shiftsByDay[d][0] : -1));
    const state = new SearchState(c, x, 1000);
    expect(state.hard).toBe(0);
    const start = state.soft;
    expect(start).toBe(10);
    // Neither row alone does better: the best single-row layout (the row DP) gains nothing.
    const dp = new RowDp(c, locked);
    for (const who of [0, 1]) {
      expect(dp.solve(state.x, state.tally.count, who, 0, days - 1)).toBe(true);
      const cells = Array.from({ length: days }, (_, d) => who * days + d);
      expect(state.propose(cells, dp.out, days)).toBeGreaterThanOrEqual(0);
      state.reject();
    }
    const gen = onlyKind(state, locked, mulberry32(3), 'handover');
    const m = new MoveBuffer();
    let best = Infinity;
    for (let i = 0; i < 50 && state.soft > 0; i++) {
      if (!gen.generate(state.x, m)) continue;
      const delta = state.propose(m.cells, m.values, m.n);
      best = Math.min(best, delta);
      if (delta < 0) state.accept();
      else state.reject();
    }
    expect(best).toBe(-10);
    expect(state.hard).toBe(0);
    expect(state.soft).toBe(0);
    expect(state.x[5]).toBe(c.shiftsByDay[5][0]);
    expect(state.x[days + 5]).toBe(-1);
  });
});

describe('grant move', () => {
  it('meets an unmet wish with a two-row trade, touching no pinned cell, and restores the roster it works on', () => {
    const random = mulberry32(17);
    const preferences = Array.from({ length: 30 }, () => {
      const who = `p${Math.floor(random() * 6)}`;
      const day = Math.floor(random() * 28);
      const kind = (['wantShift', 'avoidShift', 'wantDayOff'] as const)[Math.floor(random() * 3)];
      const type = random() < 0.5 ? 'E' : 'L';
      return kind === 'wantDayOff' ? { personId: who, kind, day, weight: 2 } : { personId: who, kind, shiftId: `${type}${day}`, weight: 2 };
    });
    const limits = { minTotalMinutes: 12 * 480, maxTotalMinutes: 16 * 480, maxConsecutiveWorkDays: 5, minConsecutiveDaysOff: 2 };
    const { days, c, locked, state } = randomTwoShiftRoster(random, limits, 0.5, { preferences });
    const gen = onlyKind(state, locked, random, 'grant');
    const wishMet = (person: number, d: number, s: number) =>
      c.preferences[person].some((pr) => pr.day === d && wishUnmet(c, pr, state.x[person * days + d]) && !wishUnmet(c, pr, s));
    const made = driveMoves(state, gen, locked, 'grant', 300, (cells, m) => {
      expect(new Set(cells.map((cell) => Math.floor(cell / days))).size).toBeLessThanOrEqual(2);
      expect(cells.some((cell, k) => wishMet(Math.floor(cell / days), cell % days, m.values[k]))).toBe(true);
    });
    expect(made).toBeGreaterThan(20);
  });

  it('is drawn twice as often on long horizons', () => {
    // Share of grant draws among all draws of the default mix, on a horizon just short of the
    // threshold and on one at it; the same people with one wish each.
    const grantShare = (days: number) => {
      const people = Array.from({ length: 4 }, (_, i) => ({ id: `p${i}` }));
      const preferences = people.map((q, i) => ({ personId: q.id, kind: 'wantDayOff' as const, day: i, weight: 1 }));
      const c = compile(problem(days, people, dailyShifts(days, [{ type: 'E', headcount: 2 }]), { preferences }));
      const { x, locked } = initialGrid(c);
      const state = new SearchState(c, x, 1000);
      const gen = new MoveGenerator(c, locked, mulberry32(3));
      gen.staffed = state.tally.count;
      gen.stats = state.stats;
      const m = new MoveBuffer();
      let grants = 0;
      const draws = 40_000;
      for (let i = 0; i < draws; i++) {
        gen.generate(state.x, m);
        if (MOVE_KINDS[m.kind] === 'grant') grants++;
      }
      return grants / draws;
    };
    const short = grantShare(LONG_GRANT_MIN_DAYS - 1);
    const long = grantShare(LONG_GRANT_MIN_DAYS);
    expect(short).toBeGreaterThan(0);
    expect(long / short).toBeGreaterThan(1.7);
    expect(long / short).toBeLessThan(2.3);
  });

  it('finds at once the trade two wishes ask for', () => {
    // The roster of the handover test above: a wants Saturday, b wants it off, and a also wants
    // the days a works, the first one least. Every grant the generator can draw here is the
    // trade of a's Monday for b's Saturday: b takes Monday, a Saturday (−5 −5 +1).
    const days = 7;
    const four = { minTotalMinutes: 4 * 480, maxTotalMinutes: 4 * 480 };
    const three = { minTotalMinutes: 3 * 480, maxTotalMinutes: 3 * 480 };
    const p = problem(days, [{ id: 'a', limits: four }, { id: 'b', limits: three }], dailyShifts(days, [{ type: 'D' }]), {
      preferences: [
        { personId: 'a', kind: 'wantShift', shiftId: 'D5', weight: 5 },
        { personId: 'b', kind: 'avoidShift', shiftId: 'D5', weight: 5 },
        ...[0, 1, 2, 3].map((d) => ({ personId: 'a', kind: 'wantShift' as const, shiftId: `D${d}`, weight: d + 1 })),
      ],
    });
    const c = compile(p);
    const { x, locked } = initialGrid(c);
    [...'xxxx...'].forEach((ch, d) => (x[d] = ch === 'x' ? c.shiftsByDay[d][0] : -1));
    [...'....xxx'].forEach((ch, d) => (x[days + d] = ch === 'x' ? c.shiftsByDay[d][0] : -1));
    const state = new SearchState(c, x, 1000);
    const gen = onlyKind(state, locked, mulberry32(3), 'grant');
    const m = new MoveBuffer();
    expect(state.soft).toBe(10);
    expect(gen.generate(state.x, m)).toBe(true);
    expect(state.propose(m.cells, m.values, m.n)).toBe(-9);
    state.accept();
    expect(state.hard).toBe(0);
    expect(state.x[5]).toBe(c.shiftsByDay[5][0]);
    expect(state.x[days + 5]).toBe(-1);
    expect(state.x[days]).toBe(c.shiftsByDay[0][0]);
  });
});

describe('fill move', () => {
  it('gives an under-staffed shift to one person and lays out only that row, touching no pinned cell', () => {
    const random = mulberry32(23);
    const limits = { minTotalMinutes: 10 * 480, maxTotalMinutes: 16 * 480, maxConsecutiveWorkDays: 5, minConsecutiveDaysOff: 2, maxWeekendsWorked: 2 };
    // Mostly E, so L is short and E has people to spare.
    const { days, c, locked, state } = randomTwoShiftRoster(random, limits, 0.8);
    const gen = onlyKind(state, locked, random, 'fill');
    const made = driveMoves(state, gen, locked, 'fill', 300, (cells, m) => {
      expect(new Set(cells.map((cell) => Math.floor(cell / days))).size).toBe(1);
      // One cell takes a shift that is short of people, from a day off or a shift with some to spare.
      const filled = cells.some((cell, k) => {
        const s = m.values[k];
        const cur = state.x[cell];
        return s >= 0 && state.tally.count[s] < c.shiftHeadcount[s] && (cur < 0 || state.tally.count[cur] > c.shiftHeadcount[cur]);
      });
      expect(filled).toBe(true);
    });
    expect(made).toBeGreaterThan(20);
  });
});

describe('fill move on a weekend', () => {
  it('gives a short weekend shift to someone who already works the other day of that weekend', () => {
    // One week: the Sunday shift D6 is the only one short. a works Saturday and is off on Sunday;
    // b and c are off all weekend, so the shift would cost either of them a weekend of their own.
    const days = 7;
    const p = problem(days, [{ id: 'a' }, { id: 'b' }, { id: 'c' }], dailyShifts(days, [{ type: 'D' }]));
    const c = compile(p);
    const { x, locked } = initialGrid(c);
    for (let d = 0; d < 5; d++) x[2 * days + d] = c.shiftsByDay[d][0];
    x[5] = c.shiftsByDay[5][0];
    const state = new SearchState(c, x, 1000);
    const sunday = c.shiftsByDay[6][0];
    expect(state.tally.count[sunday]).toBe(0);
    const random = mulberry32(31);
    const gen = onlyKind(state, locked, random, 'fill');
    const m = new MoveBuffer();
    let made = 0;
    for (let i = 0; i < 60; i++) {
      if (!gen.generate(state.x, m)) continue;
      made++;
      const cells = Array.from(m.cells.subarray(0, m.n));
      // Only a's row changes, and a takes the Sunday shift.
      expect(cells.every((cell) => Math.floor(cell / days) === 0)).toBe(true);
      expect(cells.some((cell, k) => cell === 6 && m.values[k] === sunday)).toBe(true);
    }
    expect(made).toBeGreaterThan(30);
  });
});

describe('chain move', () => {
  it('applies only where hours are scarce and shift lengths differ', () => {
    const shifts = [shift('S0', 0, 'S'), shift('L0', 0, 'L', { hours: 12 })];
    const tight = (max: number | undefined) =>
      chainApplies(compile(problem(1, [{ id: 'a', limits: { maxTotalMinutes: max } }, { id: 'b', limits: { maxTotalMinutes: 600 } }], shifts)));
    // Demand 1,200 minutes: supply 1,200 applies, 1,300 does not, nor does a person without a limit.
    expect(tight(600)).toBe(true);
    expect(tight(700)).toBe(false);
    expect(tight(undefined)).toBe(false);
    // Equal lengths: no trade sheds minutes.
    const same = compile(problem(1, [{ id: 'a', limits: { maxTotalMinutes: 480 } }], [shift('S0', 0, 'S'), shift('T0', 0, 'T')]));
    expect(chainApplies(same)).toBe(false);
  });

  it('gives a short shift to the person with most room and sheds their excess by a same-day trade', () => {
    // S0 (8 h) has nobody. a works L2 (12 h) and may work 16 h in all: taking S0 puts a 4 h over,
    // unless a trades L2 for b's S2 (b has room, but cannot work on day 0). c has no room at all.
    const p = problem(
      3,
      [
        { id: 'a', limits: { maxTotalMinutes: 960 } },
        { id: 'b', limits: { maxTotalMinutes: 720 }, unavailableDays: [0] },
        { id: 'c', limits: { maxTotalMinutes: 0 } },
      ],
      [shift('S0', 0, 'S'), shift('S2', 2, 'S'), shift('L2', 2, 'L', { hours: 12 })],
    );
    const c = compile(p);
    const { x, locked } = initialGrid(c);
    const [s0, s2, l2] = ['S0', 'S2', 'L2'].map((id) => c.shiftIndex.get(id)!);
    x[0 * 3 + 2] = l2;
    x[1 * 3 + 2] = s2;
    const state = new SearchState(c, x, 1000);
    const gen = onlyKind(state, locked, mulberry32(7), 'chain');
    const moves = drawMoves(state, gen, 40);
    for (const move of moves) {
      expect(move).toEqual(
        new Map([
          [0 * 3 + 0, s0],
          [0 * 3 + 2, s2],
          [1 * 3 + 2, l2],
        ]),
      );
    }
    expect(moves.length).toBeGreaterThan(10);
    const m = new MoveBuffer();
    expect(gen.generate(state.x, m) || gen.generate(state.x, m) || gen.generate(state.x, m)).toBe(true);
    const before = { hard: state.hard, soft: state.soft };
    state.propose(m.cells, m.values, m.n);
    state.accept();
    // The shift is staffed and nobody is over their limit.
    expect(state.hard).toBe(before.hard);
    expect(state.hard).toBe(0);
    expect(state.soft).toBeLessThan(before.soft);
    expect(state.tally.count[s0]).toBe(1);
  });

  it('on random rosters: one day taken from a day off, every other change a same-day trade, nobody pushed over their limit', () => {
    let made = 0;
    let trades = 0;
    for (const seed of [41, 42, 43, 44, 45, 46]) {
      const r = chainOnRandomRoster(seed);
      made += r.made;
      trades += r.trades;
    }
    expect(made).toBeGreaterThan(20);
    expect(trades).toBeGreaterThan(10);
  });

  function chainOnRandomRoster(seed: number): { made: number; trades: number } {
    const days = 28;
    const random = mulberry32(seed);
    const shifts = dailyShifts(days, [
      { type: 'S', headcount: 2 },
      { type: 'M', hour: 10, hours: 10, headcount: 1 },
      { type: 'L', hour: 20, hours: 12, headcount: 2 },
    ]);
    const pinned = [{ personId: 'p0', shiftId: 'S3' }, { personId: 'p1', shiftId: 'L4' }];
    const ids = Array.from({ length: 8 }, (_, i) => `p${i}`);
    const c0 = compile(problem(days, ids.map((id) => ({ id })), shifts, { pinned }));
    const { x, locked } = initialGrid(c0);
    for (let i = 0; i < x.length; i++) if (!locked[i] && random() < 0.4) x[i] = c0.shiftsByDay[i % days][Math.floor(random() * 3)];
    // Each person's limit a few hours above what they work: room for a trade, seldom for a shift.
    const limit = ids.map((_, p) => {
      let m = 0;
      for (let d = 0; d < days; d++) if (x[p * days + d] >= 0) m += c0.shiftMinutes[x[p * days + d]];
      return m + 60 * Math.floor(random() * 7);
    });
    const c = compile(problem(days, ids.map((id, p) => ({ id, limits: { maxTotalMinutes: limit[p] } })), shifts, { pinned }));
    const state = new SearchState(c, x, 1000);
    const gen = onlyKind(state, locked, random, 'chain');
    let trades = 0;
    const made = driveMoves(state, gen, locked, 'chain', 400, (cells, m) => {
      const taken = m.values[0];
      expect(state.x[cells[0]]).toBe(-1);
      expect(state.tally.count[taken]).toBeLessThan(c.shiftHeadcount[taken]);
      expect(c.shiftDay[taken]).toBe(cells[0] % days);
      // The rest: pairs of people swapping their shifts of one day, the longer going to the second.
      expect((m.n - 1) % 2).toBe(0);
      for (let k = 1; k < m.n; k += 2) {
        const [a, b] = [cells[k], cells[k + 1]];
        expect(a % days).toBe(b % days);
        expect(m.values[k]).toBe(state.x[b]);
        expect(m.values[k + 1]).toBe(state.x[a]);
        expect(c.shiftMinutes[state.x[a]]).toBeGreaterThan(c.shiftMinutes[state.x[b]]);
        trades++;
      }
      // Minutes after the move: within the limit for everyone it touches who was within it.
      const rows = new Set(cells.map((cell) => Math.floor(cell / days)));
      for (const r of rows) {
        let after = state.stats.minutes[r];
        cells.forEach((cell, k) => {
          if (Math.floor(cell / days) !== r) return;
          if (state.x[cell] >= 0) after -= c.shiftMinutes[state.x[cell]];
          if (m.values[k] >= 0) after += c.shiftMinutes[m.values[k]];
        });
        if (state.stats.minutes[r] <= limit[r]) expect(after).toBeLessThanOrEqual(limit[r]);
      }
    });
    return { made, trades };
  }
});

describe('weekend move', () => {
  /** One week of day shifts D (one person each); rows as strings of 'D' / '.', Monday first. */
  function week(rows: string[], limits: Record<string, number>) {
    const days = 7;
    const people = rows.map((_, i) => ({ id: `p${i}`, limits: { maxWeekendsWorked: 1, ...limits } }));
    const c = compile(problem(days, people, dailyShifts(days, [{ type: 'D' }])));
    const { x, locked } = initialGrid(c);
    rows.forEach((r, i) => [...r].forEach((ch, d) => ch === 'D' && (x[i * days + d] = c.shiftsByDay[d][0])));
    return { days, c, locked, x };
  }

  /** The move the generator makes (all draws agree), as cell → value. */
  function onlyMove(state: SearchState, locked: Uint8Array, seed: number): Map<number, number> {
    const moves = drawMoves(state, onlyKind(state, locked, mulberry32(seed), 'weekend'), 20);
    expect(moves.length).toBeGreaterThan(0);
    for (const move of moves) expect(move).toEqual(moves[0]);
    return moves[0];
  }

  it('applies only where somebody has a weekend limit', () => {
    const shifts = dailyShifts(7, [{ type: 'D' }]);
    expect(weekendApplies(compile(problem(7, [{ id: 'a', limits: { maxWeekendsWorked: 1 } }, { id: 'b' }], shifts)))).toBe(true);
    expect(weekendApplies(compile(problem(7, [{ id: 'a' }, { id: 'b' }], shifts)))).toBe(false);
  });

  it('gives a short Sunday shift to the person who works Saturday, not to one it would cost a weekend', () => {
    // p0 works Thursday to Saturday; p1 is off all weekend; nobody works Sunday.
    const { days, c, locked, x } = week(['...DDD.', '.......'], {});
    const state = new SearchState(c, x, 1000);
    expect(onlyMove(state, locked, 3)).toEqual(new Map([[0 * days + 6, c.shiftsByDay[6][0]]]));
  });

  it('lets a run grown too long give up its far end', () => {
    // p0 works Tuesday to Saturday, at most five days running: taking Sunday gives up Tuesday.
    const { c, locked, x } = week(['.DDDDD.'], { maxConsecutiveWorkDays: 5 });
    const state = new SearchState(c, x, 1000);
    const move = onlyMove(state, locked, 5);
    expect(move).toEqual(new Map([[6, c.shiftsByDay[6][0]], [1, -1]]));
    state.propose([...move.keys()], [...move.values()], move.size);
    expect(state.pendingDelta().hard).toBe(0);
  });

  it('slides the run before a rest left too short: the day off before Saturday stays two days long', () => {
    // p0 works Tuesday–Wednesday–Thursday and Sunday, at least two days off in a row: taking
    // Saturday would leave Friday a one-day rest, so Thursday goes.
    const { c, locked, x } = week(['.DDD..D'], { minConsecutiveDaysOff: 2 });
    const state = new SearchState(c, x, 1000);
    expect(state.hard).toBe(0);
    const move = onlyMove(state, locked, 7);
    expect(move).toEqual(new Map([[5, c.shiftsByDay[5][0]], [3, -1]]));
    state.propose([...move.keys()], [...move.values()], move.size);
    expect(state.pendingDelta().hard).toBe(0);
  });

  it('gives up no more days than the minimum minutes allow', () => {
    // Two weeks; p0 works Wed–Thu and Sun–Thu, at most five days running, at least two days off.
    // Taking Saturday needs both Thursdays given up (the rest before it, the run after it): seven
    // shifts become six, which only a minimum of six shifts allows.
    const made = (minShifts: number) => {
      const days = 14;
      const limits = { maxWeekendsWorked: 2, maxConsecutiveWorkDays: 5, minConsecutiveDaysOff: 2, minTotalMinutes: minShifts * 480 };
      const c = compile(problem(days, [{ id: 'p0', limits }], dailyShifts(days, [{ type: 'D' }])));
      const { x, locked } = initialGrid(c);
      for (const d of [2, 3, 6, 7, 8, 9, 10]) x[d] = c.shiftsByDay[d][0];
      const state = new SearchState(c, x, 1000);
      const moves = drawMoves(state, onlyKind(state, locked, mulberry32(11), 'weekend'), 20);
      for (const move of moves) expect(move).toEqual(new Map([[5, c.shiftsByDay[5][0]], [3, -1], [10, -1]]));
      return moves.length;
    };
    expect(made(6)).toBeGreaterThan(0);
    expect(made(7)).toBe(0);
  });

  it('trades a neighbouring shift that may not come before the new one with someone else that day', () => {
    // Shift types E (early) and N (night); E may not follow N. p0 works N on Saturday, and E on
    // Sunday is short. p1 works E on Saturday, cannot work on Sunday, and may work N on Saturday:
    // p0 and p1 trade Saturdays so that p0 can take E on Sunday.
    const days = 7;
    const types = [{ type: 'E', hour: 6 }, { type: 'N', hour: 22 }];
    const people = [
      { id: 'p0', limits: { maxWeekendsWorked: 1 } },
      { id: 'p1', limits: { maxWeekendsWorked: 1 }, unavailableDays: [6] },
    ];
    const c = compile(problem(days, people, dailyShifts(days, types), { forbiddenSuccessions: [{ from: 'N', to: 'E' }] }));
    const { x, locked } = initialGrid(c);
    const [e5, n5] = c.shiftsByDay[5];
    const e6 = c.shiftsByDay[6][0];
    x[0 * days + 5] = n5;
    x[1 * days + 5] = e5;
    // Sunday's N is short too; p0 may simply take that one, so only the moves giving p0 E count.
    const state = new SearchState(c, x, 1000);
    const traded = drawMoves(state, onlyKind(state, locked, mulberry32(9), 'weekend'), 40).filter((move) => move.get(0 * days + 6) === e6);
    for (const move of traded) expect(move).toEqual(new Map([[0 * days + 6, e6], [0 * days + 5, e5], [1 * days + 5, n5]]));
    expect(traded.length).toBeGreaterThan(3);
  });

  it('on random rosters: takes a short weekend shift from a day off on a half-worked weekend and adds no hard violation', () => {
    let made = 0;
    for (const seed of [51, 52, 53, 54, 55, 56]) made += weekendOnRandomRoster(seed);
    expect(made).toBeGreaterThan(30);
  });

  function weekendOnRandomRoster(seed: number): number {
    const random = mulberry32(seed);
    // Minutes between 14 and 16 shifts: most rows sit near one of the limits.
    const limits = {
      minTotalMinutes: 14 * 480,
      maxTotalMinutes: 16 * 480,
      maxConsecutiveWorkDays: 5,
      minConsecutiveWorkDays: 2,
      minConsecutiveDaysOff: 2,
      maxWeekendsWorked: 2,
    };
    const { days, c, locked, state } = randomTwoShiftRoster(random, limits, 0.5, { forbiddenSuccessions: [{ from: 'L', to: 'E' }] });
    const gen = onlyKind(state, locked, random, 'weekend');
    return driveMoves(state, gen, locked, 'weekend', 400, (cells, m) => {
      const taken = m.values[0];
      const d = cells[0] % days;
      const p = Math.floor(cells[0] / days);
      expect(state.x[cells[0]]).toBe(-1);
      expect(c.shiftDay[taken]).toBe(d);
      expect(c.weekendOfDay[d]).toBeGreaterThanOrEqual(0);
      expect(state.tally.count[taken]).toBeLessThan(c.shiftHeadcount[taken]);
      expect(state.stats.weekendDays[p * c.weekendCount + c.weekendOfDay[d]]).toBeGreaterThan(0);
      // The rest: p's days off and shift changes, and other people's same-day trades with p.
      for (let k = 1; k < m.n; k++) {
        const r = Math.floor(cells[k] / days);
        if (r !== p) expect(m.values[k]).toBe(state.x[p * days + (cells[k] % days)]);
      }
      // Hard violations may be there before (a random roster) but the move adds none.
      const hardBefore = state.hard;
      state.propose(m.cells, m.values, m.n);
      expect(state.pendingDelta().hard).toBeLessThanOrEqual(0);
      state.reject();
      expect(state.hard).toBe(hardBefore);
    });
  }
});

describe('pairUp move', () => {
  it('makes two half-worked weekends one whole weekend and one free one', () => {
    // Two weeks of day shifts D, one person each. p0 works Thursday to Saturday of week 1 and p1
    // Sunday to Tuesday: each works one day of the first weekend. p0 taking p1's Sunday (or p1
    // p0's Saturday) makes one weekend whole and frees the other.
    const days = 14;
    const limits = { maxWeekendsWorked: 1, maxConsecutiveWorkDays: 5, minConsecutiveWorkDays: 2 };
    const c = compile(problem(days, [{ id: 'p0', limits }, { id: 'p1', limits }], dailyShifts(days, [{ type: 'D' }])));
    const { x, locked } = initialGrid(c);
    ['...DDD........', '......DDD.....'].forEach((r, i) => [...r].forEach((ch, d) => ch === 'D' && (x[i * days + d] = c.shiftsByDay[d][0])));
    const state = new SearchState(c, x, 1000);
    const moves = drawMoves(state, onlyKind(state, locked, mulberry32(9), 'pairUp'), 40);
    expect(moves.length).toBeGreaterThan(0);
    for (const move of moves) {
      // Either takes the other's day: one works Saturday and Sunday after the move, the other neither.
      const after = Int32Array.from(state.x);
      for (const [cell, v] of move) after[cell] = v;
      const worked = [0, 1].map((i) => [5, 6].filter((d) => after[i * days + d] >= 0).length).sort();
      expect(worked).toEqual([0, 2]);
    }
  });

  it('on random rosters: someone off on a half-worked weekend takes the shift of someone who works only that day of it', () => {
    let made = 0;
    for (const seed of [61, 62, 63, 64]) {
      const random = mulberry32(seed);
      const limits = { minTotalMinutes: 12 * 480, maxTotalMinutes: 18 * 480, maxConsecutiveWorkDays: 5, minConsecutiveDaysOff: 2, maxWeekendsWorked: 2 };
      const { days, c, locked, state } = randomTwoShiftRoster(random, limits, 0.5);
      const gen = onlyKind(state, locked, random, 'pairUp');
      made += driveMoves(state, gen, locked, 'pairUp', 600, (cells, m) => {
        // Two rows at most; in one of them a weekend day off takes a shift that, before the move,
        // someone in the other row held on that day while working nothing else of that weekend.
        const rows = [...new Set(cells.map((cell) => Math.floor(cell / days)))];
        expect(rows.length).toBeLessThanOrEqual(2);
        const pairs = cells.filter((cell, k) => {
          const d = cell % days;
          const w = c.weekendOfDay[d];
          const p = Math.floor(cell / days);
          if (w < 0 || state.x[cell] >= 0 || m.values[k] < 0 || state.stats.weekendDays[p * c.weekendCount + w] !== 1) return false;
          return rows.some((q) => q !== p && state.x[q * days + d] === m.values[k] && state.stats.weekendDays[q * c.weekendCount + w] === 1);
        });
        expect(pairs.length).toBeGreaterThan(0);
      });
    }
    expect(made).toBeGreaterThan(10);
  });
});
