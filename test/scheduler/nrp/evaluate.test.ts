import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateNrp, NrpRosterShapeError, type NrpHardRule } from '../../../src/scheduler/nrp/evaluate';
import { readRosterFile } from '../../../src/scheduler/nrp/format';
import { readNrpFile } from '../../../src/scheduler/nrp/parse';
import type { NrpEmployee, NrpInstance, NrpRoster } from '../../../src/scheduler/nrp/types';
import { instanceFile, nrpDir } from './nrpDir';

/**
 * A 14-day instance with shift types E (480 min) and L (600 min, E may not follow it), one
 * employee whose limits are loose unless a test tightens one, and no requests or cover.
 */
function tiny(limits: Partial<NrpEmployee> = {}, extra: Partial<NrpInstance> = {}): NrpInstance {
  return {
    name: 'tiny',
    horizon: 14,
    shifts: [
      { id: 'E', minutes: 480, notNext: [] },
      { id: 'L', minutes: 600, notNext: ['E'] },
    ],
    staff: [
      {
        id: 'A',
        maxShifts: { E: 14, L: 14 },
        maxTotalMinutes: 14 * 600,
        minTotalMinutes: 0,
        maxConsecutiveShifts: 14,
        minConsecutiveShifts: 0,
        minConsecutiveDaysOff: 0,
        maxWeekends: 2,
        daysOff: [],
        ...limits,
      },
    ],
    onRequests: [],
    offRequests: [],
    cover: [],
    ...extra,
  };
}

/** "EE.L" → ['E','E',null,'L'] : one char per day, '.' = off. */
const row = (pattern: string): (string | null)[] => [...pattern].map((c) => (c === '.' ? null : c));

const violations = (inst: NrpInstance, ...patterns: string[]) => evaluateNrp(inst, patterns.map(row)).hardViolations;
const rulesOf = (inst: NrpInstance, ...patterns: string[]): NrpHardRule[] => violations(inst, ...patterns).map((v) => v.rule);

