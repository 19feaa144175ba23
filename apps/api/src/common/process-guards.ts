import type { Logger } from 'pino';

/** The part of `process` the guards use (tests pass an EventEmitter). */
export interface GuardedProcess {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
  exit(code: number): void;
}

export interface ProcessGuards {
  /** From now on an uncaught exception calls `stop` (drain, then exit non-zero) instead of exiting at once. */
  stopWith(stop: () => void): void;
}

/**
 * The process-wide answer to errors no code path handled, decided once for the whole server:
 *
 * - An unhandled promise rejection is a bug in one code path (a promise nobody awaited). Node's
 *   default is to end the process for it, and with it every other request and every application
 *   that asks Gatehouse. It is logged as an error, with its reason, and the server carries on:
 *   the rejection happened outside any request's answer, so there is nothing else to undo.
 * - An uncaught exception leaves the process in an undefined state (Node's documentation: it is
 *   not safe to resume normal operation after one), e.g. half-updated shared state. It is logged
 *   as fatal; then the process stops the way it does on SIGTERM — requests in flight are drained
 *   within the grace period — and exits with code 1, so that its supervisor (or the cluster's
 *   primary, for a worker) starts a fresh one. Before the server is serving, it exits 1 at once.
 */
export function guardProcess(log: Logger, proc: GuardedProcess = process): ProcessGuards {
  let stop: (() => void) | null = null;
  proc.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'unhandled promise rejection (a bug: nothing handled this error); the server carries on');
  });
  proc.on('uncaughtException', (error, origin) => {
    log.fatal({ err: error, origin }, 'uncaught exception: the process is no longer in a known state; stopping (draining requests), then exiting with code 1');
    if (!stop) {
      proc.exit(1);
      return;
    }
    try {
      stop();
    } catch (stopError) {
      log.fatal({ err: stopError }, 'could not stop cleanly; exiting with code 1');
      proc.exit(1);
    }
  });
  return {
    stopWith(fn) {
      stop = fn;
    },
  };
}
