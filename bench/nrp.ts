/**
 * npm run bench:nrp -- --time-limit <seconds> [--instances 1-24] [--seed <n>] [--runs <n>] [--out-dir <dir>]
 *
 * Runs the engine on the Curtois & Qu instances, one child process per instance (scripts/roster.ts)
 * so the peak memory reported is that instance's own, and prints a markdown table: size, the
 * objective and feasibility from the independent evaluator, best known, gap, time to best, the
 * moves the search made (machines differ in speed by half or more, so the moves say how much
 * search a figure had), peak RSS, and whether the engine's own score agrees with the evaluator.
 * Then the mean gap over the feasible instances among 1–12 and among 13–24. Rosters and
 * per-instance JSON reports are kept in --out-dir (default: a fresh temp folder, printed).
 *
 * `--runs n` solves each instance n times (seeds seed … seed + n − 1): the annealer follows the
 * clock, so one run of one seed is a noisy measure. The table then shows the median objective
 * with the range, the gap of the median, and how many runs were feasible.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { locateNrpDir } from '../src/scheduler/nrp/locate';
import type { RosterReport } from '../scripts/roster';

// Run from the compiled build (dist/bench/nrp.js, what `npm run bench:nrp` does) or from the
// sources through tsx; the roster child runs the same way.
const compiled = __filename.endsWith('.js');
const repoRoot = path.resolve(__dirname, compiled ? '../..' : '..');
const rosterCommand = compiled ? [path.join(repoRoot, 'dist/scripts/roster.js')] : ['--import', 'tsx', path.join(repoRoot, 'scripts/roster.ts')];
const USAGE = 'usage: npm run bench:nrp -- --time-limit <seconds> [--instances 1-24|1,3,5-7] [--seed <n>] [--runs <n>] [--out-dir <dir>]';

interface BenchOptions {
  timeLimitSec: number;
  instances: number[];
  seed: number;
  runs: number;
  outDir: string;
}

/** Median of a non-empty list (the lower middle one for an even count: always an observed value). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1]!;
}

/**
 * One instance's runs as table cells: median objective (with the range when there are several
 * runs) over the feasible runs, and "yes", "NO (k violations)" or "k/n" feasible.
 */
export function summariseRuns(runs: ReadonlyArray<{ objective: number; feasible: boolean; violations: number }>): {
  objective: number | null;
  objectiveCell: string;
  feasibleCell: string;
} {
  const ok = runs.filter((r) => r.feasible).map((r) => r.objective);
  const objective = ok.length ? median(ok) : null;
  if (runs.length === 1) {
    const r = runs[0]!;
    return { objective, objectiveCell: String(r.objective), feasibleCell: r.feasible ? 'yes' : `NO (${r.violations})` };
  }
  const range = ok.length > 1 ? ` (${Math.min(...ok)}–${Math.max(...ok)})` : '';
  return { objective, objectiveCell: objective === null ? '—' : `${objective}${range}`, feasibleCell: `${ok.length}/${runs.length}` };
}

export function parseInstanceList(spec: string): number[] {
  const out = new Set<number>();
  for (const part of spec.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) throw new Error(`--instances: ${JSON.stringify(part)} is not a number or a range like 1-24`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to > 24 || from > to) throw new Error(`--instances: ${part} must lie within 1-24 and run upwards`);
    for (let n = from; n <= to; n++) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { 'time-limit': { type: 'string' }, instances: { type: 'string' }, seed: { type: 'string' }, runs: { type: 'string' }, 'out-dir': { type: 'string' } },
  });
  const timeLimitSec = Number(values['time-limit']);
  if (!values['time-limit'] || !(timeLimitSec > 0)) throw new Error('--time-limit must be a positive number of seconds');
  const seed = Number(values.seed ?? '1');
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  const runs = Number(values.runs ?? '1');
  if (!Number.isSafeInteger(runs) || runs < 1 || runs > 50) throw new Error('--runs must be an integer from 1 to 50');
  const outDir = values['out-dir'] ? path.resolve(values['out-dir']) : mkdtempSync(path.join(os.tmpdir(), 'bench-nrp-'));
  mkdirSync(outDir, { recursive: true });
  return { timeLimitSec, instances: parseInstanceList(values.instances ?? '1-24'), seed, runs, outDir };
}

function readBestKnown(nrpDir: string): Map<string, number> {
  const lines = readFileSync(path.join(nrpDir, 'best_known.csv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const col = header.indexOf('best_known');
  return new Map(lines.slice(1).map((l) => l.split(',')).map((f) => [f[0]!, Number(f[col])]));
}

/** Run the roster script for one instance in its own process; resolve with its report or an error text. */
function runChild(args: string[], prefix: string): Promise<{ code: number | null; lastLine: string; stderrTail: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...rosterCommand, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderrTail = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => {
      const text = b.toString();
      stderrTail = (stderrTail + text).slice(-2000);
      for (const line of text.split('\n').filter(Boolean)) process.stderr.write(`${prefix} ${line}\n`);
    });
    child.on('close', (code) => resolve({ code, lastLine: stdout.trim().split('\n').at(-1) ?? '', stderrTail }));
  });
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