describe('evaluateNrp hard rules on hand-made rosters', () => {
  it('a roster within every limit is feasible', () => {
    const ev = evaluateNrp(tiny(), [row('EEL..EEEL..LL.')]);
    expect(ev).toMatchObject({ feasible: true, hardViolations: [], hardExcess: 0, objective: 0 });
  });

  describe('rule 2: forbidden successions', () => {
    it('L then E on the next day is a violation naming both days and shifts', () => {
      expect(violations(tiny(), 'EEL.ELE.......')).toEqual([
        { rule: 'forbiddenSuccession', employee: 'A', days: [5, 6], shifts: ['L', 'E'], excess: 1, detail: 'A: shift E on day 6 may not follow shift L on day 5' },
      ]);
    });
    it('E then L, L then L and L then a day off are allowed; nothing wraps from day 13 to day 0', () => {
      expect(rulesOf(tiny(), 'ELL.EL.......L')).toEqual([]);
      expect(rulesOf(tiny(), 'E............L')).toEqual([]);
    });
  });

  it('rule 3: more days on a shift type than MaxShifts allows', () => {
    const v = violations(tiny({ maxShifts: { E: 14, L: 2 } }), 'LLL...........');
    expect(v).toMatchObject([{ rule: 'maxShiftsPerType', shifts: ['L'], days: [0, 1, 2], excess: 1 }]);
    expect(rulesOf(tiny({ maxShifts: { E: 14, L: 2 } }), 'LL.EEEE.......')).toEqual([]);
    expect(rulesOf(tiny({ maxShifts: { E: 0, L: 14 } }), 'E.............')).toEqual(['maxShiftsPerType']);
  });

  it('rule 4: total minutes below the minimum or above the maximum (lengths differ per type)', () => {
    // E+E+L = 1560 minutes.
    expect(violations(tiny({ minTotalMinutes: 1561 }), 'EEL...........')).toMatchObject([{ rule: 'minTotalMinutes', excess: 1, days: [0, 1, 2] }]);
    expect(rulesOf(tiny({ minTotalMinutes: 1560, maxTotalMinutes: 1560 }), 'EEL...........')).toEqual([]);
    expect(violations(tiny({ maxTotalMinutes: 1559 }), 'EEL...........')).toMatchObject([{ rule: 'maxTotalMinutes', excess: 1 }]);
    expect(rulesOf(tiny({ minTotalMinutes: 1 }), '..............')).toEqual(['minTotalMinutes']);
  });

  describe('rule 5: max consecutive worked days', () => {
    it('a block longer than the limit, types mixed inside it', () => {
      expect(violations(tiny({ maxConsecutiveShifts: 3 }), '..EELL........')).toMatchObject([{ rule: 'maxConsecutiveShifts', days: [2, 3, 4, 5], excess: 1 }]);
    });
    it('blocks touching the border are not lengthened: exactly the limit at day 0 and at day 13 is fine', () => {
      expect(rulesOf(tiny({ maxConsecutiveShifts: 3 }), 'EEE.....EE.EEE')).toEqual([]);
    });
    it('but a too-long block touching the border still breaks it', () => {
      expect(violations(tiny({ maxConsecutiveShifts: 3 }), 'EEEE..........')).toMatchObject([{ rule: 'maxConsecutiveShifts', days: [0, 1, 2, 3] }]);
      expect(violations(tiny({ maxConsecutiveShifts: 3 }), '..........EEEE')).toMatchObject([{ rule: 'maxConsecutiveShifts', days: [10, 11, 12, 13] }]);
    });
  });

  describe('rule 6: min consecutive worked days', () => {
    it('an interior block shorter than the minimum', () => {
      expect(violations(tiny({ minConsecutiveShifts: 2 }), '...E..........')).toMatchObject([{ rule: 'minConsecutiveShifts', days: [3], excess: 1 }]);
    });
    it('a block starting on day 0 or ending on day H−1 is never too short', () => {
      expect(rulesOf(tiny({ minConsecutiveShifts: 3 }), 'E...........EE')).toEqual([]);
      expect(rulesOf(tiny({ minConsecutiveShifts: 3 }), '.............E')).toEqual([]);
    });
  });

  describe('rule 7: min consecutive days off', () => {
    it('an interior off block shorter than the minimum', () => {
      expect(violations(tiny({ minConsecutiveDaysOff: 2 }), 'EEE.EEEE..EEEE')).toMatchObject([{ rule: 'minConsecutiveDaysOff', days: [3], excess: 1 }]);
    });
    it('an off block of length 1 on day 0 or on day H−1 is exempt', () => {
      expect(rulesOf(tiny({ minConsecutiveDaysOff: 2 }), '.EEEEE..EEEEE.')).toEqual([]);
    });
    it('a roster with no work at all has no short off block', () => {
      expect(rulesOf(tiny({ minConsecutiveDaysOff: 3 }), '..............')).toEqual([]);
    });
  });

  describe('rule 8: max weekends', () => {
    it('a weekend worked on both days counts once', () => {
      expect(rulesOf(tiny({ maxWeekends: 1 }), '.....EE.......')).toEqual([]);
      expect(rulesOf(tiny({ maxWeekends: 2 }), '.....EE......E')).toEqual([]);
    });
    it('Saturday only and Sunday only each count; Friday and Monday do not', () => {
      expect(violations(tiny({ maxWeekends: 1 }), '.....E.......E')).toMatchObject([{ rule: 'maxWeekends', days: [5, 13], excess: 1 }]);
      expect(rulesOf(tiny({ maxWeekends: 0 }), '....E..E...E..')).toEqual([]);
      expect(rulesOf(tiny({ maxWeekends: 0 }), '......E.......')).toEqual(['maxWeekends']);
    });
  });

  it('rule 9: working on a mandatory day off', () => {
    expect(violations(tiny({ daysOff: [2, 9] }), '..L...........')).toMatchObject([{ rule: 'dayOff', days: [2], shifts: ['L'] }]);
    expect(rulesOf(tiny({ daysOff: [2, 9] }), 'EE.EEEEEE.EEEE')).toEqual([]);
  });

  it('several violations of one employee are all listed and summed in hardExcess', () => {
    const ev = evaluateNrp(tiny({ maxConsecutiveShifts: 2, minConsecutiveDaysOff: 2, daysOff: [0] }), [row('LEE.E.........')]);
    expect(ev.feasible).toBe(false);
    expect(ev.hardViolations.map((v) => v.rule).sort()).toEqual(['dayOff', 'forbiddenSuccession', 'maxConsecutiveShifts', 'minConsecutiveDaysOff']);
    expect(ev.hardExcess).toBe(4);
  });

  it('rejects a roster that does not fit the instance', () => {
    expect(() => evaluateNrp(tiny(), [])).toThrow(NrpRosterShapeError);
    expect(() => evaluateNrp(tiny(), [row('EE')])).toThrow('roster[0] (employee A): must have 14 days, got 2');
    expect(() => evaluateNrp(tiny(), [row('X.............')])).toThrow('roster[0][0] (employee A, day 0): unknown shift "X"');
  });
});

