import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { minPartyMembers } from '../../../src/scheduler/constraints/minPartyMembers';

describe('minPartyMembers', () => {
  const shifts = [shift('cp', 0, 'D', { headcount: 3, minPartyMembers: 2 })];
  const p = problem(1, [{ id: 'a', partyMember: true }, { id: 'b' }, { id: 'c', partyMember: true }], shifts, { weights: { minPartyMembers: 50 } });
  it('charges each missing party member with the problem weight', () => {
    expect(evaluate(minPartyMembers, p, rosterOf({ a: ['cp'], b: ['cp'] })).cost).toBe(50);
    expect(evaluate(minPartyMembers, p, rosterOf({ b: ['cp'] })).cost).toBe(100);
  });
  it('is met with two party members', () => {
    expect(evaluate(minPartyMembers, p, rosterOf({ a: ['cp'], c: ['cp'] })).cost).toBe(0);
  });
});
