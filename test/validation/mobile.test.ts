import { checkMobile, normalizeMobile } from '../../src/validation/mobile';

describe('mainland mobile numbers', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+8619912345678', '19912345678'],
    ['0086-166-1234-5678', '16612345678'],
  ])('accepts %s as %s', (raw, expected) => {
    expect(normalizeMobile(raw)).toBe(expected);
  });

  it.each(['12800138000', '1380013800', '138001380001', '+1 13800138000', '1380013800a', ''])('rejects %s', (raw) => {
    expect(normalizeMobile(raw)).toBeNull();
    expect(checkMobile('input.mobile', raw)).toEqual({
      problem: { field: 'input.mobile', rule: 'mobile.invalid', params: { value: raw } },
    });
  });
});
