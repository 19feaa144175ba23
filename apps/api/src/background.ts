import type { Logger } from 'pino';
import { startThread } from './threads';

export interface BackgroundThread {
  /** Finishes the sweep or delivery in progress and ends the thread. */
  stop(): Promise<void>;
}

/**
 * Starts the background work (background-thread.ts) in a thread of its own and resolves once it
 * runs. A server alone on PostgreSQL uses it: on the request thread's event loop, each delivery
 * waited its turn behind the requests being served, and at a few hundred changes a second
 * webhooks fell seconds behind them. If the thread fails, `fatal` is called (the server stops,
 * exiting non-zero, so that its supervisor starts it again): a server that silently stopped
 * delivering or sweeping would be worse than one that restarts.
 */
export async function startBackgroundThread(log: Logger, fatal: () => void): Promise<BackgroundThread> {
  const worker = await startThread('background-thread', 'started');
  let stopping = false;
  worker.on('error', (error) => log.fatal({ err: error }, 'the background thread failed; stopping the server'));
  worker.on('exit', (code) => {
    if (stopping) return;
    log.fatal({ code }, 'the background thread ended; stopping the server, exiting with code 1');
    fatal();
  });
  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      const stopped = new Promise<void>((resolve) => {
        worker.on('message', (message: unknown) => message === 'stopped' && resolve());
        worker.once('exit', () => resolve());
      });
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}
