/**
 * The run scan the three run rules share while the search scores a window: it lists the runs
 * touching the window whole, reuses a scan only for the same row and window, and the search's
 * row totals forget it whenever a cell changes (else a rule would score a row that is gone).
 */
import { compile, rosterToCells } from '../../../src/scheduler/compile';
import { RunScan } from '../../../src/scheduler/constraints/runs';
import { RowStats } from '../../../src/scheduler/search/rowStats';
import { dailyShifts, problem, rosterOf, row } from '../helpers';

function setup(pattern: string) {
  const days = pattern.length;
  const c = compile(problem(days, [{ id: 'a' }, { id: 'b' }], dailyShifts(days, [{ type: 'D' }])));
  const x = rosterToCells(c, rosterOf({ a: row(pattern), b: row('x'.repeat(days)) })).cells;
  return { c, x };
}

function listed(scan: RunScan): string[] {
  return Array.from({ length: scan.n }, (_, i) => `${scan.working[i] ? 'W' : 'O'}${scan.first[i]}-${scan.last[i]}`);
}

describe('RunScan', () => {
  it('lists every run touching the window in full, from the start of the first', () => {
    const { c, x } = setup('xx..xxx.xx');
    // Day 3 lies in the rest run 2–3; the window's last day 5 lies in the work run 4–6.
    expect(listed(RunScan.of(c, x, 0, 3, 5))).toEqual(['O2-3', 'W4-6']);
    expect(listed(RunScan.of(c, x, 0, 0, 9))).toEqual(['W0-1', 'O2-3', 'W4-6', 'O7-7', 'W8-9']);
    // Out-of-range ends are clamped (the search passes changed days ± 1).
    expect(listed(RunScan.of(c, x, 0, -1, 0))).toEqual(['W0-1']);
    expect(listed(RunScan.of(c, x, 0, 9, 10))).toEqual(['W8-9']);
  });

  it('reuses a scan for the same row and window only', () => {
    const { c, x } = setup('xx..xxx.xx');
    const scan = new RunScan(c.D);
    expect(listed(scan.around(c, x, 0, 3, 5))).toEqual(['O2-3', 'W4-6']);
    x[3] = x[4]; // written behind the scan's back: the same row and window read the old runs
    expect(listed(scan.around(c, x, 0, 3, 5))).toEqual(['O2-3', 'W4-6']);
    // Another window or another person's row is scanned afresh.
    expect(listed(scan.around(c, x, 0, 2, 5))).toEqual(['O2-2', 'W3-6']);
    expect(listed(scan.around(c, x, c.D, 2, 5))).toEqual(['W0-9']);
  });

  it('is forgotten by the row totals whenever a cell changes', () => {
    const { c, x } = setup('xx..xxx.xx');
    const stats = new RowStats(c, x);
    expect(listed(stats.runs.around(c, x, 0, 3, 5))).toEqual(['O2-3', 'W4-6']);
    const old = x[3];
    x[3] = x[4];
    stats.set(0, 3, old, x[3]);
    expect(listed(stats.runs.around(c, x, 0, 3, 5))).toEqual(['W3-6']);
  });
});
