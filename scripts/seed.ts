// npm run seed -- --scenario demo
// Loads a scenario into the configured store with the same connection logic as the server
// (MONGODB_URI, else the embedded store in STORE_DATA_DIR). Idempotent and deterministic.
// With the embedded store, stop `npm start` first: one process owns the data directory.
import { loadConfig, ConfigError } from '../src/config/config';
import { createLogger } from '../src/log/logger';
import { openStore } from '../src/store/connection';
import { demoScenario, type Scenario } from './seed/demoScenario';
import { loadScenario } from './seed/loadScenario';

const SCENARIOS: Record<string, () => Scenario> = { demo: () => demoScenario() };

function scenarioArg(argv: string[]): string {
  const i = argv.indexOf('--scenario');
  const name = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--scenario='))?.split('=')[1];
  return name ?? 'demo';
}

async function main(): Promise<void> {
  const name = scenarioArg(process.argv.slice(2));
  const make = SCENARIOS[name];
  if (!make) {
    console.error(`Unknown scenario "${name}". Known: ${Object.keys(SCENARIOS).join(', ')}`);
    process.exit(2);
  }
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'seed');
  // Resident ID numbers are encrypted with the key the server derives too (PII_KEY, JWT_SECRET or
  // the development secret file: see services/people/residentIdVault.ts), so it can read them.
  const store = await openStore({ mongodbUri: config.mongodbUri, dbName: config.mongodbDb, dataDir: config.storeDataDir, log });
  try {
    const started = Date.now();
    const report = await loadScenario(make());
    console.log(`Scenario "${name}" loaded into ${store.kind === 'embedded' ? `the embedded store (${config.storeDataDir})` : 'MongoDB'} in ${Date.now() - started} ms`);
    for (const [coll, r] of Object.entries(report)) {
      console.log(`  ${coll.padEnd(12)} ${String(r.upserted).padStart(4)} created  ${String(r.modified).padStart(4)} updated  ${String(r.matched - r.modified).padStart(4)} unchanged`);
    }
  } finally {
    await store.close();
  }
}

main().catch((e) => {
  // Expected failures (bad configuration, the data directory held by a running server, an
  // unreachable MongoDB) explain themselves in the message; a stack trace would only bury it.
  console.error(`seed failed: ${e instanceof Error ? e.message : String(e)}`);
  if (!(e instanceof ConfigError) && process.env.LOG_LEVEL === 'debug') console.error(e);
  process.exit(1);
});
