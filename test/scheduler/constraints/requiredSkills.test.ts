import { evaluate, ids, problem, rosterOf, row, dailyShifts, shift } from '../helpers';
import { requiredSkills } from '../../../src/scheduler/constraints/requiredSkills';

describe('requiredSkills', () => {
  const shifts = [shift('cp', 0, 'D', { headcount: 2, requiredSkills: { 测温: 1, 驾驶: 1 } })];
  const p = problem(1, [{ id: 'a', skills: ['测温'] }, { id: 'b' }, { id: 'c', skills: ['测温', '驾驶'] }], shifts);
  it('charges each missing skilled person (weight 100)', () => {
    const e = evaluate(requiredSkills, p, rosterOf({ a: ['cp'], b: ['cp'] }));
    expect(e.cost).toBe(100);
    expect(e.violations[0].detail.skill).toBe('驾驶');
  });
  it('is met when one person holds both skills', () => {
    expect(evaluate(requiredSkills, p, rosterOf({ b: ['cp'], c: ['cp'] })).cost).toBe(0);
  });
});
