import { AppError, badInput, conflict, forbidden, notFound, unauthenticated } from '../../src/errors/AppError';
import { messages, pickLocale, translate } from '../../src/i18n/messages';
import { requireCaller, requireRole } from '../../src/auth/caller';

describe('pickLocale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-TW,zh;q=0.9', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['en;q=0.5, zh-CN', 'zh-CN'],
    ['zh-CN;q=0.2, en;q=0.8', 'en'],
    ['fr-FR', 'en'],
    ['zh-CN;q=abc, en', 'en'],
  ])('%p → %s', (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });
});

describe('translate', () => {
  it('interpolates params in both languages', () => {
    expect(translate('access.roleRequired', 'en', { roles: 'ORG_ADMIN', role: 'VOLUNTEER' })).toBe(
      'This needs one of the roles ORG_ADMIN; you are VOLUNTEER',
    );
    expect(translate('access.roleRequired', 'zh-CN', { roles: 'ORG_ADMIN', role: 'VOLUNTEER' })).toContain('ORG_ADMIN');
  });
  it('translates the entity param through entity.<Name>', () => {
    expect(translate('entity.notFound', 'zh-CN', { entity: 'Person', id: 'x1' })).toBe('未找到人员（x1）');
    expect(translate('entity.notFound', 'en', { entity: 'Person', id: 'x1' })).toBe('Person x1 not found');
  });
  it('renders an unknown key visibly instead of throwing', () => {
    expect(translate('no.such.rule', 'en', { a: 1 })).toBe('no.such.rule (a=1)');
  });
  it('has a non-empty text in every language for every key', () => {
    for (const [key, msg] of Object.entries(messages)) {
      expect([key, msg.en.trim().length > 0, msg['zh-CN'].trim().length > 0]).toEqual([key, true, true]);
    }
  });
});

describe('AppError helpers', () => {
  it('carry code, rule, field and params; message is English', () => {
    const e = badInput('input.mobile', 'mobile.invalid', { value: '123' });
    expect(e).toBeInstanceOf(AppError);
    expect([e.code, e.rule, e.field, e.params.value]).toEqual(['BAD_USER_INPUT', 'mobile.invalid', 'input.mobile', '123']);
    expect(e.message).toContain('"123"');
    expect(notFound('Unit', 'u1').code).toBe('NOT_FOUND');
    expect(conflict('input.mobile').code).toBe('CONFLICT');
    expect(forbidden().code).toBe('FORBIDDEN');
    expect(unauthenticated().code).toBe('UNAUTHENTICATED');
  });
});

describe('requireCaller / requireRole', () => {
  it('rejects a missing caller with UNAUTHENTICATED', () => {
    expect(() => requireCaller({ caller: null })).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => requireRole({ caller: null }, 'ORG_ADMIN')).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
  it('rejects the wrong role with FORBIDDEN and passes the right one', () => {
    const ctx = { caller: { role: 'VOLUNTEER' as const, personId: 'p1' } };
    expect(() => requireRole(ctx, 'ORG_ADMIN', 'UNIT_MANAGER')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', rule: 'access.roleRequired' }),
    );
    expect(requireRole(ctx, 'VOLUNTEER')).toEqual({ role: 'VOLUNTEER', personId: 'p1' });
  });
});
