import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request, Response } from 'express';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { LIMITS } from '@gatehouse/shared';
import type { Config } from '../../config';
import type { Context } from '../../context';
import type { InFlight } from '../../common/in-flight';
import { createFormatError } from '../../common/format-error';
import { measureOperation, queryShapeRules, QUERY_LIMITS } from '../../common/query-limits';
import { createLoaders } from '../../loaders';
import type { Services } from '../../services';
import { authenticate } from '../auth/authenticate';
import { subscribeShared } from './subscriptions.execute';
import { bindLive, CLOSE_UNAUTHORIZED, credentialRequest, LiveConnection, LiveHub, RECHECK_MS, type LiveCredential } from './subscriptions.live';

/** The one path GraphQL answers on, over HTTP POST and over WebSocket. */
export const GRAPHQL_PATH = '/graphql';
/** Operations one connection may run at once (a tab needs two or three). */
const MAX_OPERATIONS_PER_CONNECTION = 20;
/** How long stop() waits for clients to answer the close before cutting them off. */
const CLOSE_WAIT_MS = 1_000;

export interface SubscriptionServer {
  /** Refuses new connections, closes every open one (1001), then resolves. */
  stop(): Promise<void>;
}

/**
 * A browser sends Origin with every WebSocket handshake, and SameSite=Lax cookies go along even
 * from another site's page: the handshake is checked against this server's own origin (the Host
 * it was reached by, or PUBLIC_URL), as Apollo's CSRF prevention guards POST /graphql. Clients that
 * are not browsers send no Origin and authenticate with a token.
 */
export function sameOrigin(request: http.IncomingMessage, publicUrl: string | null): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (host === request.headers.host) return true;
  if (publicUrl) {
    try {
      return new URL(publicUrl).host === host;
    } catch {
      return false;
    }
  }
  return false;
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/** An error with the code formatError maps (Apollo's names for parse and validation failures). */
function coded(error: GraphQLError, code: string, reason?: string): GraphQLError {
  if (typeof error.extensions['code'] === 'string') return error;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions: Object.assign({}, error.extensions, { code }, reason ? { reason } : {}) });
}

function refusal(reason: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason } });
}

/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol) on the HTTP server's `/graphql`
 * (SPEC §17). Authenticated like HTTP: a `Bearer` token in the `connection_init` payload's
 * `authorization`, else the session cookie of the upgrade request; anyone else is closed with 4401.
 * Only subscriptions run here — queries and mutations go to POST /graphql, where CSRF prevention,
 * the access epoch and the request log apply — and every operation passes the same query limits
 * and argument guard as over HTTP. subscriptions.live.ts explains how streams read and how a
 * connection that loses its right is closed.
 */
