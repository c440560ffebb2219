import { solve } from './src/scheduler';
import { readNrpFile } from './src/scheduler/nrp/parse';
import { toProblem } from './src/scheduler/nrp/toProblem';
const [i, secs, seed] = process.argv.slice(2);
const P = toProblem(readNrpFile(`/work/shared/benchmarks/nrp/Instance${i}.txt`));
solve(P, { timeLimitMs: Number(secs) * 1000, seed: Number(seed) }).then((r) => {
  console.log(`I${i} seed${seed} soft=${r.score.soft} hard=${r.score.hard} it=${r.stats.iterations}`);
});