async function main(): Promise<void> {
  let opts: BenchOptions;
  try {
    opts = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench:nrp: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const nrpDir = locateNrpDir(repoRoot);
  const bestKnown = readBestKnown(nrpDir);
  const seeds = opts.runs === 1 ? `seed ${opts.seed}` : `${opts.runs} runs, seeds ${opts.seed}–${opts.seed + opts.runs - 1}`;
  process.stderr.write(`bench:nrp: instances ${opts.instances.join(',')}, ${opts.timeLimitSec} s each, ${seeds}; rosters in ${opts.outDir}\n`);

  const rows: string[] = [];
  const gaps: { n: number; gap: number }[] = [];
  let infeasible = 0;
  let disagreements = 0;
  const overruns: string[] = [];
  for (const n of opts.instances) {
    const name = `Instance${n}`;
    const best = bestKnown.get(name)!;
    const reports: RosterReport[] = [];
    let failed = '';
    for (let k = 0; k < opts.runs && !failed; k++) {
      const seed = opts.seed + k;
      const stem = opts.runs === 1 ? name : `${name}.seed${seed}`;
      const reportFile = path.join(opts.outDir, `${stem}.json`);
      const { code, lastLine, stderrTail } = await runChild(
        ['--nrp', path.join(nrpDir, `${name}.txt`), '--time-limit', String(opts.timeLimitSec), '--seed', String(seed), '--out', path.join(opts.outDir, `${stem}.roster.txt`), '--report-json', reportFile],
        opts.runs === 1 ? `[${n}]` : `[${n} seed ${seed}]`,
      );
      if (code !== 0) {
        failed = `exit ${code}: ${stderrTail.trim().split('\n').at(-1) ?? ''}`;
        break;
      }
      const r = JSON.parse(readFileSync(reportFile, 'utf8')) as RosterReport;
      if (lastLine !== `objective=${r.objective} feasible=${r.feasible}`) throw new Error(`${name}: last line ${JSON.stringify(lastLine)} does not match the report`);
      if (r.disagreement) disagreements++;
      if (r.elapsedMs > opts.timeLimitSec * 1000 * 1.05 + 500) overruns.push(`${n} (${fmt(r.elapsedMs / 1000)} s)`);
      reports.push(r);
    }
    if (failed) {
      rows.push(`| ${n} | | error | ${best} | | | | | | ${failed} |`);
      infeasible++;
      continue;
    }
    const r = reports[0]!;
    const sum = summariseRuns(reports.map((x) => ({ objective: x.objective, feasible: x.feasible, violations: x.hardViolations.length })));
    const gap = sum.objective === null ? null : ((sum.objective - best) / best) * 100;
    if (gap !== null) gaps.push({ n, gap });
    else infeasible++;
    const disagreeing = reports.filter((x) => x.disagreement);
    const check = disagreeing.length ? disagreeing.map((x) => `engine hard=${x.engine.hard} soft=${x.engine.soft}`).join('; ') : 'ok';
    const toBest = median(reports.map((x) => x.timeToBestMs));
    const moves = median(reports.map((x) => x.iterations));
    const rss = Math.max(...reports.map((x) => x.peakRssKiB));
    rows.push(
      `| ${n} | ${r.employees}×${r.days}×${r.shiftTypes} | ${sum.objectiveCell} | ${best} | ${gap === null ? '—' : fmt(gap, 2)} | ${sum.feasibleCell} | ${fmt(toBest / 1000)} | ${fmt(moves / 1e6)} | ${fmt(rss / 1024, 0)} | ${check} |`,
    );
  }

  const mean = (from: number, to: number): string => {
    const g = gaps.filter((x) => x.n >= from && x.n <= to);
    const asked = opts.instances.filter((n) => n >= from && n <= to).length;
    if (asked === 0) return `instances ${from}–${to}: not run`;
    if (g.length === 0) return `instances ${from}–${to}: no feasible roster`;
    return `instances ${from}–${to}: mean gap ${fmt(g.reduce((s, x) => s + x.gap, 0) / g.length, 2)} % over ${g.length} feasible of ${asked}`;
  };
  const lines = [
    opts.runs === 1
      ? `NRP benchmark, time limit ${opts.timeLimitSec} s per instance, seed ${opts.seed}, node ${process.version}, ${os.cpus().length} cores`
      : `NRP benchmark, time limit ${opts.timeLimitSec} s per instance, ${opts.runs} runs (seeds ${opts.seed}–${opts.seed + opts.runs - 1}; median objective, range, gap of the median, median time to best, median moves of the search, largest peak RSS), node ${process.version}, ${os.cpus().length} cores`,
    '',
    '| inst | size (E×D×S) | objective | best known | gap % | feasible | time to best (s) | moves (M) | peak RSS (MiB) | engine vs evaluator |',
    '|---:|---|---:|---:|---:|---|---:|---:|---:|---|',
    ...rows,
    '',
    `- ${mean(1, 12)}`,
    `- ${mean(13, 24)}`,
    `- ${opts.runs === 1 ? 'infeasible or failed' : 'instances with no feasible run, or failed'}: ${infeasible}; engine/evaluator disagreements: ${disagreements}`,
    `- solver time over the limit: ${overruns.length === 0 ? 'none' : overruns.join(', ')}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

if (require.main === module) void main();
