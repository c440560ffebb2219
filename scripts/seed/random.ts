// The demo must come out identical on every run and machine, which Math.random cannot promise,
// so it draws from the same seeded generator the roster engine uses.
export { mulberry32 } from '../../src/scheduler/search/rng';

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}
