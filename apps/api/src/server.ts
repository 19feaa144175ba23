import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from 'pino';
import type { GraphQLSchema } from 'graphql';
import { LIMITS, type ErrorCode } from '@gatehouse/shared';
import type { Config } from './config';
import { buildContext, type Context } from './context';
import { busyError, isPoolBusy } from './db/pool-busy';
import { createFormatError, internalErrorLogging } from './common/format-error';
import { queryCostPlugin, queryShapeRules, QUERY_LIMITS } from './common/query-limits';
import type { Services } from './services';
import { accessEpochPlugin } from './modules/access/access-epoch';
import { auditCsvHandler } from './modules/audit/audit.csv';
import { requestLogging } from './common/request-log';
import { refuseMalformedPaths } from './common/request-path';
import { securityHeaders } from './common/security-headers';
import { InFlight } from './common/in-flight';
import { compiledExecution } from './common/compiled-execution';
import { expressHttpServer } from './common/express-http-server';
import { UNSUBSCRIBE_PATH } from './modules/email/email-outbox';
import { unsubscribeHandlers } from './modules/email/unsubscribe.route';
import { SCIM_PATH, scimRouter } from './modules/scim/scim.router';
import { attachSubscriptions } from './modules/events/subscriptions.server';

export interface ServerDeps {
  config: Config;
  schema: GraphQLSchema;
  services: Services;
  log: Logger;
}

export interface RunningServer {
  httpServer: http.Server;
  /** The port actually bound (useful when asked for port 0). */
  port: number;
  /**
   * Stops taking requests, lets in-flight ones finish (drain), then resolves once every handler
   * that was still running has finished, so that the caller may close the database.
   */
  stop(): Promise<void>;
}

/** The paths the API owns; everything else that is a GET is the SPA's (history fallback). */
const API_PATHS = ['/graphql', '/healthz', '/auth', '/export', SCIM_PATH, UNSUBSCRIBE_PATH];
const isApiPath = (p: string) => API_PATHS.some((api) => p === api || p.startsWith(`${api}/`));

/** A GraphQL-shaped error for failures that happen before GraphQL runs (bad JSON, huge body). */
function graphqlError(status: number, code: ErrorCode, reason: string, message: string) {
  return { status, body: { errors: [{ message, extensions: { code, reason } }] } };
}

const bodyErrors: ErrorRequestHandler = (err: { type?: string; status?: number }, _req, res, next) => {
  const failure =
    err.type === 'entity.parse.failed'
      ? graphqlError(400, 'BAD_USER_INPUT', 'MALFORMED_JSON', 'The request body is not valid JSON.')
      : err.type === 'entity.too.large'
        ? graphqlError(
            413,
            'BAD_USER_INPUT',
            'REQUEST_TOO_LARGE',
            `The request body is larger than ${LIMITS.maxRequestBytes} bytes.`,
          )
        : err.status !== undefined && err.status >= 400 && err.status < 500
          ? graphqlError(err.status, 'BAD_USER_INPUT', 'BAD_REQUEST', 'The request could not be read.')
          : null;
  if (!failure) {
    next(err);
    return;
  }
  res.status(failure.status).json(failure.body);
};

/**
 * Builds the one-port HTTP server: `/healthz`, `/graphql` and the built SPA with history fallback.
 * Tests call this with port 0; `main.ts` calls it with the configured port.
 */
