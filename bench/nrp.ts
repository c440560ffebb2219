/**
 * npm run bench:nrp -- --time-limit <seconds> [--instances 1-24] [--seed <n>] [--out-dir <dir>]
 *
 * Runs the engine on the Curtois & Qu instances, one child process per instance (scripts/roster.ts)
 * so the peak memory reported is that instance's own, and prints a markdown table: size, the
 * objective and feasibility from the independent evaluator, best known, gap, time to best, peak
 * RSS, and whether the engine's own score agrees with the evaluator. Then the mean gap over the
 * feasible instances among 1–12 and among 13–24. Rosters and per-instance JSON reports are kept in
 * --out-dir (default: a fresh temp folder, printed).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { locateNrpDir } from '../src/scheduler/nrp/locate';
import type { RosterReport } from '../scripts/roster';

const repoRoot = path.resolve(__dirname, '..');
const USAGE = 'usage: npm run bench:nrp -- --time-limit <seconds> [--instances 1-24|1,3,5-7] [--seed <n>] [--out-dir <dir>]';

interface BenchOptions {
  timeLimitSec: number;
  instances: number[];
  seed: number;
  outDir: string;
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
    options: { 'time-limit': { type: 'string' }, instances: { type: 'string' }, seed: { type: 'string' }, 'out-dir': { type: 'string' } },
  });
  const timeLimitSec = Number(values['time-limit']);
  if (!values['time-limit'] || !(timeLimitSec > 0)) throw new Error('--time-limit must be a positive number of seconds');
  const seed = Number(values.seed ?? '1');
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  const outDir = values['out-dir'] ? path.resolve(values['out-dir']) : mkdtempSync(path.join(os.tmpdir(), 'bench-nrp-'));
  mkdirSync(outDir, { recursive: true });
  return { timeLimitSec, instances: parseInstanceList(values.instances ?? '1-24'), seed, outDir };
}

function readBestKnown(nrpDir: string): Map<string, number> {
  const lines = readFileSync(path.join(nrpDir, 'best_known.csv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const col = header.indexOf('best_known');
  return new Map(lines.slice(1).map((l) => l.split(',')).map((f) => [f[0]!, Number(f[col])]));
}

/** Run scripts/roster.ts for one instance in its own process; resolve with its report or an error text. */
function runChild(args: string[], prefix: string): Promise<{ code: number | null; lastLine: string; stderrTail: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/roster.ts'), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
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
  process.stderr.write(`bench:nrp: instances ${opts.instances.join(',')}, ${opts.timeLimitSec} s each, seed ${opts.seed}; rosters in ${opts.outDir}\n`);

  const rows: string[] = [];
  const gaps: { n: number; gap: number }[] = [];
  let infeasible = 0;
  let disagreements = 0;
  const overruns: string[] = [];
  for (const n of opts.instances) {
    const name = `Instance${n}`;
    const reportFile = path.join(opts.outDir, `${name}.json`);
    const { code, lastLine, stderrTail } = await runChild(
      ['--nrp', path.join(nrpDir, `${name}.txt`), '--time-limit', String(opts.timeLimitSec), '--seed', String(opts.seed), '--out', path.join(opts.outDir, `${name}.roster.txt`), '--report-json', reportFile],
      `[${n}]`,
    );
    const best = bestKnown.get(name)!;
    if (code !== 0) {
      rows.push(`| ${n} | | error | ${best} | | | | | exit ${code}: ${stderrTail.trim().split('\n').at(-1) ?? ''} |`);
      infeasible++;
      continue;
    }
    const r = JSON.parse(readFileSync(reportFile, 'utf8')) as RosterReport;
    if (lastLine !== `objective=${r.objective} feasible=${r.feasible}`) throw new Error(`${name}: last line ${JSON.stringify(lastLine)} does not match the report`);
    const gap = ((r.objective - best) / best) * 100;
    if (r.feasible) gaps.push({ n, gap });
    else infeasible++;
    if (r.disagreement) disagreements++;
    if (r.elapsedMs > opts.timeLimitSec * 1000 * 1.05 + 500) overruns.push(`${n} (${fmt(r.elapsedMs / 1000)} s)`);
    const check = r.disagreement ? `engine hard=${r.engine.hard} soft=${r.engine.soft}` : 'ok';
    rows.push(
      `| ${n} | ${r.employees}×${r.days}×${r.shiftTypes} | ${r.objective} | ${best} | ${r.feasible ? fmt(gap, 2) : '—'} | ${r.feasible ? 'yes' : `NO (${r.hardViolations.length})`} | ${fmt(r.timeToBestMs / 1000)} | ${fmt(r.peakRssKiB / 1024, 0)} | ${check} |`,
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
    `NRP benchmark, time limit ${opts.timeLimitSec} s per instance, seed ${opts.seed}, node ${process.version}, ${os.cpus().length} cores`,
    '',
    '| inst | size (E×D×S) | objective | best known | gap % | feasible | time to best (s) | peak RSS (MiB) | engine vs evaluator |',
    '|---:|---|---:|---:|---:|---|---:|---:|---|',
    ...rows,
    '',
    `- ${mean(1, 12)}`,
    `- ${mean(13, 24)}`,
    `- infeasible or failed: ${infeasible}; engine/evaluator disagreements: ${disagreements}`,
    `- solver time over the limit: ${overruns.length === 0 ? 'none' : overruns.join(', ')}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

if (require.main === module) void main();
