import { median, parseInstanceList, summariseRuns } from '../../../bench/nrp';

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

describe('bench:nrp --runs', () => {
  it('takes the lower middle value as the median (always an observed objective)', () => {
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2);
  });
  it('keeps the single-run cells as they were', () => {
    expect(summariseRuns([{ objective: 610, feasible: true, violations: 0 }])).toEqual({ objective: 610, objectiveCell: '610', feasibleCell: 'yes' });
    expect(summariseRuns([{ objective: 700, feasible: false, violations: 3 }])).toEqual({ objective: null, objectiveCell: '700', feasibleCell: 'NO (3)' });
  });
  it('shows the median of the feasible runs with their range, and how many were feasible', () => {
    const runs = [
      { objective: 620, feasible: true, violations: 0 },
      { objective: 500, feasible: false, violations: 1 },
      { objective: 607, feasible: true, violations: 0 },
      { objective: 640, feasible: true, violations: 0 },
    ];
    expect(summariseRuns(runs)).toEqual({ objective: 620, objectiveCell: '620 (607–640)', feasibleCell: '3/4' });
    expect(summariseRuns([{ objective: 9, feasible: false, violations: 2 }, { objective: 8, feasible: false, violations: 1 }])).toEqual({
      objective: null,
      objectiveCell: '—',
      feasibleCell: '0/2',
    });
  });
});
