import http from 'node:http';
import type { Express } from 'express';

/**
 * A `node:http` server for an Express app whose requests and responses are born with the app's
 * prototypes.
 *
 * Express gives every request and response its own methods by changing their prototype on
 * arrival (`Object.setPrototypeOf(req, app.request)` in `app.handle`). V8 then builds a fresh
 * hidden class for each of those objects, and the scavenger keeps what they lead to alive: the
 * request's context, loaders and page rows were promoted to the old generation with every
 * request and swept later by mark-compacts, the pauses the pages' slowest answers waited behind
 * (docs/performance.md, "Garbage collection and the tail"). Node lets a server choose the
 * classes it builds requests and responses from; built from classes whose prototypes already are
 * `app.request` and `app.response`, Express's own `setPrototypeOf` finds nothing to change.
 */
export function expressHttpServer(app: Express): http.Server {
  // Built by Node's own constructors (Reflect.construct with this function as new.target), so the
  // objects keep the room for fields those constructors reserve; only the prototype is the app's.
  function Request(...args: ConstructorParameters<typeof http.IncomingMessage>): http.IncomingMessage {
    return Reflect.construct(http.IncomingMessage, args, Request) as http.IncomingMessage;
  }
  Request.prototype = app.request;
  function Response(...args: ConstructorParameters<typeof http.ServerResponse>): http.ServerResponse {
    return Reflect.construct(http.ServerResponse, args, Response) as http.ServerResponse;
  }
  Response.prototype = app.response;
  return http.createServer(
    {
      IncomingMessage: Request as unknown as typeof http.IncomingMessage,
      ServerResponse: Response as unknown as typeof http.ServerResponse,
    },
    app,
  );
}
