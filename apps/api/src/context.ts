import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Viewer } from './authz/viewer';
import { createLoaders, type Loaders } from './loaders';
import type { Services } from './services';

/** Everything a resolver may use for one request. */
export interface Context {
  requestId: string;
  viewer: Viewer | null;
  services: Services;
  loaders: Loaders;
  log: Logger;
  req: Request;
  res: Response;
}

export async function buildContext(services: Services, req: Request, res: Response): Promise<Context> {
  const log = req.log;
  return {
    requestId: String(req.id),
    viewer: null,
    services,
    loaders: createLoaders(),
    log,
    req,
    res,
  };
}
