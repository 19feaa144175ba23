import { randomUUID } from 'node:crypto';
import type { Express, Request, RequestHandler } from 'express';
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
/** Where a request keeps its child logger once something has logged for it. */
const CHILD = Symbol('requestLogger');

/**
 * Request ids and one log line per request (method, path, status, time — never headers, which
 * carry credentials). What pino-http did, minus its per-request child logger: the child is made
 * only when something logs for this request, and the closing line is built only when its level
 * is enabled. On the hot path that was a measurable share of each request (docs/performance.md).
 *
 * `req.log` is a getter on the app's request prototype, defined once: defined on each request, it
 * was a new closure per request, and V8 gives an object carrying its own accessor a hidden class
 * of its own, which kept the request's state alive past the next scavenge (docs/performance.md,
 * "Garbage collection and the tail").
 */
export function requestLogging(app: Express, log: Logger): RequestHandler {
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: Request & { [CHILD]?: Logger }): Logger {
      return (this[CHILD] ??= log.child({ reqId: this.id }));
    },
  });
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    req.id = id;
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
