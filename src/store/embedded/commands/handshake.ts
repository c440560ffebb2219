// Connection handshake and server-information commands. `hello` deliberately carries no
// topologyVersion: without it the driver monitors by polling instead of long-polling
// "awaitable hello", which this server does not implement.
import type { Document } from 'mongodb';
import type { CommandContext, CommandHandler } from './context';

/** MongoDB 7.0's wire version; driver 7.8 accepts 9..29. */
export const MAX_WIRE_VERSION = 21;
export const SERVER_VERSION = '7.0.0';

function hello(_cmd: Document, ctx: CommandContext): Document {
  return {
    helloOk: true,
    ismaster: true,
    isWritablePrimary: true,
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    // Sessions exist (the driver sends lsid), but as a standalone no retryable writes or
    // transactions: the driver decides that from the absent setName/msg fields.
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  };
}

export const handshakeCommands: Record<string, CommandHandler> = {
  hello,
  ismaster: hello,
  isMaster: hello,
  ping: () => ({ ok: 1 }),
  buildInfo: () => ({
    version: SERVER_VERSION,
    gitVersion: 'embedded',
    versionArray: [7, 0, 0, 0],
    bits: 64,
    debug: false,
    maxBsonObjectSize: 16 * 1024 * 1024,
    storageEngines: ['embedded'],
    modules: [],
    ok: 1,
  }),
  buildinfo: (c, x) => handshakeCommands.buildInfo(c, x),
  getParameter: (cmd) => {
    const out: Document = { ok: 1 };
    if (cmd.featureCompatibilityVersion || cmd.getParameter === '*') out.featureCompatibilityVersion = { version: '7.0' };
    return out;
  },
  hostInfo: () => ({ system: { hostname: 'embedded', currentTime: new Date() }, os: { type: process.platform }, extra: {}, ok: 1 }),
  whatsmyuri: () => ({ you: '127.0.0.1', ok: 1 }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  endSessions: () => ({ ok: 1 }),
  killSessions: () => ({ ok: 1 }),
  killAllSessions: () => ({ ok: 1 }),
  refreshSessions: () => ({ ok: 1 }),
  getLastError: () => ({ n: 0, err: null, ok: 1 }),
  serverStatus: (_cmd, ctx) => ({
    host: 'embedded',
    version: SERVER_VERSION,
    process: 'embedded',
    uptime: process.uptime(),
    localTime: new Date(),
    connections: { current: 0 },
    metrics: { cursor: { open: { total: ctx.cursors.openCount } } },
    ok: 1,
  }),
};