export function attachSubscriptions(
  httpServer: http.Server,
  deps: { config: Config; schema: GraphQLSchema; services: Services; log: Logger; inFlight: InFlight },
): SubscriptionServer {
  const { config, schema, services, inFlight } = deps;
  const log = deps.log.child({ component: 'live' });
  const hub = new LiveHub(services, log, inFlight, RECHECK_MS);
  const formatError = createFormatError();
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxRequestBytes });
  const connections = new WeakMap<object, LiveConnection>();
  let stopping = false;

  const onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = (request.url ?? '').split('?')[0];
    if (pathname !== GRAPHQL_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (stopping) return refuseUpgrade(socket, 503, 'Service Unavailable');
    if (!sameOrigin(request, config.publicUrl)) return refuseUpgrade(socket, 403, 'Forbidden');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  httpServer.on('upgrade', onUpgrade);

  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => {
      const formatted = formatError(error.toJSON(), error);
      if (formatted.extensions?.['code'] === 'INTERNAL_SERVER_ERROR') {
        log.error({ err: error.originalError ?? error }, 'subscription failed: internal error (masked for the client)');
      }
      return formatted;
    });

  useServer<Record<string, unknown>>(
    {
      schema,
      isProd: config.nodeEnv === 'production',
      // An event every subscriber shares is executed once per distinct operation (subscriptions.execute.ts).
      subscribe: subscribeShared,
      onConnect: async (ctx) => {
        const { request, socket } = ctx.extra;
        const given = ctx.connectionParams?.['authorization'];
        const credential: LiveCredential =
          given !== undefined ? { authorization: typeof given === 'string' ? given : '' } : request.headers.cookie !== undefined ? { cookie: request.headers.cookie } : {};
        let viewer;
        try {
          viewer = (await authenticate(services.db, credentialRequest(credential))).viewer;
        } catch (error) {
          log.warn({ err: error }, 'live updates: could not authenticate a connection');
          socket.close(1011, 'Try again later.');
          return false;
        }
        if (!viewer) {
          socket.close(CLOSE_UNAUTHORIZED, 'Sign in, or send { "authorization": "Bearer <API token>" } in connection_init.');
          return false;
        }
        const connection = new LiveConnection(credential, viewer, (code, reason) => socket.close(code, reason));
        connections.set(ctx, connection);
        hub.register(connection);
        return true;
      },
      onClose: (ctx) => {
        const connection = connections.get(ctx);
        if (connection) hub.unregister(connection);
      },
      onSubscribe: (ctx, _id, payload) => {
        const connection = connections.get(ctx);
        if (!connection?.viewer) return [new GraphQLError('This connection has ended.', { extensions: { code: 'UNAUTHENTICATED' } })];
        if (Object.keys(ctx.subscriptions).length > MAX_OPERATIONS_PER_CONNECTION) {
          return [refusal('TOO_MANY_OPERATIONS', `At most ${MAX_OPERATIONS_PER_CONNECTION} subscriptions may run on one connection.`)];
        }
        if (typeof payload.query !== 'string') return [refusal('BAD_REQUEST', 'The subscription has no query.')];
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: QUERY_LIMITS.maxTokens });
        } catch (error) {
          return [coded(error instanceof GraphQLError ? error : new GraphQLError(String(error)), 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(schema, document, [...specifiedRules, ...queryShapeRules()]);
        if (invalid.length > 0) return invalid.map((e) => coded(e, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName ?? undefined);
        if (!operation) return [refusal('OPERATION_RESOLUTION_FAILURE', 'Name the operation to run (operationName).')];
        if (operation.operation !== 'subscription') {
          return [refusal('NOT_A_SUBSCRIPTION', 'Only subscriptions are served over WebSocket; send queries and mutations to POST /graphql.')];
        }
        const variables = payload.variables ?? {};
        const coercion = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
        if (coercion.errors) return coercion.errors.map((e) => coded(e, 'BAD_USER_INPUT', 'VALIDATION'));
        const measure = measureOperation(schema, document, operation, variables, QUERY_LIMITS.maxFields);
        if ('tooManyFields' in measure) return [refusal('TOO_MANY_FIELDS', `This subscription selects more than ${QUERY_LIMITS.maxFields} fields; ask for less.`)];
        if ('cost' in measure && measure.cost > QUERY_LIMITS.maxCost) {
          return [refusal('QUERY_TOO_COSTLY', `This subscription would cost ${measure.cost}; the limit is ${QUERY_LIMITS.maxCost}.`)];
        }
        const contextValue = liveContext(services, connection, ctx.extra.request, log);
        bindLive(contextValue, hub, connection);
        return { schema, document, operationName: payload.operationName ?? null, variableValues: variables, contextValue };
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? Object.assign({}, result, { errors: format(result.errors) }) : undefined),
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
  );

  return {
    stop: async () => {
      stopping = true;
      hub.stop();
      httpServer.off('upgrade', onUpgrade);
      const clients = [...wss.clients];
      const closed = clients.map((client: WebSocket) => new Promise<void>((resolve) => (client.readyState === client.CLOSED ? resolve() : client.once('close', () => resolve()))));
      for (const client of clients) client.close(1001, 'The server is stopping.');
      // A client that does not answer the close is cut off: shutdown has a grace period to keep.
      await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * The context an operation runs with on a connection: the viewer as of the connection's latest
 * check. `req` is the upgrade request; there is no response to write to (only subscriptions run
 * here, and none of them sets a cookie or a header).
 */
function liveContext(services: Services, connection: LiveConnection, request: http.IncomingMessage, log: Logger): Context {
  const viewer = connection.viewer;
  const requestId = randomUUID();
  return {
    requestId,
    viewer,
    sessionHash: null,
    authProblem: null,
    services,
    loaders: createLoaders(services.db, viewer, services),
    log: log.child({ reqId: requestId }),
    req: request as Request,
    res: undefined as unknown as Response,
  };
}
