// npm run bench:domain — how long listing people takes on the demo district, and how many store
// operations it costs, for an installation-wide ORG_ADMIN, a street-scoped ORG_ADMIN and a
// community secretary. Runs the GraphQL operation in-process (schema + resolvers + services +
// store, no HTTP) so the figures are about the domain layer and the store, not the network.
// Store: MONGODB_URI if set, else an in-memory embedded store. Prints a table; asserts nothing.
import { graphql } from 'graphql';
import mongoose from 'mongoose';
import pino from 'pino';
import { openStore } from '../src/store/connection';
import { buildSchema } from '../src/graphql/schema';
import { buildContext } from '../src/graphql/context';
import type { Caller } from '../src/auth/caller';
import { demoScenario } from '../scripts/seed/demoScenario';
import { loadScenario } from '../scripts/seed/loadScenario';
import { RegionModel } from '../src/store/models/Region';
import { UnitModel } from '../src/store/models/Unit';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);
const QUERY = `query($n: Int) { people(first: $n) { totalCount edges { node { name mobile residentId
  homeUnit { name region { name } } homeRegion { name parent { name } } } } } }`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const log = pino({ level: 'warn' });
  const dbName = `bench_domain_${Date.now().toString(36)}`;
  const store = await openStore({ mongodbUri: process.env.MONGODB_URI, dbName, dataDir: null, log });
  try {
    const t0 = performance.now();
    await loadScenario(demoScenario());
    console.log(`demo scenario loaded in ${(performance.now() - t0).toFixed(0)} ms (${store.kind} store)`);
    const schema = buildSchema();
    const town = await RegionModel.findOne({ code: 'JA-T1' }).lean();
    const committee = await UnitModel.findOne({ code: 'JA-T1-C1-CC' }).lean();
    const callers: [string, Caller][] = [
      ['ORG_ADMIN (installation)', { role: 'ORG_ADMIN' }],
      ['ORG_ADMIN (street JA-T1)', { role: 'ORG_ADMIN', regionId: town!._id.toHexString() }],
      ['UNIT_MANAGER (community)', { role: 'UNIT_MANAGER', unitId: committee!._id.toHexString() }],
    ];
    console.log(`\npeople(first: N) with unit, unit region, home region and its parent; ${ITERATIONS} runs each`);
    console.log('caller                      N    rows  store ops   median ms   p95 ms');
    for (const [label, caller] of callers) {
      for (const n of [10, 100]) {
        const times: number[] = [];
        let ops = 0;
        let rows = 0;
        for (let i = 0; i < ITERATIONS; i++) {
          let count = 0;
          mongoose.set('debug', () => void count++);
          const ctx = buildContext({ requestId: `bench-${i}`, locale: 'en', caller, log });
          const s = performance.now();
          const res = await graphql({ schema, source: QUERY, variableValues: { n }, contextValue: ctx });
          times.push(performance.now() - s);
          mongoose.set('debug', false);
          if (res.errors) throw new Error(JSON.stringify(res.errors));
          ops = count;
          rows = (res.data as { people: { edges: unknown[] } }).people.edges.length;
        }
        times.sort((a, b) => a - b);
        console.log(
          `${label.padEnd(26)} ${String(n).padStart(3)} ${String(rows).padStart(6)} ${String(ops).padStart(10)} ${percentile(times, 50).toFixed(1).padStart(11)} ${percentile(times, 95).toFixed(1).padStart(8)}`,
        );
      }
    }
    await mongoose.connection.dropDatabase();
  } finally {
    await store.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
