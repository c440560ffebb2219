/**
 * The cover-directed moves of the neighbourhood: `transfer` must give an under-staffed shift a
 * person who is off that day, take back at most one other day of the same person's row, and never
 * touch a pinned cell.
 */
import { compile } from '../../../src/scheduler/compile';
import { MOVE_KINDS, MoveBuffer, MoveGenerator } from '../../../src/scheduler/search/moves';
import { mulberry32 } from '../../../src/scheduler/search/rng';
import { SearchState } from '../../../src/scheduler/search/state';
import { initialGrid } from '../../../src/scheduler/solve';
import { dailyShifts, problem } from '../helpers';

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
    const mix = MOVE_KINDS.map((k) => (k === 'transfer' ? 1 : 0));
    const gen = new MoveGenerator(c, locked, random, mix);
    gen.staffed = state.tally.count;
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
    const gen = new MoveGenerator(c, locked, random, MOVE_KINDS.map((k) => (k === 'fixDp' ? 1 : 0)));
    gen.staffed = state.tally.count;
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
