/**
 * Counts handlers that are still running, so that shutdown closes the database only after the
 * last of them has finished.
 *
 * Draining the HTTP server is not enough for this: a client that gives up closes its socket, the
 * drain then counts that connection as done, and its request is still at work inside the
 * handler. If the pool closed then, that request would fail halfway through its statements.
 */
export class InFlight {
  private running = 0;
  private waiters: (() => void)[] = [];

  /** Counts `work` until it settles; hands its result on unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running += 1;
    const done = () => {
      this.running -= 1;
      if (this.running === 0) for (const wake of this.waiters.splice(0)) wake();
    };
    work.then(done, done);
    return work;
  }

  /** Resolves once nothing is running (at once if nothing is). */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
