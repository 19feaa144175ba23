import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { expressHttpServer } from './express-http-server';
import { requestLogging } from './request-log';

const servers: { close(cb: () => void): void }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

/** An app behind expressHttpServer with request logging into `lines`, listening on a free port. */
async function serve(route: express.RequestHandler) {
  const lines: { reqId?: string; msg: string }[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
      done();
    },
  });
  const app = express();
  app.use(requestLogging(app, pino({ level: 'info' }, out)));
  app.get('/probe', route);
  const server = expressHttpServer(app);
  const born: boolean[] = [];
  // Runs before Express sees the request: what Node built it as.
  server.prependListener('request', (req, res) => born.push(Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/probe`;
  return { app, url, lines, born };
}

describe('expressHttpServer', () => {
  it("builds requests and responses with the app's prototypes, and Express serves them as usual", async () => {
    const { url, born } = await serve((req, res) => {
      res.status(201).json({ path: req.path, query: req.query, host: req.get('host') });
    });
    const answers = await Promise.all([fetch(`${url}?a=1`), fetch(`${url}?a=2`)]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(await answers[1]!.json()).toMatchObject({ path: '/probe', query: { a: '2' } });
    expect(born).toEqual([true, true]);
  });
});

describe('requestLogging', () => {
  it("gives each request one child logger stamped with its own id, made only when it logs", async () => {
    const loggers: unknown[] = [];
    const { url, lines } = await serve((req, res) => {
      if (req.query['quiet'] === undefined) {
        loggers.push(req.log, req.log);
        req.log.info('from the handler');
      }
      res.end();
    });
    await fetch(url, { headers: { 'x-request-id': 'first-request' } });
    await fetch(url, { headers: { 'x-request-id': 'second-request' } });
    await fetch(`${url}?quiet`, { headers: { 'x-request-id': 'quiet-request' } });
    const fromHandler = lines.filter((l) => l.msg === 'from the handler').map((l) => l.reqId);
    expect(fromHandler).toEqual(['first-request', 'second-request']);
    // The same child for both reads within a request, a different one for the next request.
    expect(loggers[0]).toBe(loggers[1]);
    expect(loggers[2]).not.toBe(loggers[0]);
    // Every request still gets its closing line, with its id.
    expect(lines.filter((l) => l.msg === 'request completed').map((l) => l.reqId)).toEqual(['first-request', 'second-request', 'quiet-request']);
  });
});
