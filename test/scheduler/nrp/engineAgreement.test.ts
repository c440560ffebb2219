/**
 * The engine's own scoring of a mapped NRP instance must agree with the independent evaluator:
 * soft total = benchmark objective, and the same (rule, employee) pairs broken. Checked on the
 * published rosters with 1–3 random cells changed (most become infeasible in a few rules, which
 * probes the border cases far better than random rosters that break everything).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { explain, score } from '../../../src/scheduler';
import { createRng } from '../../../src/scheduler/generate';
import { evaluateNrp, type NrpHardRule } from '../../../src/scheduler/nrp/evaluate';
import { readRosterFile } from '../../../src/scheduler/nrp/format';
import { readNrpFile } from '../../../src/scheduler/nrp/parse';
import { nrpRosterToRoster, toProblem } from '../../../src/scheduler/nrp/toProblem';
import { instanceFile, nrpDir } from './nrpDir';

/** Evaluator rule → engine constraint name. */
const ENGINE_NAME: Record<NrpHardRule, string> = {
  forbiddenSuccession: 'forbiddenSuccession',
  maxShiftsPerType: 'maxShiftsPerType',
  minTotalMinutes: 'minTotalMinutes',
  maxTotalMinutes: 'maxTotalMinutes',
  maxConsecutiveShifts: 'maxConsecutiveWorkingDays',
  minConsecutiveShifts: 'minConsecutiveWorkingDays',
  minConsecutiveDaysOff: 'minConsecutiveDaysOff',
  maxWeekends: 'maxWeekendsWorked',
  dayOff: 'availability',
};

const solutionsDir = path.join(nrpDir, 'solutions');
const files = readdirSync(solutionsDir).filter((f) => /^Instance\d+_sol\d_\d+\.txt$/.test(f));

describe('engine score vs independent evaluator on perturbed published rosters', () => {
  it.each(files)('%s with 25 random perturbations', (file) => {
    const inst = readNrpFile(instanceFile(Number(/^Instance(\d+)_/.exec(file)![1])));
    const problem = toProblem(inst);
    const base = readRosterFile(inst, path.join(solutionsDir, file));
    const rng = createRng(file.length * 7919 + file.charCodeAt(8));
    let infeasible = 0;
    for (let k = 0; k < 25; k++) {
      const roster = base.map((r) => [...r]);
      for (let i = rng.int(1, 3); i > 0; i--) roster[rng.int(0, inst.staff.length - 1)]![rng.int(0, inst.horizon - 1)] = rng.chance(0.3) ? null : rng.pick(inst.shifts).id;
      const ev = evaluateNrp(inst, roster);
      const engineRoster = nrpRosterToRoster(inst, roster);
      const sc = score(problem, engineRoster);
      const broken = explain(problem, engineRoster)
        .violations.filter((v) => v.hard)
        .map((v) => `${v.constraint}:${v.personId}`);
      const expected = ev.hardViolations.map((v) => `${ENGINE_NAME[v.rule]}:${v.employee}`);
      expect({ k, soft: sc.soft, feasible: sc.hard === 0, broken: [...new Set(broken)].sort() }).toEqual({ k, soft: ev.objective, feasible: ev.feasible, broken: [...new Set(expected)].sort() });
      if (!ev.feasible) infeasible++;
    }
    expect(infeasible).toBeGreaterThan(5); // the perturbations do probe the hard rules
  });
});
