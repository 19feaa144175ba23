import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { ProcessGuards } from '../common/process-guards';
import type { Config } from '../config';
import { openDatabase } from '../db/data-source';
import { Db } from '../db/db';
import { createServices } from '../services';

/** Before starting another worker after one died: a crash loop must not spin the CPU. */
const RESTART_DELAY_MS = 1_000;

/**
 * A cluster's primary (WORKERS > 1, PostgreSQL): applies the migrations and the start-up
 * invariants once (`prepared`: in a thread of their own, started by main.ts), starts the workers (each runs `entry`
 * and serves the shared port; Node hands connections to them in turn), runs the expiry sweeper
 * (its work is claimed in the database, so it runs once per deployment however many servers
 * sweep), and starts a new worker when one dies. The workers share nothing through it: whatever a
 * worker keeps in memory is checked against the database on use (SPEC §16), exactly as between
 * servers. A worker that dies before it ever listened means the server cannot start: the primary
 * stops with an error. A signal drains every worker within the grace period (shutdownGraceMs);
 * whatever still runs then is killed, so that the signal always ends the whole server in time.
 */
export async function runPrimary(config: Config, log: Logger, entry: string, guards: ProcessGuards, prepared: Promise<void>): Promise<void> {
  log.info({ workers: config.workers }, 'starting a cluster');
  await prepared;
  const dataSource = await openDatabase(config.database, { migrate: false, poolSize: 2 });
  const db = new Db(dataSource);
  const services = createServices({ config, db, log });

  const listened = new Set<number>();
  let stopping = false;
  let announced = false;

  cluster.setupPrimary({ exec: entry });
  const start = () => cluster.fork();

  cluster.on('listening', (worker, address) => {
    listened.add(worker.id);
    if (announced) {
      log.info({ worker: worker.id }, 'a new worker is serving');
    } else if (listened.size >= config.workers) {
      announced = true;
      log.info({ port: address.port, workers: config.workers }, `Gatehouse listening on http://localhost:${address.port}`);
    }
  });

  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down: draining every worker');
    setTimeout(() => {
      const left = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
      log.warn({ graceMs: config.shutdownGraceMs, workers: left.map((w) => w.id) }, 'shutdown grace period passed; killing the workers still running and exiting with code 1');
      for (const w of left) w.process.kill('SIGKILL');
      process.exit(1);
    }, config.shutdownGraceMs).unref();
    const swept = Promise.all([services.sweeper.stop(), services.outbound.stop(), services.signals.stop()]);
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    // A worker that could not drain in time exits 1 (main.ts); so does the server then. One still
    // starting (not listening) had nothing to drain: the signal ends it, and that is fine.
    const drained = workers.map(
      (w) => new Promise<boolean>((resolve) => (w.isDead() ? resolve(true) : w.once('exit', (c: number | null) => resolve(c === 0 || !listened.has(w.id))))),
    );
    for (const w of workers) w.process.kill('SIGTERM');
    Promise.all(drained)
      .then(async (each) => {
        await swept;
        await dataSource.destroy();
        log.info('stopped');
        process.exit(each.every(Boolean) ? code : 1);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      });
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!listened.has(worker.id)) {
      log.error({ worker: worker.id, code, signal }, 'a worker failed to start; stopping the server');
      stop(1);
      return;
    }
    listened.delete(worker.id);
    log.error({ worker: worker.id, code, signal }, 'a worker exited; starting another');
    setTimeout(() => stopping || start(), RESTART_DELAY_MS);
  });

  for (let i = 0; i < config.workers; i++) start();
  services.sweeper.start(log.child({ component: 'sweeper' }), config.sweepIntervalSeconds * 1000);
  // The workers' commits reach this process through PostgreSQL's NOTIFY: it sends the outbox.
  await services.signals.start(log.child({ component: 'events' }));
  services.outbound.start(log.child({ component: 'outbound' }));
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  guards.stopWith(() => stop(1));
}
