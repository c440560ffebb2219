import { parseInstanceList } from '../../../bench/nrp';

describe('bench:nrp --instances', () => {
  it('reads single numbers, ranges and lists, sorted without duplicates', () => {
    expect(parseInstanceList('1-24')).toHaveLength(24);
    expect(parseInstanceList('7')).toEqual([7]);
    expect(parseInstanceList('13-15,2,14,1')).toEqual([1, 2, 13, 14, 15]);
  });
  it.each([
    ['0-3', '--instances: 0-3 must lie within 1-24 and run upwards'],
    ['5-2', '--instances: 5-2 must lie within 1-24 and run upwards'],
    ['25', '--instances: 25 must lie within 1-24 and run upwards'],
    ['a-b', '--instances: "a-b" is not a number or a range like 1-24'],
  ])('refuses %s', (spec, message) => {
    expect(() => parseInstanceList(spec)).toThrow(message);
  });
});
