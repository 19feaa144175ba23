import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Viewer } from './authz/viewer';
import { errors } from './common/errors';
import { createLoaders, type Loaders } from './loaders';
import { authenticate, viewerFor } from './modules/auth/authenticate';
import type { UserEntity } from './modules/users/user.entity';
import type { Services } from './services';

/** Everything a resolver may use for one request. */
export interface Context {
  requestId: string;
  viewer: Viewer | null;
  /** The cookie session's hash, when signed in by cookie (signOut ends it). */
  sessionHash: string | null;
  /** Why a presented credential was refused, for a precise UNAUTHENTICATED message. */
  authProblem: string | null;
  services: Services;
  loaders: Loaders;
  log: Logger;
  req: Request;
  res: Response;
}

export async function buildContext(services: Services, req: Request, res: Response): Promise<Context> {
  const auth = await authenticate(services.db, req);
  const loaders = createLoaders(services.db, auth.viewer, services);
  primeViewer(loaders, auth.viewer, auth.user);
  return new HttpContext(String(req.id), auth.viewer, auth.sessionHash, auth.problem, services, loaders, req, res);
}

/**
 * An HTTP request's context. A class, so that `log` is a getter on its prototype: the request's
 * child logger is made only if something logs (like `req.log` itself), Apollo's per-operation copy
 * of the context (own properties onto the same prototype) does not call it, and no closure is
 * made per request — a getter written into an object literal is one, and V8 then gives every
 * context a hidden class of its own, which kept each request's state alive past the next scavenge
 * (docs/performance.md, "Garbage collection and the tail").
 */
class HttpContext implements Context {
  constructor(
    public requestId: string,
    public viewer: Viewer | null,
    public sessionHash: string | null,
    public authProblem: string | null,
    public services: Services,
    public loaders: Loaders,
    public req: Request,
    public res: Response,
  ) {}

  get log(): Logger {
    return this.req.log;
  }
}

/** The signed-in viewer, or UNAUTHENTICATED (for resolvers behind @Authorized, this never throws). */
export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw errors.unauthenticated(ctx.authProblem ?? undefined);
  return ctx.viewer;
}

/**
 * After signIn / setup / signUp the rest of this response is resolved as the new user (the cookie
 * only counts from the next request), with fresh loaders so nothing cached as anonymous leaks.
 */
export async function actAs(ctx: Context, user: UserEntity): Promise<void> {
  ctx.viewer = await viewerFor(ctx.services.db, user);
  ctx.authProblem = null;
  ctx.loaders = createLoaders(ctx.services.db, ctx.viewer, ctx.services);
  primeViewer(ctx.loaders, ctx.viewer, user);
}

/** What authentication already read this request (the user row, their permissions) is not read twice. */
function primeViewer(loaders: Loaders, viewer: Viewer | null, user: UserEntity | null): void {
  if (!viewer || !user) return;
  loaders.user.prime(user.id, user);
  loaders.effectivePermissions.prime(user.id, [...viewer.permissions].sort());
}
