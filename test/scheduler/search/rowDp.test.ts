/**
 * The row re-layout DP on tiny rows whose best layout can be worked out by hand: it must put work
 * where cover is short, keep the run, rest, weekend, minute and per-type rules — including against
 * the fixed days just outside the window — and never touch a pinned cell.
 */
import { compile, rosterToCells } from '../../../src/scheduler/compile';
import type { Compiled } from '../../../src/scheduler/compiled';
import { RowDp } from '../../../src/scheduler/search/rowDp';
import { RowStats } from '../../../src/scheduler/search/rowStats';
import { mulberry32 } from '../../../src/scheduler/search/rng';
import { tallyFromCells } from '../../../src/scheduler/tally';
import type { Person, Roster } from '../../../src/scheduler/model';
import { dailyShifts, problem, rosterOf, row } from '../helpers';

const H8 = 480;

function setup(days: number, people: Person[], roster: Roster, types: Array<{ type: string; hour?: number }> = [{ type: 'D' }], pinned: Roster['assignments'] = []) {
  const c = compile(problem(days, people, dailyShifts(days, types), { pinned }));
  const x = rosterToCells(c, roster).cells;
  const locked = new Uint8Array(c.P * c.D);
  for (let i = 0; i < x.length; i++) if (c.pinnedCell[i] >= 0) {
    x[i] = c.pinnedCell[i];
    locked[i] = 1;
  }
  return { c, x, locked, count: tallyFromCells(c, x).count };
}

/** The DP's layout as shift ids ('.' for off). */
function layout(c: Compiled, dp: RowDp, a: number, b: number): string[] {
  return Array.from({ length: b - a + 1 }, (_, i) => (dp.out[i] >= 0 ? c.shiftIds[dp.out[i]] : '.'));
}

/**
 * a asks for every day off with a weight of ten million (a little more each day) yet must work
 * exactly three days: only a minute price above 20,000 lands the row in its window.
 */
function costlyWindow(): Compiled {
  const a: Person = { id: 'a', limits: { minTotalMinutes: 3 * H8, maxTotalMinutes: 3 * H8 } };
  const extra = [6, 2, 9, 4, 8, 1, 7];
  return compile(
    problem(7, [a], dailyShifts(7, [{ type: 'D' }]), {
      preferences: extra.map((k, day) => ({ personId: 'a', kind: 'wantDayOff' as const, day, weight: 1e7 + k })),
    }),
  );
}

