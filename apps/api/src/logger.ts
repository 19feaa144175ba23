import pino, { type Logger } from 'pino';
import type { Config } from './config';

/**
 * Structured JSON logs. Credentials never reach a log line: cookies, authorization headers and
 * anything called password or token are redacted wherever they appear.
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
  });
}
