import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';

export interface BackgroundThread {
  /** Finishes the sweep or delivery in progress and ends the thread. */
  stop(): Promise<void>;
}

/**
 * Starts the background work (background-thread.ts) in a thread of its own and resolves once it
 * runs — after the thread has applied the migrations and the start-up invariants, so the caller
 * then opens a database that is ready. A server alone on PostgreSQL uses it: on the request
 * thread's event loop, each delivery waited its turn behind the requests being served, and at a
 * few hundred changes a second webhooks fell seconds behind them. The migrations run there rather
 * than on the request thread because V8 decides, per allocation site, whether new objects go
 * straight to the old generation from how earlier ones survived: a long migration run through the
 * driver taught its sites to do so, and the request thread then promoted every page's rows and
 * paid for them in mark-compacts until the process restarted (docs/performance.md, "Start-up
 * work off the request thread"). A migration that fails rejects the returned promise with its
 * error. If the thread fails later, `fatal` is called (the server stops, exiting non-zero, so that
 * its supervisor starts it again): a server that silently stopped delivering or sweeping would be
 * worse than one that restarts.
 */
export async function startBackgroundThread(log: Logger, fatal: () => void): Promise<BackgroundThread> {
  // The compiled thread beside this file (.js), or the source under a TypeScript loader (.ts),
  // which the thread inherits with the process's execArgv.
  const worker = new Worker(path.join(__dirname, `background-thread${path.extname(__filename)}`));
  let stopping = false;
  await new Promise<void>((resolve, reject) => {
    const failed = (error: unknown) => reject(error instanceof Error ? error : new Error(`the background thread exited (code ${String(error)})`));
    worker.once('error', failed);
    worker.once('exit', failed);
    worker.on('message', function starting(message: unknown) {
      const failure = (message as { failed?: string } | null)?.failed;
      if (failure !== undefined) return failed(threadError(failure));
      if (message !== 'started') return;
      worker.off('message', starting);
      worker.off('error', failed);
      worker.off('exit', failed);
      resolve();
    });
  });
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

/** The thread's error as this thread's: its message first, then the thread's stack. */
function threadError(stack: string): Error {
  const error = new Error(stack.split('\n')[0]!.replace(/^\w*Error: /, ''));
  error.stack = stack;
  return error;
}
