import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { logDestination } from './log-destination';

/**
 * Structured JSON logs on standard output. Credentials never reach a log line: cookies,
 * authorization headers and anything called password or token are redacted wherever they appear.
 * A log reader that dies or stalls never stops the server (log-destination.ts).
 */
export function createLogger(config: Pick<Config, 'logLevel' | 'nodeEnv'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'gatehouse' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        'variables.password',
      ],
      censor: '[redacted]',
    },
  }, logDestination());
}