describe('RowDp', () => {
  // b covers days 0–2; a's four shifts belong on the uncovered days 3–6, as one run of four.
  const b: Person = { id: 'b' };
  it('puts exactly the allowed minutes on the under-staffed days, as one legal run', () => {
    const a: Person = { id: 'a', limits: { minTotalMinutes: 4 * H8, maxTotalMinutes: 4 * H8, maxConsecutiveWorkDays: 5, minConsecutiveWorkDays: 2, minConsecutiveDaysOff: 2 } };
    const { c, x, locked, count } = setup(7, [a, b], rosterOf({ b: row('xxx....'), a: row('xxxx...') }));
    const dp = new RowDp(c, locked);
    expect(dp.solve(x, count, c.personIndex.get('a')!, 0, 6)).toBe(true);
    expect(layout(c, dp, 0, 6)).toEqual(['.', '.', '.', 'D3', 'D4', 'D5', 'D6']);
  });

  it('keeps the total-minutes window: two shifts, next to each other, on uncovered days', () => {
    const a: Person = { id: 'a', limits: { minTotalMinutes: 2 * H8, maxTotalMinutes: 2 * H8, minConsecutiveWorkDays: 2 } };
    const { c, x, locked, count } = setup(7, [a, b], rosterOf({ b: row('xxx....') }));
    const dp = new RowDp(c, locked);
    expect(dp.solve(x, count, c.personIndex.get('a')!, 0, 6)).toBe(true);
    const worked = layout(c, dp, 0, 6).flatMap((s, d) => (s === '.' ? [] : [d]));
    expect(worked).toHaveLength(2);
    expect(worked[1] - worked[0]).toBe(1);
    expect(worked[0]).toBeGreaterThanOrEqual(3);
  });

  it('works at most the allowed number of weekends', () => {
    // Cover is short only on the two weekends (days 5, 6, 12, 13); a may work one of them.
    const a: Person = { id: 'a', limits: { maxWeekendsWorked: 1 } };
    const { c, x, locked, count } = setup(14, [a, b], rosterOf({ b: row('xxxxx..xxxxx..') }));
    const dp = new RowDp(c, locked);
    expect(dp.solve(x, count, c.personIndex.get('a')!, 0, 13)).toBe(true);
    const worked = layout(c, dp, 0, 13).flatMap((s, d) => (s === '.' ? [] : [d]));
    expect([[5, 6], [12, 13]]).toContainEqual(worked);
  });

  it('respects the run that ends just before the window', () => {
    // a worked days 0–2 (outside the window) and may work 3 days in a row: day 3 must be off.
    const a: Person = { id: 'a', limits: { maxConsecutiveWorkDays: 3 } };
    const { c, x, locked, count } = setup(7, [a], rosterOf({ a: row('xxx....') }));
    const dp = new RowDp(c, locked);
    expect(dp.solve(x, count, 0, 3, 6)).toBe(true);
    expect(layout(c, dp, 3, 6)).toEqual(['.', 'D4', 'D5', 'D6']);
  });

  it('leaves a minimum rest run before the fixed work that follows the window', () => {
    // Days 4–6 are worked and fixed; with at least 2 days off, days 2 and 3 must both be off.
    const a: Person = { id: 'a', limits: { minConsecutiveDaysOff: 2, maxConsecutiveWorkDays: 5 } };
    const { c, x, locked, count } = setup(7, [a], rosterOf({ a: row('....xxx') }));
    const dp = new RowDp(c, locked);
    expect(dp.solve(x, count, 0, 0, 3)).toBe(true);
    expect(layout(c, dp, 0, 3)).toEqual(['D0', 'D1', '.', '.']);
  });

  it('does not cut the fixed work run after the window down below the minimum', () => {
    // Day 3 (fixed, uncovered) is worked; days 0–2 are covered by b. Going off on days 0–2 would
    // leave day 3 as a one-day run, so day 2 stays worked.
    const a: Person = { id: 'a', limits: { minConsecutiveWorkDays: 2 } };
    const { c, x, locked, count } = setup(7, [a, b], rosterOf({ b: row('xxx....'), a: row('xxxx...') }));
    const dp = new RowDp(c, locked);
    expect(dp.solve(x, count, c.personIndex.get('a')!, 0, 2)).toBe(true);
    expect(layout(c, dp, 0, 2)).toEqual(['.', '.', 'D2']);
  });

  it('joins its last days off to the fixed rest after the window to reach the minimum rest', () => {
    // Day 5 is a fixed day off before fixed work on 6–7; rest runs need 3 days, so 3 and 4 are off.
    const a: Person = { id: 'a', limits: { minConsecutiveDaysOff: 3 } };
    const { c, x, locked, count } = setup(8, [a], rosterOf({ a: row('......xx') }));
    const dp = new RowDp(c, locked);
    expect(dp.solve(x, count, 0, 0, 4)).toBe(true);
    expect(layout(c, dp, 0, 4)).toEqual(['D0', 'D1', 'D2', '.', '.']);
  });

  it('finds the one minute total the window allows among twenty, and the best days for it', () => {
    // Every day is uncovered and a wishes for each day with a different weight: unpriced, a would
    // work all 20 days; exactly 5 shifts are allowed, so the price must land on the 5-shift corner
    // and the layout must be the five most wished-for days.
    const a: Person = { id: 'a', limits: { minTotalMinutes: 5 * H8, maxTotalMinutes: 5 * H8 } };
    const weights = [3, 17, 9, 1, 12, 20, 5, 14, 2, 8, 19, 6, 11, 4, 16, 10, 7, 13, 18, 15];
    const p = problem(20, [a], dailyShifts(20, [{ type: 'D' }]), {
      preferences: weights.map((weight, d) => ({ personId: 'a', kind: 'wantShift' as const, shiftId: `D${d}`, weight })),
    });
    const c = compile(p);
    const x = new Int32Array(c.P * c.D).fill(-1);
    const dp = new RowDp(c, new Uint8Array(c.P * c.D));
    expect(dp.solve(x, tallyFromCells(c, x).count, 0, 0, 19, false)).toBe(true);
    const worked = layout(c, dp, 0, 19).flatMap((s, d) => (s === '.' ? [] : [d]));
    expect(worked).toEqual([1, 5, 10, 14, 18]);
  });

  it('of shifts it cannot tell apart, lays out the cheapest each day', () => {
    // E and L are alike for the DP (same length, no forbidden succession): it weighs only the
    // cheaper of the two each day. Both are uncovered; a's wishes make L the cheaper one on day 1
    // and E on the other days, so taking the first of them (E) would miss the wish.
    const a: Person = { id: 'a', limits: { minTotalMinutes: 3 * H8, maxTotalMinutes: 3 * H8 } };
    const c = compile(
      problem(3, [a], dailyShifts(3, [{ type: 'E', hour: 6 }, { type: 'L', hour: 14 }]), {
        preferences: [
          { personId: 'a', kind: 'wantType', day: 0, shiftType: 'E', weight: 5 },
          { personId: 'a', kind: 'wantType', day: 1, shiftType: 'L', weight: 5 },
          { personId: 'a', kind: 'wantType', day: 2, shiftType: 'E', weight: 5 },
        ],
      }),
    );
    const x = new Int32Array(c.P * c.D).fill(-1);
    const dp = new RowDp(c, new Uint8Array(c.P * c.D));
    expect(dp.solve(x, tallyFromCells(c, x).count, 0, 0, 2)).toBe(true);
    expect(layout(c, dp, 0, 2)).toEqual(['E0', 'L1', 'E2']);
  });

  it('tells alike shifts apart by their times when the person needs a minimum rest', () => {
    // With 12 hours' rest, L (14–22) on day 0 cannot be followed by E (6–14) on day 1, but by L
    // can: E1 is the cheaper (wished for), and the DP must still see L1 to work day 1 at all.
    const a: Person = { id: 'a', limits: { minRestMinutes: 720, minTotalMinutes: 3 * H8, maxTotalMinutes: 3 * H8 } };
    const c = compile(
      problem(3, [a], dailyShifts(3, [{ type: 'E', hour: 6 }, { type: 'L', hour: 14 }]), {
        preferences: [{ personId: 'a', kind: 'wantType', day: 1, shiftType: 'E', weight: 5 }],
      }),
    );
    const x = rosterToCells(c, rosterOf({ a: ['L0', null, null] })).cells;
    const dp = new RowDp(c, new Uint8Array(c.P * c.D));
    expect(dp.solve(x, tallyFromCells(c, x).count, 0, 1, 2)).toBe(true);
    expect(layout(c, dp, 1, 2)).toEqual(['L1', 'L2']);
  });

  it('keeps per-type limits by pricing the over-used type', () => {
    // Both E and L are uncovered every day; a may take E only once and works exactly 3 days.
    const a: Person = { id: 'a', limits: { maxShiftsPerType: { E: 1 }, minTotalMinutes: 3 * H8, maxTotalMinutes: 3 * H8 } };
    const { c, x, locked, count } = setup(3, [a], rosterOf({}), [{ type: 'E', hour: 6 }, { type: 'L', hour: 14 }]);
    const dp = new RowDp(c, locked);
    expect(dp.solve(x, count, 0, 0, 2)).toBe(true);
    const out = layout(c, dp, 0, 2);
    expect(out.every((s) => s !== '.')).toBe(true);
    expect(out.filter((s) => s.startsWith('E')).length).toBeLessThanOrEqual(1);
  });

  it('never moves a pinned cell', () => {
    const a: Person = { id: 'a' };
    const { c, x, locked, count } = setup(5, [a, b], rosterOf({ b: row('xxxxx') }), [{ type: 'D' }], [{ personId: 'a', shiftId: 'D2' }]);
    const dp = new RowDp(c, locked);
    expect(dp.solve(x, count, 0, 0, 4)).toBe(true);
    // Every day is covered by b, so a works only the pinned day.
    expect(layout(c, dp, 0, 4)).toEqual(['.', '.', 'D2', '.', '.']);
  });

  it('declines when no layout keeps the rules', () => {
    // Exactly 3 shifts wanted but at most 1 day in a row, over 3 days: impossible.
    const a: Person = { id: 'a', limits: { minTotalMinutes: 3 * H8, maxTotalMinutes: 3 * H8, maxConsecutiveWorkDays: 1 } };
    const { c, x, locked, count } = setup(3, [a], rosterOf({}));
    expect(new RowDp(c, locked).solve(x, count, 0, 0, 2)).toBe(false);
  });
  it('holds a forced shift and lays out the rest of the row around it', () => {
    // Cover is short on days 3–6, but a must take D1 (a handover): a's other three shifts go to
    // the short days next to it as far as the run rules allow — a run of four needs days 1–4.
    const a: Person = { id: 'a', limits: { minTotalMinutes: 4 * H8, maxTotalMinutes: 4 * H8, maxConsecutiveWorkDays: 5, minConsecutiveWorkDays: 4 } };
    const { c, x, locked, count } = setup(7, [a, b], rosterOf({ b: row('xxx....') }));
    const dp = new RowDp(c, locked);
    const pa = c.personIndex.get('a')!;
    expect(dp.solve(x, count, pa, 0, 6, true, 1, c.shiftIndex.get('D1')!)).toBe(true);
    expect(layout(c, dp, 0, 6)).toEqual(['.', 'D1', 'D2', 'D3', 'D4', '.', '.']);
    // Unforced, the same row goes where cover is short.
    expect(dp.solve(x, count, pa, 0, 6)).toBe(true);
    expect(layout(c, dp, 0, 6)).toEqual(['.', '.', '.', 'D3', 'D4', 'D5', 'D6']);
  });

  it('declines to force a shift onto a pinned cell that holds another', () => {
    const { c, x, locked, count } = setup(7, [{ id: 'a' }, b], rosterOf({}), [{ type: 'D' }, { type: 'L', hour: 14 }], [{ personId: 'a', shiftId: 'D2' }]);
    const dp = new RowDp(c, locked);
    const pa = c.personIndex.get('a')!;
    expect(dp.solve(x, count, pa, 0, 6, true, 2, c.shiftIndex.get('L2')!)).toBe(false);
    expect(dp.solve(x, count, pa, 0, 6, true, 2, c.shiftIndex.get('D2')!)).toBe(true);
    expect(dp.out[2]).toBe(c.shiftIndex.get('D2'));
  });
  it('reads what lies outside the window from the row totals exactly as a walk over the row finds it', () => {
    // Random rows with weekend, per-type and minute limits; windows of every length, many of them
    // starting or ending inside a weekend whose other day is worked outside the window.
    const limits = { maxWeekendsWorked: 2, maxShiftsPerType: { E: 6 }, minTotalMinutes: 6 * H8, maxTotalMinutes: 12 * H8, maxConsecutiveWorkDays: 5, minConsecutiveWorkDays: 2 };
    const people: Person[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, limits }));
    const random = mulberry32(7);
    const rows: Record<string, Array<string | null>> = {};
    for (const p of people) rows[p.id] = Array.from({ length: 28 }, (_, d) => (random() < 0.7 ? null : `${random() < 0.5 ? 'E' : 'L'}${d}`));
    const { c, x, locked, count } = setup(28, people, rosterOf(rows), [{ type: 'E', hour: 6 }, { type: 'L', hour: 14 }]);
    const walk = new RowDp(c, locked);
    const totals = new RowDp(c, locked);
    totals.stats = new RowStats(c, x);
    let laidOut = 0;
    for (let k = 0; k < 400; k++) {
      const p = Math.floor(random() * c.P);
      // Half the windows start on a Sunday or end on a Saturday (the week starts on Monday).
      const a = random() < 0.5 ? 6 + 7 * Math.floor(random() * 4) : Math.floor(random() * 28);
      const b = random() < 0.5 ? Math.min(27, a + Math.floor(random() * 14)) : Math.max(a, Math.min(26, 5 + 7 * Math.floor(random() * 4)));
      const force = random() < 0.3 ? a + Math.floor(random() * (b - a + 1)) : -1;
      const s = force >= 0 ? c.shiftsByDay[force][Math.floor(random() * 2)] : -1;
      const ok = walk.solve(x, count, p, a, b, true, force, s);
      expect(totals.solve(x, count, p, a, b, true, force, s)).toBe(ok);
      if (!ok) continue;
      laidOut++;
      expect(Array.from(totals.out.subarray(0, b - a + 1))).toEqual(Array.from(walk.out.subarray(0, b - a + 1)));
    }
    expect(laidOut).toBeGreaterThan(100);
  });

  it('finds layouts as cheap when it takes predecessors from the ranked few as when it scans them all', () => {
    // Five types of different lengths (so none merge) and forbidden successions (E follows only
    // E), so that the cheapest states of the day before are often ones a day may not follow and
    // the ranked list has to fall back to the scan. Ties may be broken differently; the cost may not differ.
    const types = [
      { type: 'E', hour: 6, hours: 8 },
      { type: 'D', hour: 8, hours: 9 },
      { type: 'S', hour: 10, hours: 6 },
      { type: 'L', hour: 14, hours: 10 },
      { type: 'N', hour: 21, hours: 12 },
    ];
    const limits = { maxWeekendsWorked: 2, minTotalMinutes: 90 * 60, maxTotalMinutes: 160 * 60, maxConsecutiveWorkDays: 5, minConsecutiveWorkDays: 2, minConsecutiveDaysOff: 2 };
    const people: Person[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, limits }));
    const random = mulberry32(11);
    const days = 28;
    const rows: Record<string, Array<string | null>> = {};
    for (const p of people) rows[p.id] = Array.from({ length: days }, (_, d) => (random() < 0.6 ? null : `${types[Math.floor(random() * 5)].type}${d}`));
    const preferences = Array.from({ length: 40 }, () => ({
      personId: people[Math.floor(random() * 6)].id,
      kind: 'wantType' as const,
      day: Math.floor(random() * days),
      shiftType: types[Math.floor(random() * 5)].type,
      weight: 1 + Math.floor(random() * 9),
    }));
    const shifts = dailyShifts(days, types).map((s) => ({ ...s, headcount: 1 + Math.floor(random() * 2) }));
    const forbiddenSuccessions = [
      { from: 'N', to: 'E' },
      { from: 'N', to: 'D' },
      { from: 'N', to: 'S' },
      { from: 'L', to: 'E' },
      { from: 'L', to: 'S' },
      { from: 'D', to: 'E' },
      { from: 'S', to: 'E' },
    ];
    const c = compile(problem(days, people, shifts, { preferences, forbiddenSuccessions }));
    const x = rosterToCells(c, rosterOf(rows)).cells;
    const locked = new Uint8Array(c.P * c.D);
    const count = tallyFromCells(c, x).count;
    const ranked = new RowDp(c, locked);
    const scan = new RowDp(c, locked);
    scan.rankFrom = Infinity;
    let laidOut = 0;
    for (let k = 0; k < 400; k++) {
      const p = Math.floor(random() * c.P);
      const a = Math.floor(random() * 20);
      const b = Math.min(days - 1, a + 6 + Math.floor(random() * 14));
      const force = random() < 0.3 ? a + Math.floor(random() * (b - a + 1)) : -1;
      const s = force >= 0 ? c.shiftsByDay[force][Math.floor(random() * 5)] : -1;
      const ok = scan.solve(x, count, p, a, b, true, force, s);
      expect(ranked.solve(x, count, p, a, b, true, force, s)).toBe(ok);
      if (!ok) continue;
      laidOut++;
      expect(ranked.layoutCost).toBeCloseTo(scan.layoutCost, 6);
    }
    expect(laidOut).toBeGreaterThan(100);
  });

  it('reaches a minute window that only a price far above the costs lands in', () => {
    // a asks for every day off with a weight of ten million (a little more each day) yet must work
    // exactly three days: the price per minute that makes working pay is above 20,000, past the
    // old doubling search's last price (4,096); the layout is the three cheapest days to work.
    const c = costlyWindow();
    const x = new Int32Array(c.P * c.D).fill(-1);
    const dp = new RowDp(c, new Uint8Array(c.P * c.D));
    expect(dp.solve(x, tallyFromCells(c, x).count, 0, 0, 6, false)).toBe(true);
    expect(layout(c, dp, 0, 6)).toEqual(['.', 'D1', '.', 'D3', '.', 'D5', '.']);
    // Four shifts in three days cannot be reached at any price.
    const tight = compile(problem(3, [{ id: 'a', limits: { minTotalMinutes: 4 * H8 } }], dailyShifts(3, [{ type: 'D' }])));
    const none = new Int32Array(3).fill(-1);
    expect(new RowDp(tight, new Uint8Array(3)).solve(none, tallyFromCells(tight, none).count, 0, 0, 2, false)).toBe(false);
  });

  it("starts a person's price search from the price that last landed their row in its window", () => {
    // As above: only a price above 20,000 a minute lands a in the window, found in several passes.
    // Solving the same row again must reach it in two (the unpriced pass and the remembered price)
    // and lay it out the same way.
    const c = costlyWindow();
    const x = new Int32Array(c.P * c.D).fill(-1);
    const count = tallyFromCells(c, x).count;
    const dp = new RowDp(c, new Uint8Array(c.P * c.D));
    const passes = jest.spyOn(dp as unknown as { run: (price: number) => number }, 'run');
    expect(dp.solve(x, count, 0, 0, 6, false)).toBe(true);
    const first = passes.mock.calls.length;
    const firstLayout = layout(c, dp, 0, 6);
    passes.mockClear();
    expect(dp.solve(x, count, 0, 0, 6, false)).toBe(true);
    expect(first).toBeGreaterThan(2);
    expect(passes.mock.calls.length).toBe(2);
    expect(layout(c, dp, 0, 6)).toEqual(firstLayout);
  });

  it('lean: around a forced or given-up shift it also offers that type on the days a run through it reaches', () => {
    // b covers every day. a must take D3 and work runs of at least three days, exactly three
    // shifts in all: the lean options alone (off, and no short shift anywhere) leave D3 a run of
    // one, so the lean DP adds the D shifts within a run's reach of day 3.
    const a: Person = { id: 'a', limits: { minTotalMinutes: 3 * H8, maxTotalMinutes: 3 * H8, minConsecutiveWorkDays: 3, maxConsecutiveWorkDays: 3 } };
    const { c, x, locked, count } = setup(7, [a, b], rosterOf({ b: row('xxxxxxx') }));
    const lean = new RowDp(c, locked, true);
    const pa = c.personIndex.get('a')!;
    expect(lean.solve(x, count, pa, 0, 6, false, 3, c.shiftIndex.get('D3')!)).toBe(true);
    const worked = layout(c, lean, 0, 6).flatMap((s, d) => (s === '.' ? [] : [d]));
    expect(worked).toHaveLength(3);
    expect(worked).toContain(3);
    expect(worked[2] - worked[0]).toBe(2);
    // Unforced and with no day named, nothing is offered but days off, which miss the minutes.
    expect(lean.solve(x, count, pa, 0, 6, false)).toBe(false);
    // A person who gave up a D shift on day 3 (nearDay, nearType) may take D shifts beside it.
    expect(lean.solve(x, count, pa, 0, 6, false, -1, -1, 3, c.shiftType[c.shiftIndex.get('D3')!])).toBe(true);
    expect(layout(c, lean, 0, 6).filter((s) => s !== '.').every((s) => Math.abs(Number(s.slice(1)) - 3) < 3)).toBe(true);
  });

  it('lean: offers a day only its current shift and the under-staffed ones', () => {
    // b covers days 0–4; a wants D2 (already covered by b): the full DP grants the wish at the
    // price of one surplus person, the lean one only looks at the uncovered days 5 and 6.
    const p = problem(7, [{ id: 'a' }, b], dailyShifts(7, [{ type: 'D' }]), {
      preferences: [{ personId: 'a', kind: 'wantShift', shiftId: 'D2', weight: 5 }],
    });
    const c = compile(p);
    const x = rosterToCells(c, rosterOf({ b: row('xxxxx..') })).cells;
    const locked = new Uint8Array(c.P * c.D);
    const count = tallyFromCells(c, x).count;
    const dp = new RowDp(c, locked);
    const pa = c.personIndex.get('a')!;
    expect(dp.solve(x, count, pa, 0, 6)).toBe(true);
    expect(layout(c, dp, 0, 6)).toEqual(['.', '.', 'D2', '.', '.', 'D5', 'D6']);
    const lean = new RowDp(c, locked, true);
    expect(lean.solve(x, count, pa, 0, 6)).toBe(true);
    expect(layout(c, lean, 0, 6)).toEqual(['.', '.', '.', '.', '.', 'D5', 'D6']);
  });
});