describe('evaluateNrp objective on hand-made rosters', () => {
  const two = (): NrpInstance => {
    const base = tiny();
    const b = { ...base.staff[0]!, id: 'B' };
    return {
      ...base,
      staff: [base.staff[0]!, b],
      onRequests: [
        { employee: 'A', day: 0, shift: 'E', weight: 2 }, // A works E: met
        { employee: 'A', day: 1, shift: 'E', weight: 3 }, // A works L: unmet (other shift)
        { employee: 'B', day: 0, shift: 'L', weight: 1 }, // B off: unmet
      ],
      offRequests: [
        { employee: 'A', day: 2, shift: 'E', weight: 2 }, // A works L: met (another shift is fine)
        { employee: 'B', day: 1, shift: 'L', weight: 3 }, // B works L: unmet
      ],
      cover: [
        { day: 0, shift: 'E', requirement: 2, weightUnder: 100, weightOver: 1 }, // 1 on E: under 1
        { day: 1, shift: 'L', requirement: 0, weightUnder: 100, weightOver: 7 }, // 2 on L: over 2 × 7
        { day: 2, shift: 'L', requirement: 1, weightUnder: 50, weightOver: 1 }, // A on L: exact
      ],
    };
  };

  it('counts on-requests as unmet when off or on another shift, off-requests only for that shift', () => {
    const ev = evaluateNrp(two(), [row('ELL...........'), row('.L............')]);
    expect(ev.parts).toEqual({ cover: 114, coverUnder: 100, coverOver: 14, requests: 7, onRequests: 4, offRequests: 3 });
    expect(ev.objective).toBe(121);
    expect(ev.softItems).toEqual([
      { kind: 'onRequest', employee: 'A', day: 1, shift: 'E', worked: 'L', cost: 3 },
      { kind: 'onRequest', employee: 'B', day: 0, shift: 'L', worked: null, cost: 1 },
      { kind: 'offRequest', employee: 'B', day: 1, shift: 'L', worked: 'L', cost: 3 },
      { kind: 'coverUnder', day: 0, shift: 'E', requirement: 2, assigned: 1, cost: 100 },
      { kind: 'coverOver', day: 1, shift: 'L', requirement: 0, assigned: 2, cost: 14 },
    ]);
  });

  it('a person on a different shift does not help cover', () => {
    const ev = evaluateNrp(two(), [row('L.............'), row('L.............')]);
    expect(ev.softItems.filter((i) => i.kind === 'coverUnder')).toEqual([
      { kind: 'coverUnder', day: 0, shift: 'E', requirement: 2, assigned: 0, cost: 200 },
      { kind: 'coverUnder', day: 2, shift: 'L', requirement: 1, assigned: 0, cost: 50 },
    ]);
  });
});

