import path from 'node:path';
import { parentPort, Worker } from 'node:worker_threads';

/**
 * The start of a thread of this process (prepare.ts, background.ts): `file` beside this one,
 * compiled (.js) or the source under a TypeScript loader (.ts), which the thread inherits with the
 * process's execArgv. Resolves with the worker once it posts `ready`; rejects with the thread's own
 * error when it reports one (`reportStartFailure`), or when it exits or fails before `ready`.
 */
export async function startThread(file: string, ready: string): Promise<Worker> {
  const worker = new Worker(path.join(__dirname, `${file}${path.extname(__filename)}`));
  await new Promise<void>((resolve, reject) => {
    const failed = (error: unknown) => reject(error instanceof Error ? error : new Error(`${file} exited (code ${String(error)})`));
    const starting = (message: unknown) => {
      const failure = (message as { failed?: string } | null)?.failed;
      if (failure !== undefined) return failed(threadError(failure));
      if (message !== ready) return;
      worker.off('message', starting);
      worker.off('error', failed);
      worker.off('exit', failed);
      resolve();
    };
    worker.on('message', starting);
    worker.once('error', failed);
    worker.once('exit', failed);
  });
  return worker;
}

/**
 * In a thread, for its start's failure: posts the error (its stack: what `main.ts` prints when the
 * server cannot start) and ends the thread with code 1. Rethrown instead, the error would be an
 * unhandled rejection, which the process guards log and carry on from.
 */
export function reportStartFailure(error: unknown): void {
  parentPort!.postMessage({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}

/** The thread's error as this thread's: its message first, then the thread's stack. */
function threadError(stack: string): Error {
  const error = new Error(stack.split('\n')[0]!.replace(/^\w*Error: /, ''));
  error.stack = stack;
  return error;
}
