import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Config } from './config';

/**
 * The composition root: builds every service once per process with exactly the dependencies it
 * uses. No DI container; a service's constructor says what it needs.
 */
export interface Services {
  dataSource: DataSource;
}

export interface ServiceDeps {
  config: Config;
  dataSource: DataSource;
  log: Logger;
}

export function createServices(deps: ServiceDeps): Services {
  return { dataSource: deps.dataSource };
}
