// Per-request DataLoaders. PLACEHOLDER created by the platform engineer (E1) so the request
// context type-checks; the domain engineer (E2) owns this file and replaces it with the real
// loaders (people, units, regions … by id). Keep the names `Loaders` and `createLoaders()`:
// src/graphql/context.ts calls createLoaders() once per request.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

export function createLoaders(): Loaders {
  return {};
}
