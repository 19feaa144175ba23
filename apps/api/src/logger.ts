import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { logDestination } from './log-destination';

/**
 * Structured JSON logs on standard output. Credentials never reach a log line: cookies,
 * authorization headers and anything called password or token are redacted wherever they appear,
 * and so are the values a failed statement was sent (TypeORM's QueryFailedError carries them): a
 * masked database error logs its SQL and the database's message, not people's data.
 * A log reader that dies or stalls never stops the server (log-destination.ts).
 */
export const LOG_REDACTION = {
  paths: [
    'req.headers.authorization',
    'req.headers.cookie',
    'res.headers["set-cookie"]',
    '*.password',
    '*.token',
    'variables.password',
    'err.parameters',
    'err.driverError.parameters',
  ],
  censor: '[redacted]',
};

export function createLogger(config: Pick<Config, 'logLevel' | 'nodeEnv'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'gatehouse' }, redact: LOG_REDACTION }, logDestination());
}
