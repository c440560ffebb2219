import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NrpParseError, parseNrp, readNrpFile } from '../../../src/scheduler/nrp/parse';
import { instanceFile, nrpDir } from './nrpDir';

/** A tiny well-formed instance (LF); tests corrupt one line of it at a time. */
const TINY = [
  '# comment',
  'SECTION_HORIZON',
  '# days',
  '7',
  '',
  'SECTION_SHIFTS',
  '# ShiftID, Length, NotNext',
  'E,480,',
  'L,600,E',
  '',
  'SECTION_STAFF',
  '# ID, MaxShifts, ...',
  'A,E=7|L=3,2880,960,5,2,2,1',
  'B,E=0|L=7,2400,0,4,1,1,0',
  '',
  'SECTION_DAYS_OFF',
  '# EmployeeID, DayIndexes',
  'A,6,2',
  'B',
  '',
  'SECTION_SHIFT_ON_REQUESTS',
  '# EmployeeID, Day, ShiftID, Weight',
  'A,0,E,2',
  '',
  'SECTION_SHIFT_OFF_REQUESTS',
  '# EmployeeID, Day, ShiftID, Weight',
  'B,3,L,3',
  '',
  'SECTION_COVER',
  '# Day, ShiftID, Requirement, WeightUnder, WeightOver',
  '0,E,1,100,1',
  '0,L,0,100,1',
  '',
].join('\n');

const replaceLine = (lineNo: number, text: string): string => {
  const lines = TINY.split('\n');
  lines[lineNo - 1] = text;
  return lines.join('\n');
};

const parseError = (text: string): NrpParseError => {
  try {
    parseNrp(text, { name: 'tiny' });
  } catch (err) {
    expect(err).toBeInstanceOf(NrpParseError);
    return err as NrpParseError;
  }
  throw new Error('expected a parse error');
};

