/** The ring that hands the move helper's moves to the search thread (one writer, one reader). */
import { MoveRing, RING_SLOTS } from '../../../src/scheduler/search/moveRing';
import { MoveBuffer } from '../../../src/scheduler/search/moves';

function move(kind: number, cells: number[], values: number[]): MoveBuffer {
  const m = new MoveBuffer();
  m.kind = kind;
  m.n = cells.length;
  cells.forEach((c, i) => {
    m.cells[i] = c;
    m.values[i] = values[i];
  });
  return m;
}

describe('MoveRing', () => {
  it('hands moves over whole and in order, and holds only a few', () => {
    const writer = new MoveRing();
    const reader = new MoveRing(writer.buffer);
    const out = new MoveBuffer();
    expect(reader.take(out)).toBe(false);
    for (let i = 0; i < RING_SLOTS; i++) {
      expect(writer.hasRoom()).toBe(true);
      expect(writer.put(move(9, [i, 100 + i, 200 + i], [i, -1, 3]))).toBe(true);
    }
    expect(writer.hasRoom()).toBe(false);
    expect(writer.put(move(7, [1], [1]))).toBe(false);
    for (let i = 0; i < RING_SLOTS; i++) {
      expect(reader.take(out)).toBe(true);
      expect(out.kind).toBe(9);
      expect(Array.from(out.cells.subarray(0, out.n))).toEqual([i, 100 + i, 200 + i]);
      expect(Array.from(out.values.subarray(0, out.n))).toEqual([i, -1, 3]);
    }
    expect(reader.take(out)).toBe(false);
    // Wraps around.
    expect(writer.put(move(14, [5, 6], [2, 2]))).toBe(true);
    expect(reader.take(out)).toBe(true);
    expect([out.kind, out.n, out.cells[1]]).toEqual([14, 2, 6]);
  });

  it('wakes a writer waiting for room when the stop is asked for', () => {
    const ring = new MoveRing();
    for (let i = 0; i < RING_SLOTS; i++) ring.put(move(9, [i], [i]));
    expect(ring.stopped()).toBe(false);
    ring.stop();
    const t = Date.now();
    ring.waitForRoom(5000);
    ring.sleep(5000);
    expect(Date.now() - t).toBeLessThan(4000);
    expect(ring.stopped()).toBe(true);
  });
});