export async function startServer(deps: ServerDeps, port: number, host: string): Promise<RunningServer> {
  const { config, schema, services, log } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  // res.send would hash every answer for an ETag; API answers are no-store, so nobody revalidates
  // them. (The SPA's static files keep theirs: serve-static sets its own.)
  app.set('etag', false);
  const httpServer = expressHttpServer(app);

  const execution = compiledExecution<Context>(schema);
  const apollo = new ApolloServer<Context>({
    // Executed by graphql-jit (common/compiled-execution.ts); Apollo takes a custom executor only as a gateway.
    gateway: execution.gateway,
    stringifyResult: execution.stringifyResult,
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
    formatError: createFormatError(),
    // What one request may ask for (common/query-limits.ts): tokens at parse, aliases and depth
    // in validation, fields and cost once the operation and its variables are known.
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    validationRules: queryShapeRules(),
    logger: log.child({ component: 'apollo' }),
    // main.ts owns SIGTERM / SIGINT and calls stop() itself. Apollo's own handlers (on outside
    // NODE_ENV=test) raced it: its stop() and ours each waited on the other, and every shutdown
    // in production ran into the grace period.
    stopOnTerminationSignals: false,
    // Idle keep-alive sockets are closed at once; busy ones get 5 s (within main.ts's 10 s limit).
    // Answers are per viewer and must never be cached by HTTP intermediaries, so the cache-control
    // plugin (on by default) has nothing to do — and it wraps every field resolver to do it.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5000 }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      accessEpochPlugin,
      internalErrorLogging<Context>(log),
      queryCostPlugin<Context>(),
    ],
  });
  await apollo.start();
  // The handlers that use the database, counted until they settle (see InFlight).
  const inFlight = new InFlight();
  const tracked =
    (handler: (...args: Parameters<RequestHandler>) => unknown): RequestHandler =>
    (req, res, next) =>
      inFlight.track(Promise.resolve(handler(req, res, next))).catch(next);

  app.use(requestLogging(app, log));
  app.use(securityHeaders(isApiPath));
  app.use(refuseMalformedPaths);

  app.get('/healthz', tracked(async (_req, res) => {
    try {
      await services.db.dataSource.query('SELECT 1');
      res.status(200).json({ status: 'ok' });
    } catch (error) {
      log.warn({ err: error }, 'health check: database did not answer');
      res.status(503).json({ status: 'unavailable' });
    }
  }));

  app.get('/export/audit.csv', tracked(auditCsvHandler(services)));
  app.get('/auth/oidc/start', tracked((req, res) => services.sso.start(req, res)));
  app.get('/auth/oidc/callback', tracked((req, res) => services.sso.callback(req, res)));
  // One-click unsubscribe from an email kind (SPEC §18, RFC 8058): GET asks, POST switches it off.
  const unsubscribe = unsubscribeHandlers(services.email);
  app.get(UNSUBSCRIBE_PATH, tracked(unsubscribe.get));
  app.post(UNSUBSCRIBE_PATH, tracked(unsubscribe.post));
  // SCIM 2.0 provisioning (SPEC §19): its own JSON parsing and SCIM error objects.
  app.use(SCIM_PATH, scimRouter(services, config.publicUrl, log, tracked));

  app.use(
    '/graphql',
    express.json({ limit: LIMITS.maxRequestBytes }),
    bodyErrors,
    // Non-JSON bodies leave req.body unset; an empty object lets Apollo's CSRF check answer them.
    // Every answer is for one viewer: nothing on the way may keep a copy.
    ((req, res, next) => {
      req.body ??= {};
      res.setHeader('Cache-Control', 'no-store');
      next();
    }) satisfies RequestHandler,
    tracked(
      expressMiddleware(apollo, {
        context: ({ req, res }) =>
          buildContext(services, req, res).catch((error: unknown) => {
            throw isPoolBusy(error) ? busyError() : error;
          }),
      }),
    ),
  );

  if (config.webDist && fs.existsSync(path.join(config.webDist, 'index.html'))) {
    const webDist = config.webDist;
    // Hashed assets are immutable; index.html must always be revalidated to pick up new builds.
    // A missing asset is a 404, not index.html: a stale tab after a deploy then fails cleanly.
    app.use('/assets', express.static(path.join(webDist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
    app.use(express.static(webDist, { index: false, maxAge: 0 }));
    app.get(/.*/, (req, res, next) => {
      if (isApiPath(req.path)) {
        next();
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(webDist, 'index.html'));
    });
  } else if (config.webDist) {
    log.warn({ webDist: config.webDist }, 'the web app is not built; only the API is served');
  }

  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found' });
  });
  const finalHandler: ErrorRequestHandler = (err: { status?: number }, req, res, _next) => {
    if (res.headersSent) return;
    if (err.status !== undefined && err.status >= 400 && err.status < 500) {
      res.status(err.status).json({ error: err.status === 404 ? 'Not found' : 'Bad request' });
      return;
    }
    req.log.error({ err }, 'request failed');
    res.status(500).json({ error: 'Something went wrong on our side.' });
  };
  app.use(finalHandler);

  // Live updates (SPEC §17): GraphQL subscriptions over WebSocket on the same port and path.
  const subscriptions = attachSubscriptions(httpServer, { config, schema, services, log, inFlight });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;

  return {
    httpServer,
    port: boundPort,
    stop: async () => {
      // WebSockets first: an upgraded socket would keep the HTTP server's drain waiting.
      await subscriptions.stop();
      await apollo.stop();
      await inFlight.idle();
    },
  };
}
