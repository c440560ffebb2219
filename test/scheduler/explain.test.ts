/** Explanations list each broken rule with person, shifts, cost and messages, adding up to the score. */
import { explain, score } from '../../src/scheduler';
import { dailyShifts, problem, rosterOf, row } from './helpers';

describe('explain', () => {
  const p = problem(
    7,
    [
      { id: 'a', name: '张伟', targetMinutes: 3 * 480, limits: { maxConsecutiveWorkDays: 3 } },
      { id: 'b', name: '李娜', targetMinutes: 3 * 480, partyMember: true },
    ],
    dailyShifts(7, [{ type: 'D', headcount: 1 }]),
  );
  const roster = rosterOf({ a: row('xxxx...'), b: row('....xx.') });

  it('lists violations whose costs add up to the score, hard first', () => {
    const e = explain(p, roster);
    const s = score(p, roster);
    expect(e.score).toEqual(s);
    expect(e.violations.filter((v) => v.hard).reduce((a, v) => a + v.cost, 0)).toBe(s.hard);
    expect(e.violations.filter((v) => !v.hard).reduce((a, v) => a + v.cost, 0)).toBe(s.soft);
    expect(e.violations[0]).toMatchObject({ constraint: 'maxConsecutiveWorkingDays', hard: true, personId: 'a', day: 0, cost: 1, shiftIds: ['D0', 'D1', 'D2', 'D3'] });
    expect(e.violations[0].message.en).toContain('张伟 (a) works 4 days in a row');
    expect(e.violations[0].message['zh-CN']).toContain('连续上班 4 天');
    const under = e.violations.find((v) => v.constraint === 'coverHeadcount')!;
    expect(under).toMatchObject({ shiftIds: ['D6'], cost: 100 });
  });

  it('gives per-person minutes against the target and the fairness spread', () => {
    const e = explain(p, roster);
    expect(e.people).toEqual([
      { personId: 'a', shifts: 4, minutesWorked: 1920, targetMinutes: 1440, deviationMinutes: 480 },
      { personId: 'b', shifts: 2, minutesWorked: 960, targetMinutes: 1440, deviationMinutes: -480 },
    ]);
    expect(e.fairness.spreadMinutes).toBe(960);
    expect(e.summary.en).toContain('breaks 1 hard rule');
    expect(e.summary['zh-CN']).toContain('违反 1 项硬性规则');
  });
});
