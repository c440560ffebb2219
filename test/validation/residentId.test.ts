import { checkResidentId, maskResidentId, residentIdCheckChar } from '../../src/validation/residentId';

describe('resident ID numbers (GB 11643)', () => {
  it('computes the ISO 7064 MOD 11-2 check character, X for 10', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('11010119900307447')).toBe('7');
  });

  it('accepts valid numbers and upper-cases a trailing x', () => {
    expect(checkResidentId('f', '11010519491231002x')).toEqual({ value: '11010519491231002X' });
    expect(checkResidentId('f', ' 110101199003074477 ')).toEqual({ value: '110101199003074477' });
  });

  it.each([
    ['110101199003074478', 'residentId.checksum'],
    ['11010119900307447', 'residentId.format'],
    ['1101011990030744777', 'residentId.format'],
    ['11010119900307447A', 'residentId.format'],
    ['110101199002304471', 'residentId.birthDate'], // 30 February
    ['110101299001014471', 'residentId.birthDate'], // born in 2990
  ])('rejects %s with %s', (raw, rule) => {
    const r = checkResidentId('input.residentId', raw);
    expect('problem' in r && r.problem).toMatchObject({ field: 'input.residentId', rule });
  });

  it('masks all but the first and last four characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X');
  });
});
