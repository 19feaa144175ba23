import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import type { JsonObject } from '../../db/columns';
import type { Services } from '../../services';
import { authenticate } from '../auth/authenticate';
import { MAX_BODY_BYTES, namesVersion, resourceTypes, SCHEMA, SCIM_CONTENT_TYPE, schemas, ScimError, serviceProviderConfig, toScimError } from './scim.protocol';
import type { ListQuery, ResourceKind } from './scim.service';

/** Where SCIM lives (SPEC §19); `server.ts` mounts the router here. */
export const SCIM_PATH = '/scim/v2';

function send(res: Response, status: number, body: unknown): void {
  res.status(status).setHeader('Cache-Control', 'no-store');
  res.type(SCIM_CONTENT_TYPE).send(JSON.stringify(body));
}

function sendError(res: Response, error: ScimError): void {
  send(res, error.status, error.body());
}

/** The base URL `meta.location` starts with: PUBLIC_URL when set, else the request's own origin. */
function baseUrl(publicUrl: string | null, req: Request): string {
  return `${publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`}${SCIM_PATH}`;
}

function located(doc: JsonObject, base: string, kind: ResourceKind): JsonObject {
  const meta = doc['meta'] as JsonObject;
  const withRefs = kind === 'Groups' && Array.isArray(doc['members'])
    ? { members: (doc['members'] as JsonObject[]).map((m) => Object.assign({}, m, { $ref: `${base}/Users/${m['value']}`, type: 'User' })) }
    : {};
  return Object.assign({}, doc, withRefs, { meta: Object.assign({}, meta, { location: `${base}/${kind}/${doc['id']}` }) });
}

/**
 * The SCIM 2.0 endpoint: `application/scim+json` (plain JSON accepted), Bearer API tokens, and a
 * SCIM error object for every refusal — malformed JSON, unknown paths and methods included.
 */
export function scimRouter(services: Services, publicUrl: string | null, log: Logger, track: (handler: RequestHandler) => RequestHandler): express.Router {
  const router = express.Router({ caseSensitive: false });
  const scim = services.scim;

  router.use(express.json({ type: ['application/scim+json', 'application/json', 'application/*+json'], limit: MAX_BODY_BYTES, strict: true }));
  const bodyErrors: ErrorRequestHandler = (err: { type?: string; status?: number }, _req, res, next) => {
    if (err.type === 'entity.parse.failed') return sendError(res, new ScimError(400, 'The request body is not valid JSON.', 'invalidSyntax'));
    if (err.type === 'entity.too.large') return sendError(res, new ScimError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
    if (err.status !== undefined && err.status >= 400 && err.status < 500) return sendError(res, new ScimError(err.status, 'The request could not be read.', 'invalidSyntax'));
    next(err);
  };
  router.use(bodyErrors);

  /** Authenticates, authorizes, runs; refusals become SCIM errors, anything else a logged SCIM 500. */
  const handle = (work: (viewerReq: { viewer: Parameters<typeof scim.list>[0] }, req: Request, res: Response, base: string) => Promise<void>): RequestHandler =>
    track(async (req, res) => {
      try {
        const auth = await authenticate(services.db, req);
        const viewer = scim.authorize(auth.viewer, auth.problem);
        await work({ viewer }, req, res, baseUrl(publicUrl, req));
      } catch (error) {
        const refusal = toScimError(error);
        if (refusal) return sendError(res, refusal);
        log.error({ err: error }, 'SCIM request failed');
        sendError(res, new ScimError(500, 'Something went wrong on our side; nothing was changed.'));
      }
    });
  const body = (req: Request): JsonObject => {
    const b: unknown = req.body;
    const empty = !req.headers['transfer-encoding'] && !Number(req.headers['content-length'] ?? 0);
    if (empty || typeof b !== 'object' || b === null || Array.isArray(b)) {
      throw new ScimError(400, 'The request body must be a JSON object (Content-Type: application/scim+json).', 'invalidSyntax');
    }
    return b as JsonObject;
  };
  const query = (req: Request): ListQuery => req.query as ListQuery;

  router.get('/ServiceProviderConfig', handle(async (_v, _req, res, base) => send(res, 200, serviceProviderConfig(base))));
  router.get('/ResourceTypes', handle(async (_v, _req, res, base) => send(res, 200, listResponse(resourceTypes(base), resourceTypes(base).length, 1))));
  router.get('/ResourceTypes/:id', handle(async (_v, req, res, base) => {
    const found = resourceTypes(base).find((t) => t.id.toLowerCase() === String(req.params['id']).toLowerCase());
    if (!found) throw new ScimError(404, 'No resource type has this id.');
    send(res, 200, found);
  }));
  router.get('/Schemas', handle(async (_v, _req, res, base) => send(res, 200, listResponse(schemas(base), schemas(base).length, 1))));
  router.get('/Schemas/:id', handle(async (_v, req, res, base) => {
    const found = schemas(base).find((s) => s.id.toLowerCase() === String(req.params['id']).toLowerCase());
    if (!found) throw new ScimError(404, 'No schema has this id.');
    send(res, 200, found);
  }));

  for (const kind of ['Users', 'Groups'] as const) {
    router.get(`/${kind}`, handle(async ({ viewer }, req, res, base) => {
      const page = await scim.list(viewer, kind, query(req));
      send(res, 200, listResponse(page.resources.map((d) => located(d, base, kind)), page.total, page.startIndex));
    }));
    router.post(`/${kind}`, handle(async ({ viewer }, req, res, base) => {
      const doc = located(await scim.create(viewer, kind, body(req)), base, kind);
      res.setHeader('Location', String((doc['meta'] as JsonObject)['location']));
      res.setHeader('ETag', String((doc['meta'] as JsonObject)['version']));
      send(res, 201, doc);
    }));
    router.get(`/${kind}/:id`, handle(async ({ viewer }, req, res, base) => {
      const doc = located(await scim.get(viewer, kind, String(req.params['id']), query(req)), base, kind);
      const version = String((doc['meta'] as JsonObject)['version']);
      res.setHeader('ETag', version);
      // RFC 7644 §3.14: a client holding the current version is told so, without the body.
      const noneMatch = req.get('if-none-match');
      if (noneMatch !== undefined && namesVersion(noneMatch, version, 'If-None-Match')) {
        res.setHeader('Cache-Control', 'no-store');
        res.status(304).end();
        return;
      }
      send(res, 200, doc);
    }));
    router.put(`/${kind}/:id`, handle(async ({ viewer }, req, res, base) => {
      const doc = located(await scim.replace(viewer, kind, String(req.params['id']), body(req), req.get('if-match')), base, kind);
      res.setHeader('ETag', String((doc['meta'] as JsonObject)['version']));
      send(res, 200, doc);
    }));
    router.patch(`/${kind}/:id`, handle(async ({ viewer }, req, res, base) => {
      const doc = located(await scim.patch(viewer, kind, String(req.params['id']), body(req), query(req), req.get('if-match')), base, kind);
      res.setHeader('ETag', String((doc['meta'] as JsonObject)['version']));
      send(res, 200, doc);
    }));
    router.delete(`/${kind}/:id`, handle(async ({ viewer }, req, res) => {
      await scim.delete(viewer, kind, String(req.params['id']), req.get('if-match'));
      res.setHeader('Cache-Control', 'no-store');
      res.status(204).end();
    }));
  }

  // Anything else under /scim/v2 — an unknown resource, POST /.search, /Bulk, /Me — is a SCIM 404 or 405.
  router.use((req, res) => {
    const known = /^\/(Users|Groups)(\/[^/]+)?$/i.test(req.path) || /^\/(ServiceProviderConfig|ResourceTypes|Schemas)(\/.*)?$/i.test(req.path);
    sendError(res, known ? new ScimError(405, `${req.method} is not supported here.`) : new ScimError(404, `There is no SCIM endpoint ${SCIM_PATH}${req.path}.`));
  });
  return router;
}

function listResponse(resources: unknown[], total: number, startIndex: number) {
  return { schemas: [SCHEMA.listResponse], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
}
