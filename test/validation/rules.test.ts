import { checkName, checkLength } from '../../src/validation/text';
import { checkDateRange } from '../../src/validation/dates';
import { checkEnum } from '../../src/validation/enums';
import { checkCode } from '../../src/validation/code';
import { checkTimeZone } from '../../src/validation/timeZone';

describe('lengths count characters, not UTF-16 units', () => {
  it('allows 50 Chinese characters and refuses 51 and an empty name', () => {
    expect(checkName('input.name', '张'.repeat(50))).toEqual({ value: '张'.repeat(50) });
    expect(checkName('input.name', '张'.repeat(51))).toEqual({
      problem: { field: 'input.name', rule: 'text.length', params: { min: 1, max: 50, actual: 51 } },
    });
    expect(checkName('input.name', '   ')).toMatchObject({ problem: { rule: 'text.length', params: { actual: 0 } } });
  });
  it('counts an astral character once', () => {
    expect(checkLength('f', '𠀀𠀀', 1, 2)).toEqual({ value: '𠀀𠀀' });
  });
});

describe('date ranges', () => {
  const start = new Date('2026-03-01T00:00:00Z');
  it('needs the end strictly after the start', () => {
    expect(checkDateRange('input.endsAt', start, new Date('2026-03-02T00:00:00Z'))).toBeNull();
    expect(checkDateRange('input.endsAt', start, start)).toEqual({ field: 'input.endsAt', rule: 'dateRange.endBeforeStart' });
    expect(checkDateRange('input.endsAt', start, null)).toBeNull();
  });
});

describe('enums, codes, time zones', () => {
  it('names the allowed values', () => {
    expect(checkEnum('input.kind', 'BUS', ['CAR', 'TRAIN'] as const)).toEqual({
      problem: { field: 'input.kind', rule: 'enum.invalid', params: { value: 'BUS', allowed: 'CAR, TRAIN' } },
    });
    expect(checkEnum('input.kind', 'CAR', ['CAR', 'TRAIN'] as const)).toEqual({ value: 'CAR' });
  });
  it('keeps codes to a safe alphabet', () => {
    expect(checkCode('input.code', 'JA-01_b')).toEqual({ value: 'JA-01_b' });
    expect(checkCode('input.code', '江岸')).toMatchObject({ problem: { rule: 'code.format' } });
  });
  it('accepts IANA zones only', () => {
    expect(checkTimeZone('input.timeZone', 'Asia/Urumqi')).toEqual({ value: 'Asia/Urumqi' });
    expect(checkTimeZone('input.timeZone', 'Mars/Olympus')).toMatchObject({ problem: { rule: 'timeZone.invalid' } });
    expect(checkTimeZone('input.timeZone', 'CST')).toMatchObject({ problem: { rule: 'timeZone.invalid' } });
  });
});
