/**
 * npm run bench:scale [-- --scale district|province] [--time-limit <seconds>] [--seed <n>]
 *
 * Generates a realistic problem (src/scheduler/generate) and solves it once, printing: problem
 * size, generation time, time to the first roster with no hard violation, time to converge (the
 * last improvement of the best score), the final score with one line per constraint, the fairness
 * spread (minutes worked − target, from the engine's explanation) and the peak RSS of the process.
 * The hard rules of the final roster are re-checked by src/scheduler/generate/hardCheck.ts.
 * Targets (issue 4): district no hard violation within 10 s; province within 120 s under 4 GiB.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { solve, type Score, type SolveProgress } from '../src/scheduler';
import { betterScore } from '../src/scheduler/score';
import { generateDistrict, generateProvince } from '../src/scheduler/generate';
import { checkHardRules } from '../src/scheduler/generate/hardCheck';

const USAGE = 'usage: npm run bench:scale [-- --scale district|province] [--time-limit <seconds>] [--seed <n>]';

function peakRssMiB(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // no procfs
  }
  return process.resourceUsage().maxRSS / 1024;
}

const sec = (ms: number | null): string => (ms === null ? 'never' : `${(ms / 1000).toFixed(2)} s`);

async function main(): Promise<void> {
  let scale: 'district' | 'province';
  let timeLimitSec: number;
  let seed: number;
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), strict: true, options: { scale: { type: 'string' }, 'time-limit': { type: 'string' }, seed: { type: 'string' } } });
    const s = values.scale ?? 'district';
    if (s !== 'district' && s !== 'province') throw new Error(`--scale must be district or province, got ${JSON.stringify(s)}`);
    scale = s;
    timeLimitSec = Number(values['time-limit'] ?? (scale === 'district' ? 30 : 120));
    if (!(timeLimitSec > 0)) throw new Error('--time-limit must be a positive number of seconds');
    seed = Number(values.seed ?? '1');
    if (!Number.isSafeInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  } catch (err) {
    process.stderr.write(`bench:scale: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }

  const t0 = performance.now();
  const generated = scale === 'district' ? generateDistrict(seed) : generateProvince(seed);
  const genMs = performance.now() - t0;
  const { problem } = generated;
  const rssAfterGen = peakRssMiB();

  let best: Score | null = null;
  let lastImprovementMs = 0;
  let firstFeasibleMs: number | null = null;
  let lastLog = -Infinity;
  const onProgress = (p: SolveProgress): void => {
    if (best === null || betterScore(p.bestScore, best)) {
      best = p.bestScore;
      lastImprovementMs = p.elapsedMs;
    }
    if (firstFeasibleMs === null && p.bestScore.hard === 0) firstFeasibleMs = p.elapsedMs;
    if (p.elapsedMs - lastLog >= 2000) {
      lastLog = p.elapsedMs;
      process.stderr.write(`  ${(p.elapsedMs / 1000).toFixed(1)} s  ${p.phase}  hard=${p.bestScore.hard} soft=${p.bestScore.soft}\n`);
    }
  };
  const result = await solve(problem, { timeLimitMs: timeLimitSec * 1000, seed, onProgress });
  if (firstFeasibleMs === null && result.score.hard === 0) firstFeasibleMs = result.stats.timeToBestMs;
  if (best === null || betterScore(result.score, best)) lastImprovementMs = result.stats.timeToBestMs;

  // Referee: the hard rules re-checked independently of the engine's scoring.
  const check = checkHardRules(problem, result.roster);
  const checkText = check.findings.length === 0 ? 'no hard violation' : Object.entries(check.byRule).map(([r, n]) => `${r} ${n}`).join(', ');
  const agree = (check.findings.length === 0) === result.feasible;
  const demandShifts = problem.shifts.reduce((s, x) => s + x.headcount, 0);
  const fair = result.explanation.fairness;
  const loads = result.explanation.people.filter((p) => p.deviationMinutes !== null).map((p) => p.deviationMinutes!);
  const lines = [
    `bench:scale ${scale}, seed ${seed}, time limit ${timeLimitSec} s, node ${process.version}, ${os.cpus().length} cores`,
    '',
    '| measure | value |',
    '|---|---|',
    `| people / sites / shifts | ${problem.people.length} / ${generated.sites.length} / ${problem.shifts.length} (${demandShifts} person-shifts wanted, ${days(problem.calendar.days)}) |`,
    `| generation | ${sec(genMs)} (peak RSS so far ${rssAfterGen.toFixed(0)} MiB) |`,
    `| first roster with no hard violation | ${sec(firstFeasibleMs)} |`,
    `| time to converge (last improvement) | ${sec(lastImprovementMs)} of ${sec(result.stats.elapsedMs)}, ${result.stats.iterations} iterations |`,
    `| final score | hard ${result.score.hard}, soft ${result.score.soft}${result.feasible ? '' : ' (INFEASIBLE)'} |`,
    `| fairness (worked − target minutes) | spread ${fair.spreadMinutes}, std dev ${fair.stdDevMinutes.toFixed(1)}, within ±8 h: ${pct(loads.filter((d) => Math.abs(d) <= 480).length, loads.length)} |`,
    `| independent hard-rule check | ${checkText}${agree ? '' : ' — DISAGREES with the engine'} |`,
    `| assignments | ${result.roster.assignments.length} |`,
    `| peak RSS | ${peakRssMiB().toFixed(0)} MiB |`,
    '',
    '| constraint | kind | cost |',
    '|---|---|---:|',
    ...result.score.parts.filter((p) => p.cost !== 0 || p.hard).map((p) => `| ${p.constraint} | ${p.hard ? 'hard' : 'soft'} | ${p.cost} |`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

const days = (n: number): string => `${n} days`;
const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);

if (require.main === module) void main();
