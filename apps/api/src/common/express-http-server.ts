import http from 'node:http';
import type { Express } from 'express';

/**
 * A `node:http` server for an Express app whose requests and responses are born with the app's
 * prototypes.
 *
 * Express gives every request and response its own methods by changing their prototype on
 * arrival (`Object.setPrototypeOf(req, app.request)` in `app.handle`). V8 then builds fresh hidden
 * classes for those objects on every request, and what they lead to outlived the request: each
 * request's state was promoted to the old generation and swept later by mark-compacts
 * (docs/performance.md, "Garbage collection and the tail"). Node lets a server choose the classes
 * it builds requests and responses from. Here they are subclasses of Node's own, placed in front
 * of Express's prototypes and made the app's `request` and `response`: Express's `setPrototypeOf`
 * then finds the prototype already in place and changes nothing. (Subclasses, not functions that
 * call Node's constructors: V8 keeps one hidden class for a subclass's instances, but derived a
 * new one for every object built through another function as `new.target`.)
 */
export function expressHttpServer(app: Express): http.Server {
  class Request extends http.IncomingMessage {}
  Object.setPrototypeOf(Request.prototype, app.request);
  app.request = Request.prototype as Express['request'];
  class Response extends http.ServerResponse {}
  Object.setPrototypeOf(Response.prototype, app.response);
  app.response = Response.prototype as Express['response'];
  return http.createServer({ IncomingMessage: Request, ServerResponse: Response }, app);
}