describe('parseNrp on a tiny instance', () => {
  it('reads every section', () => {
    const inst = parseNrp(TINY, { name: 'tiny' });
    expect(inst.name).toBe('tiny');
    expect(inst.horizon).toBe(7);
    expect(inst.shifts).toEqual([
      { id: 'E', minutes: 480, notNext: [] },
      { id: 'L', minutes: 600, notNext: ['E'] },
    ]);
    expect(inst.staff.map((s) => s.id)).toEqual(['A', 'B']);
    expect(inst.staff[0]).toEqual({
      id: 'A',
      maxShifts: { E: 7, L: 3 },
      maxTotalMinutes: 2880,
      minTotalMinutes: 960,
      maxConsecutiveShifts: 5,
      minConsecutiveShifts: 2,
      minConsecutiveDaysOff: 2,
      maxWeekends: 1,
      daysOff: [2, 6],
    });
    expect(inst.staff[1]!.daysOff).toEqual([]);
    expect(inst.staff[1]!.maxShifts).toEqual({ E: 0, L: 7 });
    expect(inst.onRequests).toEqual([{ employee: 'A', day: 0, shift: 'E', weight: 2 }]);
    expect(inst.offRequests).toEqual([{ employee: 'B', day: 3, shift: 'L', weight: 3 }]);
    expect(inst.cover).toEqual([
      { day: 0, shift: 'E', requirement: 1, weightUnder: 100, weightOver: 1 },
      { day: 0, shift: 'L', requirement: 0, weightUnder: 100, weightOver: 1 },
    ]);
  });

  it('reads CRLF exactly like LF, and the last field has no stray \\r', () => {
    const crlf = parseNrp(TINY.replace(/\n/g, '\r\n'), { name: 'tiny' });
    expect(crlf).toEqual(parseNrp(TINY, { name: 'tiny' }));
    expect(crlf.cover[0]!.weightOver).toBe(1);
  });

  it('accepts a NotNext field without the trailing comma and a missing MaxShifts entry as "no limit"', () => {
    const inst = parseNrp(replaceLine(13, 'A,L=3,2880,960,5,2,2,1').replace('E,480,\n', 'E,480\n'));
    expect(inst.shifts[0]).toEqual({ id: 'E', minutes: 480, notNext: [] });
    expect(inst.staff[0]!.maxShifts).toEqual({ E: 7, L: 3 });
  });

  it.each([
    [13, 'A,E=7|L=3,2880,960,5,2,2', /tiny:13: SECTION_STAFF line must have 8 comma-separated fields/],
    [13, 'A,E=7|L=x,2880,960,5,2,2,1', /tiny:13 \(MaxShifts\): entry "L=x" is not ShiftID=n/],
    [13, 'A,E=7|N=3,2880,960,5,2,2,1', /tiny:13 \(MaxShifts\): unknown shift "N"/],
    [13, 'A,E=7|L=3,2880,960,-5,2,2,1', /tiny:13 \(MaxConsecutiveShifts\): must be an integer ≥ 0, got -5/],
    [14, 'A,E=0|L=7,2400,0,4,1,1,0', /tiny:14 \(EmpID\): employee A is defined twice/],
    [4, 'seven', /tiny:4 \(horizon\): expected an integer, got "seven"/],
    [9, 'L,600,E|X', /tiny:9 \(NotNext\): unknown shift "X"/],
    [18, 'A,6,7', /tiny:18 \(day #2\): day 7 is outside the horizon 0…6/],
    [18, 'Z,6', /tiny:18 \(EmpID\): unknown employee "Z"/],
    [23, 'A,0,E', /tiny:23: SECTION_SHIFT_ON_REQUESTS line must have 4 comma-separated fields/],
    [27, 'B,3,L,2.5', /tiny:27 \(Weight\): expected an integer, got "2.5"/],
    [32, '0,E,0,100,1', /tiny:32: second cover line for shift E on day 0/],
    [31, ' 0,E,1,100,1', /tiny:31: fields must not be surrounded by spaces/],
    [16, 'SECTION_SHIFT_ON_REQUESTS', /tiny:16: section SECTION_SHIFT_ON_REQUESTS is out of place: expected SECTION_DAYS_OFF/],
    [1, '7', /tiny:1: data before the first section header/],
  ])('line %d = %j is rejected with a clear message', (lineNo, text, message) => {
    const err = parseError(replaceLine(lineNo, text));
    expect(err.message).toMatch(message);
    expect(err.line).toBe(lineNo);
    expect(err.messageZh).toContain(`tiny:${lineNo}`);
  });

  it('rejects a file missing a section, and explains in Chinese too', () => {
    const err = parseError(TINY.split('SECTION_COVER')[0]!);
    expect(err.message).toBe('tiny: missing section SECTION_COVER');
    expect(err.messageZh).toBe('tiny：缺少节 SECTION_COVER');
  });

  it('reports an unreadable file as a parse error naming it', () => {
    expect(() => readNrpFile(path.join(nrpDir, 'no-such-instance.txt'))).toThrow(/no-such-instance\.txt: cannot read the file/);
  });
});

describe('parseNrp on the 24 benchmark instances', () => {
  const sizes = readFileSync(path.join(nrpDir, 'best_known.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .map(([name, employees, shiftTypes, days]) => ({ name: name!, employees: Number(employees), shiftTypes: Number(shiftTypes), days: Number(days) }));

  it('has 24 instances in best_known.csv', () => expect(sizes).toHaveLength(24));

  it.each(sizes)('$name has the published size and the data facts of FORMAT.md', ({ name, employees, shiftTypes, days }) => {
    const inst = readNrpFile(path.join(nrpDir, `${name}.txt`));
    expect(inst.name).toBe(name);
    expect([inst.staff.length, inst.shifts.length, inst.horizon]).toEqual([employees, shiftTypes, days]);
    expect(inst.cover).toHaveLength(days * shiftTypes);
    expect(new Set(inst.cover.map((c) => `${c.weightUnder}/${c.weightOver}`))).toEqual(new Set(['100/1']));
    expect([...new Set([...inst.onRequests, ...inst.offRequests].map((r) => r.weight))].every((w) => w >= 1 && w <= 3)).toBe(true);
    expect(inst.shifts.every((s) => [480, 600, 720].includes(s.minutes))).toBe(true);
  });

  it('reads Instance 1 field by field (first employee, requests, last cover line)', () => {
    const inst = readNrpFile(instanceFile(1));
    expect(inst.shifts).toEqual([{ id: 'D', minutes: 480, notNext: [] }]);
    expect(inst.staff[0]).toMatchObject({ id: 'A', maxShifts: { D: 14 }, maxTotalMinutes: 4320, minTotalMinutes: 3360, daysOff: [0] });
    expect(inst.onRequests).toHaveLength(21);
    expect(inst.offRequests[2]).toEqual({ employee: 'F', day: 8, shift: 'D', weight: 3 });
    expect(inst.cover.at(-1)).toEqual({ day: 13, shift: 'D', requirement: 4, weightUnder: 100, weightOver: 1 });
  });
});
