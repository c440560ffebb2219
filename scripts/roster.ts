/**
 * npm run roster -- --nrp <file> --time-limit <seconds> [--seed <n>] --out <file> [--report-json <file>]
 *
 * Solves one benchmark instance with the engine and writes the roster in the verification format.
 * The roster is then scored by the independent evaluator (src/scheduler/nrp/evaluate.ts), not by
 * the engine, and the LAST line on stdout is `objective=<n> feasible=<true|false>`. Progress goes
 * to stderr. Bad arguments: a message on stderr and exit code 2; an unreadable or malformed
 * instance: exit code 1.
 *
 * `--report-json` writes the figures `bench:nrp` collects (time to best, peak memory, the engine's
 * own score for cross-checking); bench/nrp.ts runs this script once per instance in a child process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { solve, type SolveProgress } from '../src/scheduler';
import { evaluateNrp, type NrpEvaluation } from '../src/scheduler/nrp/evaluate';
import { writeRosterFile } from '../src/scheduler/nrp/format';
import { rosterToNrp } from '../src/scheduler/nrp/fromRoster';
import { readNrpFile } from '../src/scheduler/nrp/parse';
import { toProblem } from '../src/scheduler/nrp/toProblem';

export interface RosterCliOptions {
  nrp: string;
  timeLimitSec: number;
  seed: number;
  out: string;
  reportJson?: string;
}

/** A bad command line; `main` prints it with the usage and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}

export const USAGE = 'usage: npm run roster -- --nrp <instance file> --time-limit <seconds> [--seed <n>] --out <roster file> [--report-json <file>]';

export function parseRosterArgs(argv: string[]): RosterCliOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        nrp: { type: 'string' },
        'time-limit': { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        'report-json': { type: 'string' },
      },
    }) as { values: Record<string, string | undefined> });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new UsageError(reason, `参数无法识别：${reason}`);
  }
  const required = (name: string): string => {
    const v = values[name];
    if (v === undefined || v === '') throw new UsageError(`--${name} is required`, `缺少必填参数 --${name}`);
    return v;
  };
  const nrp = required('nrp');
  const limitRaw = required('time-limit');
  const timeLimitSec = Number(limitRaw);
  if (!/^\d+(\.\d+)?$/.test(limitRaw) || !(timeLimitSec > 0)) {
    throw new UsageError(`--time-limit must be a positive number of seconds, got ${JSON.stringify(limitRaw)}`, `--time-limit 必须是正的秒数，实际为 ${JSON.stringify(limitRaw)}`);
  }
  const seedRaw = values.seed ?? '1';
  if (!/^\d+$/.test(seedRaw) || !Number.isSafeInteger(Number(seedRaw))) {
    throw new UsageError(`--seed must be a non-negative integer, got ${JSON.stringify(seedRaw)}`, `--seed 必须是非负整数，实际为 ${JSON.stringify(seedRaw)}`);
  }
  const out = required('out');
  return { nrp, timeLimitSec, seed: Number(seedRaw), out, ...(values['report-json'] ? { reportJson: values['report-json'] } : {}) };
}

/** What one run measured; written by `--report-json` and read by bench/nrp.ts. */
export interface RosterReport {
  instance: string;
  employees: number;
  days: number;
  shiftTypes: number;
  seed: number;
  timeLimitSec: number;
  /** From the independent evaluator. */
  objective: number;
  feasible: boolean;
  parts: NrpEvaluation['parts'];
  hardViolations: NrpEvaluation['hardViolations'];
  /** The engine's own view of the same roster, for cross-checking. */
  engine: { hard: number; soft: number; feasible: boolean };
  /** Engine and evaluator disagree (feasibility, or soft score ≠ objective). */
  disagreement: boolean;
  elapsedMs: number;
  /** When the best roster was first reached, from the start of the solve (the engine's own figure). */
  timeToBestMs: number;
  /** First progress report with no hard violation, or null if none came. */
  timeToFeasibleMs: number | null;
  iterations: number;
  /** Moves the DP helper on the second core made and the search scored (0 when it did not run). */
  helperMoves: number;
  /** Peak resident set size of this process (KiB). */
  peakRssKiB: number;
}


