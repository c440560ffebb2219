/**
 * The search's roster as its move helper sees it: a snapshot to start from and a log of the cells
 * each accepted move changed. Writer and reader run in one thread here; the helper thread reads
 * the same shared buffers.
 */
import { LOG_CELLS, SharedRosterReader, SharedRosterWriter } from '../../../src/scheduler/search/sharedRoster';

function follower(writer: SharedRosterWriter, cells: number) {
  const reader = new SharedRosterReader(writer.buffers);
  const x = new Int32Array(cells).fill(-9);
  const seen = { reloads: 0, applied: [] as Array<[number, number]> };
  const sync = () =>
    reader.sync(
      x,
      () => seen.reloads++,
      (cell, value) => {
        x[cell] = value;
        seen.applied.push([cell, value]);
      },
    );
  return { x, seen, sync };
}

describe('shared roster (search → move helper)', () => {
  it('has nothing to start from before the first snapshot', () => {
    const writer = new SharedRosterWriter(4);
    const f = follower(writer, 4);
    writer.push(0, 1);
    writer.commit(Int32Array.of(1, -1, -1, -1));
    expect(f.sync()).toBe(false);
    expect(f.seen.reloads).toBe(0);
    expect(Array.from(f.x)).toEqual([-9, -9, -9, -9]);
  });

  it('starts from the snapshot and then follows the logged changes in order', () => {
    const writer = new SharedRosterWriter(4);
    const grid = Int32Array.of(3, -1, 2, -1);
    writer.publish(grid);
    const f = follower(writer, 4);
    expect(f.sync()).toBe(true);
    expect(f.seen.reloads).toBe(1);
    expect(Array.from(f.x)).toEqual([3, -1, 2, -1]);
    // Two accepted moves; the second rewrites a cell of the first.
    writer.push(1, 5);
    writer.push(0, -1);
    writer.commit(grid);
    writer.push(1, 6);
    // Not committed yet: not seen.
    expect(f.sync()).toBe(true);
    expect(Array.from(f.x)).toEqual([-1, 5, 2, -1]);
    writer.commit(grid);
    expect(f.sync()).toBe(true);
    expect(Array.from(f.x)).toEqual([-1, 6, 2, -1]);
    expect(f.seen.applied).toEqual([
      [1, 5],
      [0, -1],
      [1, 6],
    ]);
    expect(f.seen.reloads).toBe(1);
  });

  it('starts over from a new snapshot (the search adopted another roster), skipping what came before it', () => {
    const writer = new SharedRosterWriter(3);
    writer.publish(Int32Array.of(0, 0, 0));
    const f = follower(writer, 3);
    f.sync();
    writer.push(0, 7);
    writer.commit(Int32Array.of(7, 0, 0));
    writer.publish(Int32Array.of(1, 1, 1));
    writer.push(2, 4);
    writer.commit(Int32Array.of(1, 1, 4));
    expect(f.sync()).toBe(true);
    expect(f.seen.reloads).toBe(2);
    expect(Array.from(f.x)).toEqual([1, 1, 4]);
    expect(f.seen.applied).toEqual([[2, 4]]);
  });

  it('asks for a snapshot when it fell a whole log behind, and takes it at the next commit', () => {
    const writer = new SharedRosterWriter(2);
    const grid = Int32Array.of(0, 0);
    writer.publish(grid);
    const f = follower(writer, 2);
    f.sync();
    for (let i = 0; i <= LOG_CELLS; i++) writer.push(i & 1, i);
    grid[0] = LOG_CELLS - 1;
    grid[1] = LOG_CELLS;
    writer.commit(grid);
    expect(f.sync()).toBe(false);
    expect(f.seen.applied.length).toBe(0);
    // The next accepted move publishes the snapshot the reader asked for.
    writer.push(0, 42);
    grid[0] = 42;
    writer.commit(grid);
    expect(f.sync()).toBe(true);
    expect(f.seen.reloads).toBe(2);
    expect(Array.from(f.x)).toEqual([42, LOG_CELLS]);
  });
});