describe('evaluateNrp on the 20 published rosters (solutions/index.csv)', () => {
  const rows = readFileSync(path.join(nrpDir, 'solutions/index.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .map(([instance, file, objective, cover, requests]) => ({ instance: instance!, file: file!, objective: Number(objective), cover: Number(cover), requests: Number(requests) }));

  it('lists 20 rosters', () => expect(rows).toHaveLength(20));

  it.each(rows)('$file: objective $objective = cover $cover + requests $requests, feasible', ({ instance, file, objective, cover, requests }) => {
    const inst = readNrpFile(path.join(nrpDir, `${instance}.txt`));
    const ev = evaluateNrp(inst, readRosterFile(inst, path.join(nrpDir, 'solutions', file)));
    expect(ev.hardViolations).toEqual([]);
    expect(ev.feasible).toBe(true);
    expect([ev.objective, ev.parts.cover, ev.parts.requests]).toEqual([objective, cover, requests]);
  });

  it('the published rosters agree with the producer\'s raw output files they were converted from', () => {
    for (let n = 1; n <= 10; n++) {
      const inst = readNrpFile(instanceFile(n));
      const raw = readFileSync(path.join(nrpDir, `solutions/raw/Instance${n}.txt.out`), 'utf8');
      const published = rows.filter((r) => r.instance === `Instance${n}`).map((r) => readRosterFile(inst, path.join(nrpDir, 'solutions', r.file)));
      expect(parseRawMonolith(inst, raw)).toEqual(published);
    }
  });

  describe('one flipped cell makes a published roster infeasible', () => {
    const inst1 = () => readNrpFile(instanceFile(1));
    const sol1 = (inst: NrpInstance) => readRosterFile(inst, path.join(nrpDir, 'solutions/Instance1_sol1_608.txt')).map((r) => [...r]);

    it('the exempt border off-blocks of Instance 1 sol1 exist (A, E off on day 0 only; F off on day 13 only)', () => {
      const inst = inst1();
      const r = sol1(inst);
      const at = (id: string) => r[inst.staff.findIndex((s) => s.id === id)]!;
      expect([at('A')[0], at('A')[1], at('E')[0], at('E')[1], at('F')[13], at('F')[12]]).toEqual([null, 'D', null, 'D', null, 'D']);
      expect(inst.staff.every((s) => s.minConsecutiveDaysOff === 2)).toBe(true);
    });

    it('working A\'s mandatory day off 0 breaks rule 9 (and only that)', () => {
      const inst = inst1();
      const r = sol1(inst);
      r[0]![0] = 'D';
      expect(evaluateNrp(inst, r).hardViolations.map((v) => [v.rule, v.employee, v.days])).toEqual([['dayOff', 'A', [0]]]);
    });

    it('moving A\'s single off day 0 into the middle breaks rule 7', () => {
      const inst = inst1();
      const r = sol1(inst);
      const a = r[0]!;
      const d = a.findIndex((c, i) => i > 1 && i < 12 && c !== null && a[i - 1] !== null && a[i + 1] !== null);
      a[d] = null;
      expect(evaluateNrp(inst, r).hardViolations.map((v) => v.rule)).toContain('minConsecutiveDaysOff');
    });
  });
});

/** The producer's raw layout: `  A: L=L= . .` — two characters per day, ` .` = off, shift ID padded with `=`. */
function parseRawMonolith(inst: NrpInstance, text: string): NrpRoster[] {
  const rosters: NrpRoster[] = [];
  let current: (string | null)[][] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\S+): (.*)$/.exec(line);
    if (m && inst.staff[current.length]?.id === m[1] && m[2]!.length === 2 * inst.horizon) {
      const cells: (string | null)[] = [];
      for (let d = 0; d < inst.horizon; d++) {
        const cell = m[2]!.slice(2 * d, 2 * d + 2);
        cells.push(cell === ' .' ? null : cell.replace(/=+$/, ''));
      }
      current.push(cells);
      if (current.length === inst.staff.length) {
        rosters.push(current);
        current = [];
      }
    }
  }
  return rosters;
}
