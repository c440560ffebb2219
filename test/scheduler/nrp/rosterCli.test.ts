import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseRosterArgs, UsageError, type RosterReport } from '../../../scripts/roster';
import { evaluateNrp } from '../../../src/scheduler/nrp/evaluate';
import { readRosterFile } from '../../../src/scheduler/nrp/format';
import { readNrpFile } from '../../../src/scheduler/nrp/parse';
import { instanceFile, repoRoot } from './nrpDir';

const runCli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/roster.ts'), ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60000 });

describe('roster CLI arguments', () => {
  it('reads the documented options, seed defaulting to 1', () => {
    expect(parseRosterArgs(['--nrp', 'I.txt', '--time-limit', '2.5', '--out', 'o.txt'])).toEqual({ nrp: 'I.txt', timeLimitSec: 2.5, seed: 1, out: 'o.txt' });
    expect(parseRosterArgs(['--nrp', 'I.txt', '--time-limit', '60', '--seed', '7', '--out', 'o.txt', '--report-json', 'r.json'])).toEqual({
      nrp: 'I.txt',
      timeLimitSec: 60,
      seed: 7,
      out: 'o.txt',
      reportJson: 'r.json',
    });
  });

  it.each([
    [['--time-limit', '1', '--out', 'o'], '--nrp is required'],
    [['--nrp', 'I', '--out', 'o'], '--time-limit is required'],
    [['--nrp', 'I', '--time-limit', '1'], '--out is required'],
    [['--nrp', 'I', '--time-limit', '0', '--out', 'o'], '--time-limit must be a positive number of seconds, got "0"'],
    [['--nrp', 'I', '--time-limit', 'ten', '--out', 'o'], '--time-limit must be a positive number of seconds, got "ten"'],
    [['--nrp', 'I', '--time-limit', '1', '--seed=-3', '--out', 'o'], '--seed must be a non-negative integer, got "-3"'],
    [['--nrp', 'I', '--time-limit', '1', '--out', 'o', '--fast'], "Unknown option '--fast'"],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseRosterArgs(argv)).toThrow(UsageError);
    expect(() => parseRosterArgs(argv)).toThrow(message);
  });
});

describe('npm run roster (child process)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'roster-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 2 with the usage on bad arguments, in English and Chinese', () => {
    const r = runCli(['--nrp', instanceFile(1), '--time-limit', 'soon', '--out', path.join(dir, 'x.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('roster: --time-limit must be a positive number of seconds');
    expect(r.stderr).toContain('roster：--time-limit 必须是正的秒数');
    expect(r.stderr).toContain('usage: npm run roster');
  });

  it('exits 1 naming the file when the instance cannot be read', () => {
    const r = runCli(['--nrp', path.join(dir, 'missing.txt'), '--time-limit', '1', '--out', path.join(dir, 'x.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.txt: cannot read the file/);
  });

  it('solves Instance 1 as `npm run roster` does (compiled build), ending with the evaluator\'s verdict', () => {
    const out = path.join(dir, 'Instance1.roster.txt');
    // The documented command: builds dist/ (tsc, incremental) and runs the compiled script.
    const r = spawnSync('npm', ['run', '-s', 'roster', '--', '--nrp', instanceFile(1), '--time-limit', '1', '--seed', '3', '--out', out], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 120000,
    });
    expect(r.status).toBe(0);
    const last = r.stdout.trim().split('\n').at(-1)!;
    expect(last).toMatch(/^objective=\d+ feasible=(true|false)$/);
    const inst = readNrpFile(instanceFile(1));
    const ev = evaluateNrp(inst, readRosterFile(inst, out));
    expect(last).toBe(`objective=${ev.objective} feasible=${ev.feasible}`);
    expect(readFileSync(out, 'utf8').split('\n')).toHaveLength(inst.staff.length + 1);
  }, 120000);

  it('makes the DP moves on the second core where no MIP uses it (compiled build), and the roster adds up', () => {
    // NRP 11 is too large for the exact MIP and the polish, so its second core is free.
    const out = path.join(dir, 'Instance11.roster.txt');
    const json = path.join(dir, 'Instance11.report.json');
    const r = spawnSync('npm', ['run', '-s', 'roster', '--', '--nrp', instanceFile(11), '--time-limit', '3', '--seed', '2', '--out', out, '--report-json', json], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 120000,
    });
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as RosterReport;
    expect(report.helperMoves).toBeGreaterThan(1000);
    // The engine's score of the roster it built from the helper's moves is the evaluator's.
    expect(report.disagreement).toBe(false);
    const inst = readNrpFile(instanceFile(11));
    const ev = evaluateNrp(inst, readRosterFile(inst, out));
    expect(r.stdout.trim().split('\n').at(-1)).toBe(`objective=${ev.objective} feasible=${ev.feasible}`);
  }, 120000);
});
