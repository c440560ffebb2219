/**
 * The delta scorer against the full scorer: many random moves on a problem that activates every
 * constraint; after each accepted or rejected move the incremental totals must equal a full
 * rescoring of the grid.
 */
import { compile } from '../../src/scheduler/compile';
import { fullScore } from '../../src/scheduler/score';
import { MoveBuffer, MoveGenerator } from '../../src/scheduler/search/moves';
import { mulberry32 } from '../../src/scheduler/search/rng';
import { SearchState } from '../../src/scheduler/search/state';
import { initialGrid } from '../../src/scheduler/solve';
import { constraints } from '../../src/scheduler/constraints';
import { richProblem } from './richProblem';

describe('delta scoring', () => {
  it.each([
    [1, 14],
    [2, 14],
    [3, 56],
    [4, 56],
  ])('equals the full-score difference over 2000 random moves (seed %i, %i days)', (seed, days) => {
    // Long horizons exercise the windowed (partial-row) scoring away from the row ends.
    const { problem, previous } = richProblem(seed, 8, days);
    const c = compile(problem, previous);
    // Every person/shift constraint is active in this problem.
    for (const k of constraints) if (k.scope !== 'roster') expect([k.name, k.active(c)]).toEqual([k.name, true]);
    const { x, locked } = initialGrid(c);
    const random = mulberry32(seed * 7);
    for (let i = 0; i < x.length; i++) if (!locked[i] && random() < 0.4) x[i] = c.shiftsByDay[i % c.D][Math.floor(random() * 6)];
    const state = new SearchState(c, x, 1000);
    const gen = new MoveGenerator(c, locked, random);
    const m = new MoveBuffer();
    let checked = 0;
    for (let i = 0; i < 2000; i++) {
      if (!gen.generate(state.x, m)) continue;
      const before = fullScore(c, state.x);
      const delta = state.propose(m.cells, m.values, m.n);
      const after = fullScore(c, state.x);
      expect(delta).toBe((after.hard - before.hard) * 1000 + (after.soft - before.soft));
      if (random() < 0.5) {
        state.accept();
        expect([state.hard, state.soft]).toEqual([after.hard, after.soft]);
      } else {
        state.reject();
        const back = fullScore(c, state.x);
        expect([back.hard, back.soft]).toEqual([before.hard, before.soft]);
        expect([state.hard, state.soft]).toEqual([before.hard, before.soft]);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(700);
    // Parts from the caches equal the full parts too.
    expect(state.score().parts).toEqual(fullScore(c, state.x).parts);
  });
});
