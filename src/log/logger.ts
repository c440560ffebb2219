// Structured JSON logs (pino) on stdout. One root logger per process; requests and jobs log
// through children that carry their requestId / jobId.
import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config/config';

export type { Logger } from 'pino';

export function createLogger(level: LogLevel, name = 'duty-roster'): Logger {
  return pino({
    name,
    level,
    // Never let credentials reach the logs, whatever a caller decides to log.
    redact: { paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'token', 'jwtSecret'], censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
  });
}
