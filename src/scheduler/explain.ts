/**
 * Explanations: which rules a roster breaks (person, shifts, cost, a plain-words message in
 * English and zh-CN) and each person's minutes against their fairness target. Built from the
 * same constraint code as the score, so the listed costs add up to the score exactly.
 */
import type { Compiled } from './compiled';
import { rosterToCells } from './compile';
import { constraints } from './constraints';
import type { Explanation, PersonLoad, Roster, Violation } from './model';
import { fullScore, ReportedViolation } from './score';

export function explainCells(c: Compiled, cells: Int32Array, extra: Array<{ person: number; shift: number }> = []): Explanation {
  const raw: ReportedViolation[] = [];
  const score = fullScore(c, cells, extra, raw);
  const violations: Violation[] = raw
    .filter((v) => v.cost !== 0)
    .map((v) => {
      const k = constraints[v.constraint];
      const out: Violation = {
        constraint: k.name,
        hard: k.hard,
        shiftIds: v.shifts.map((s) => c.shiftIds[s]),
        cost: v.cost,
        message: k.message(c, v),
      };
      if (v.person !== undefined) out.personId = c.personIds[v.person];
      if (v.day !== undefined) out.day = v.day;
      return out;
    })
    // Hard first, then the most expensive: what a planner should fix first.
    .sort((a, b) => Number(b.hard) - Number(a.hard) || b.cost - a.cost);

  const people: PersonLoad[] = [];
  const devs: number[] = [];
  for (let p = 0; p < c.P; p++) {
    let minutes = 0;
    let shifts = 0;
    for (let d = 0; d < c.D; d++) {
      const s = cells[p * c.D + d];
      if (s >= 0) {
        minutes += c.shiftMinutes[s];
        shifts++;
      }
    }
    for (const e of extra) if (e.person === p) {
      minutes += c.shiftMinutes[e.shift];
      shifts++;
    }
    const target = c.people.targetMinutes[p];
    const dev = target >= 0 ? minutes - target : null;
    if (dev !== null) devs.push(dev);
    people.push({ personId: c.personIds[p], shifts, minutesWorked: minutes, targetMinutes: target >= 0 ? target : null, deviationMinutes: dev });
  }
  // A loop, not Math.max(...devs): spreading 50,000+ arguments can overflow the stack.
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of devs) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const spread = devs.length ? hi - lo : 0;
  const mean = devs.length ? devs.reduce((a, b) => a + b, 0) / devs.length : 0;
  const std = devs.length ? Math.sqrt(devs.reduce((a, b) => a + (b - mean) ** 2, 0) / devs.length) : 0;
  const nHard = violations.filter((v) => v.hard).length;
  const nSoft = violations.length - nHard;
  const summary =
    nHard === 0
      ? { en: `The roster breaks no hard rule; ${nSoft} soft cost item(s) total ${score.soft}.`, 'zh-CN': `排班没有违反任何硬性规则；共有 ${nSoft} 项软性扣分，合计 ${score.soft}。` }
      : { en: `The roster breaks ${nHard} hard rule(s) (total ${score.hard}) and has ${nSoft} soft cost item(s) totalling ${score.soft}.`, 'zh-CN': `排班违反 ${nHard} 项硬性规则（合计 ${score.hard}），另有 ${nSoft} 项软性扣分，合计 ${score.soft}。` };
  return { score, violations, people, fairness: { spreadMinutes: spread, stdDevMinutes: Math.round(std * 10) / 10 }, summary };
}

export function explainRoster(c: Compiled, roster: Roster): Explanation {
  const { cells, extra } = rosterToCells(c, roster);
  return explainCells(c, cells, extra);
}
