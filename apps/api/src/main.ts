import 'reflect-metadata';
import cluster from 'node:cluster';
import { ConfigError, loadConfig } from './config';
import { guardProcess } from './common/process-guards';
import { createLogger } from './logger';
import { prepareDatabase } from './prepare';
import type { runPrimary } from './cluster/primary';
import type { serve } from './serve';

/**
 * Entry: config → database (migrated) → services → one-port server (serve.ts). With WORKERS > 1
 * this process becomes the cluster's primary and the same file runs again in each worker
 * (cluster/primary.ts). Whoever migrates starts that first, in a thread of its own (prepare.ts),
 * and only then loads the rest of the application: the two load side by side.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const root = createLogger(config);
  const log = cluster.isWorker ? root.child({ worker: cluster.worker!.id }) : root;
  const guards = guardProcess(log);
  if (cluster.isWorker) return serving()(config, log, 'worker', guards, null);
  const prepared = prepareDatabase();
  // Awaited once the application is loaded; until then a failure must not count as unhandled.
  prepared.catch(() => undefined);
  if (config.workers > 1) return primary()(config, log, __filename, guards, prepared);
  return serving()(config, log, 'alone', guards, prepared);
}

/*
 * The rest of the application, loaded only when called: after the preparing thread has started,
 * so that both load at once (as static imports they would all load before `main` runs).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on purpose after the thread has started (above) */
const serving = (): typeof serve => (require('./serve') as { serve: typeof serve }).serve;
const primary = (): typeof runPrimary => (require('./cluster/primary') as { runPrimary: typeof runPrimary }).runPrimary;
/* eslint-enable @typescript-eslint/no-require-imports */

main().catch((error: unknown) => {
  process.stderr.write(`Gatehouse failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
