// Pure helpers of the services: deployment status from dates, the region level ladder, cursors.
import { Types } from 'mongoose';
import { statusAt } from '../../src/services/deployments';
import { childLevel } from '../../src/services/regions';
import { decodeCursor, encodeCursor } from '../../src/services/pagination';
import { AppError } from '../../src/errors/AppError';
import { unionPaths } from '../../src/services/people/scope';

describe('statusAt', () => {
  const start = new Date('2026-03-01T00:00:00Z');
  const end = new Date('2026-04-01T00:00:00Z');
  it.each([
    ['2026-02-28T23:59:59Z', 'PLANNED'],
    ['2026-03-01T00:00:00Z', 'ACTIVE'],
    ['2026-03-31T23:59:59Z', 'ACTIVE'],
    ['2026-04-01T00:00:00Z', 'ENDED'],
  ])('at %s a March deployment is %s', (now, status) => {
    expect(statusAt(new Date(now), start, end)).toBe(status);
  });
  it('an open-ended deployment never ends by itself', () => {
    expect(statusAt(new Date('2099-01-01T00:00:00Z'), start, null)).toBe('ACTIVE');
  });
});

it('regions go DISTRICT → TOWN → COMMUNITY → GRID and stop there', () => {
  expect(['DISTRICT', 'TOWN', 'COMMUNITY', 'GRID'].map((l) => childLevel(l as never))).toEqual(['TOWN', 'COMMUNITY', 'GRID', null]);
});

describe('cursors', () => {
  it('round-trip an ObjectId and refuse anything else with BAD_USER_INPUT', () => {
    const id = new Types.ObjectId();
    expect(decodeCursor('after', encodeCursor(id)).equals(id)).toBe(true);
    expect(() => decodeCursor('after', 'bm90LWEtY3Vyc29y')).toThrow(AppError);
    const err = (() => {
      try {
        decodeCursor('after', '%%%');
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect([err!.code, err!.field]).toEqual(['BAD_USER_INPUT', 'after']);
  });
});

it('unionPaths de-duplicates ids across paths, keeping first-seen order', () => {
  const [a, b, c] = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
  expect(unionPaths([a, b], null, [b, c], undefined).map(String)).toEqual([a, b, c].map(String));
});
