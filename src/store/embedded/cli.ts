// Standalone embedded server: `npm run store:serve -- --port 27017 --data ./data/store`.
// Prints one line containing "listening" and the real port once connections are accepted
// (scripts and tests wait for it); SIGTERM/SIGINT flush, checkpoint and exit 0.
import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { startEmbeddedServer } from './index';

const USAGE = `Usage: npm run store:serve -- --data <dir> [--port <port>] [--host <address>]
       npm run store:serve -- --memory [--port <port>] [--host <address>]

Starts the embedded MongoDB-compatible server on its own.

  --data <dir>      keep data durably in <dir> (journal + snapshots; created if missing)
  --memory          keep data in memory only; it is lost when the server stops
  --port <port>     TCP port, 0 picks a free one (default 27017)
  --host <address>  address to listen on (default 127.0.0.1)
  -h, --help        show this help

Connect with mongodb://<host>:<port>/<database>. SIGTERM or Ctrl-C flushes and exits 0.`;

class UsageError extends Error {}

interface CliOptions {
  port: number;
  host: string;
  dataDir?: string;
}

function parse(argv: string[]): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: 'string' },
        memory: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return 'help';
  if (values.data !== undefined && values.memory) throw new UsageError('--data and --memory exclude each other: choose one');
  if (values.data === undefined && !values.memory) {
    throw new UsageError('--data <dir> is required (or pass --memory to keep data in memory only)');
  }
  if (values.data !== undefined && values.data.trim() === '') throw new UsageError('--data must be a directory path, got an empty string');
  let port = 27017;
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) {
      throw new UsageError(`--port must be an integer from 0 to 65535 (0 = any free port), got "${values.port}"`);
    }
    port = Number(values.port);
  }
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host must be an address such as 127.0.0.1, got an empty string');
  return { port, host, dataDir: values.data === undefined ? undefined : path.resolve(values.data) };
}

async function main(): Promise<void> {
  let opts: CliOptions | 'help';
  try {
    opts = parse(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`store:serve: ${e.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (opts === 'help') {
    process.stdout.write(USAGE + '\n');
    return;
  }

  let server: Awaited<ReturnType<typeof startEmbeddedServer>>;
  try {
    server = await startEmbeddedServer({ port: opts.port, host: opts.host, dataDir: opts.dataDir });
  } catch (e) {
    process.stderr.write(`store:serve: could not start: ${(e as Error).message}\n`);
    process.exit(1);
  }
  const where = opts.dataDir ? `data in ${opts.dataDir}` : 'in memory only, data is lost on exit';
  // The pid is the server's own: under tsx the npm/tsx process is only its parent, and tests
  // that simulate a crash must kill -9 this one.
  process.stdout.write(
    `embedded MongoDB-compatible server listening on ${server.host}:${server.port} (${where}, pid ${process.pid}) — ${server.uri}\n`,
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`store:serve: ${signal} again while shutting down, exiting without a final checkpoint\n`);
      process.exit(130); // the journal is still consistent: it was fsynced before every reply
    }
    stopping = true;
    process.stdout.write(`store:serve: ${signal} received, ${opts.dataDir ? 'flushing and checkpointing' : 'closing connections'}\n`);
    server.close().then(
      () => {
        process.stdout.write('store:serve: stopped cleanly\n');
        process.exit(0);
      },
      (e: Error) => {
        process.stderr.write(`store:serve: shutdown failed: ${e.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e: Error) => {
  process.stderr.write(`store:serve: ${e.stack ?? e.message}\n`);
  process.exit(1);
});
