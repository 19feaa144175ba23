import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'http' {
  interface IncomingMessage {
    /** The request id: the caller's X-Request-Id when it is sane, else a fresh UUID. */
    id: string;
    /** A logger that stamps every line with the request id (made on first use). */
    log: Logger;
  }
}

const SANE_ID = /^[\w.-]{1,100}$/;

/**
 * Request ids and one log line per request (method, path, status, time — never headers, which
 * carry credentials). What pino-http did, minus its per-request child logger: the child is made
 * only when something logs for this request, and the closing line is built only when its level
 * is enabled. On the hot path that was a measurable share of each request (docs/performance.md).
 */
export function requestLogging(log: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    req.id = id;
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', { configurable: true, get: () => (child ??= log.child({ reqId: id })) });
    if (req.url === '/healthz') {
      next();
      return;
    }
    const started = performance.now();
    res.once('close', () => {
      const finished = res.writableFinished;
      const level = !finished ? 'warn' : res.statusCode >= 500 ? 'error' : 'info';
      if (!log.isLevelEnabled(level)) return;
      const line = { reqId: id, req: { method: req.method, url: req.originalUrl }, res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - started) };
      log[level](line, finished ? 'request completed' : 'request aborted');
    });
    next();
  };
}