export async function runRoster(opts: RosterCliOptions, log: (line: string) => void = () => {}, signal?: AbortSignal): Promise<RosterReport> {
  const instance = readNrpFile(opts.nrp);
  const problem = toProblem(instance);
  log(`${instance.name}: ${instance.staff.length} employees × ${instance.horizon} days × ${instance.shifts.length} shift types; time limit ${opts.timeLimitSec} s, seed ${opts.seed}`);

  let timeToFeasibleMs: number | null = null;
  let lastLog = -Infinity;
  const onProgress = (p: SolveProgress): void => {
    if (timeToFeasibleMs === null && p.bestScore.hard === 0) timeToFeasibleMs = p.elapsedMs;
    if (p.elapsedMs - lastLog >= 1000) {
      lastLog = p.elapsedMs;
      log(`  ${(p.elapsedMs / 1000).toFixed(1)} s  ${p.phase}  hard=${p.bestScore.hard} soft=${p.bestScore.soft}`);
    }
  };
  const result = await solve(problem, { timeLimitMs: opts.timeLimitSec * 1000, seed: opts.seed, onProgress, ...(signal ? { signal } : {}) });
  if (result.stats.cancelled) log('  interrupted: keeping the best roster found so far');
  if (timeToFeasibleMs === null && result.score.hard === 0) timeToFeasibleMs = result.stats.timeToBestMs;

  const roster = rosterToNrp(instance, problem, result.roster);
  writeRosterFile(instance, roster, opts.out);
  const ev = evaluateNrp(instance, roster);
  const disagreement = ev.feasible !== result.feasible || (ev.feasible && result.score.soft !== ev.objective);
  return {
    instance: instance.name,
    employees: instance.staff.length,
    days: instance.horizon,
    shiftTypes: instance.shifts.length,
    seed: opts.seed,
    timeLimitSec: opts.timeLimitSec,
    objective: ev.objective,
    feasible: ev.feasible,
    parts: ev.parts,
    hardViolations: ev.hardViolations,
    engine: { hard: result.score.hard, soft: result.score.soft, feasible: result.feasible },
    disagreement,
    elapsedMs: result.stats.elapsedMs,
    timeToBestMs: result.stats.timeToBestMs,
    timeToFeasibleMs,
    iterations: result.stats.iterations,
    helperMoves: result.stats.helperMoves ?? 0,
    peakRssKiB: peakRssKiB(),
  };
}

/** Peak RSS in KiB: VmHWM where /proc exists, else resourceUsage().maxRSS (KiB on Linux and macOS). */
export function peakRssKiB(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // no procfs: fall through
  }
  return process.resourceUsage().maxRSS;
}

async function main(): Promise<void> {
  let opts: RosterCliOptions;
  try {
    opts = parseRosterArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`roster: ${err.message}\nroster：${err.messageZh}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
  try {
    // Ctrl-C stops the search early; the best roster so far is still written and evaluated.
    const abort = new AbortController();
    process.once('SIGINT', () => abort.abort());
    const report = await runRoster(opts, (line) => process.stderr.write(line + '\n'), abort.signal);
    for (const v of report.hardViolations.slice(0, 10)) process.stdout.write(`hard violation (rule ${v.rule}): ${v.detail}\n`);
    if (report.hardViolations.length > 10) process.stdout.write(`… and ${report.hardViolations.length - 10} more hard violations\n`);
    if (report.disagreement) {
      process.stdout.write(`warning: engine score (hard=${report.engine.hard} soft=${report.engine.soft}) disagrees with the evaluator (objective=${report.objective} feasible=${report.feasible})\n`);
    }
    process.stdout.write(`cover=${report.parts.cover} requests=${report.parts.requests} time_to_best=${(report.timeToBestMs / 1000).toFixed(1)}s roster written to ${opts.out}\n`);
    if (opts.reportJson) writeFileSync(opts.reportJson, JSON.stringify(report) + '\n');
    process.stdout.write(`objective=${report.objective} feasible=${report.feasible}\n`);
  } catch (err) {
    process.stderr.write(`roster: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
