import type { Logger } from 'pino';
import { LocalSignInLimiter } from '../modules/auth/throttle';
import { isMessage, type PrimaryMessage, type WorkerAck, type WorkerRequest } from './messages';

/** A worker as the hub sees it (a cluster Worker in primary.ts; plain objects in tests). */
export interface WorkerPort {
  id: number;
  send(message: PrimaryMessage): void;
  /** Ends a worker that stopped answering (see forgetEverywhere). */
  kill(): void;
}

/**
 * The primary's side of the workers' links (worker-link.ts): it keeps the one sign-in limiter, and
 * relays a settings change to every other worker, replying to the writer only when all have
 * acknowledged it.
 */
export class Hub {
  private readonly limiter = new LocalSignInLimiter();
  private readonly acks = new Map<number, () => void>();
  private nextId = 1;

  constructor(
    private readonly workers: () => WorkerPort[],
    private readonly log: Logger,
    private readonly ackTimeoutMs = 5_000,
  ) {}

  async onMessage(from: WorkerPort, raw: unknown): Promise<void> {
    if (!isMessage(raw)) return;
    const message = raw as WorkerRequest | WorkerAck;
    switch (message.gh) {
      case 'ack':
        this.acks.get(message.id)?.();
        return;
      case 'limiter': {
        const { op, bucket, key } = message;
        const value = op === 'retryAfter' ? await this.limiter.retryAfter(bucket, key) : (await this.limiter[op](bucket, key), null);
        from.send({ gh: 'reply', id: message.id, value });
        return;
      }
      case 'settingsChanged':
        await this.forgetEverywhere(from);
        from.send({ gh: 'reply', id: message.id, value: null });
        return;
    }
  }

  /**
   * Every other worker drops its cached settings. One that has not acknowledged within the
   * timeout has had its event loop blocked that long: it is ended (the primary starts another)
   * rather than left to answer from settings that no longer hold.
   */
  private async forgetEverywhere(except: WorkerPort): Promise<void> {
    const others = this.workers().filter((w) => w.id !== except.id);
    await Promise.all(
      others.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const id = this.nextId++;
            const timer = setTimeout(() => {
              this.acks.delete(id);
              this.log.error({ worker: worker.id }, 'a worker did not acknowledge a settings change in time; ending it');
              worker.kill();
              resolve();
            }, this.ackTimeoutMs);
            this.acks.set(id, () => {
              clearTimeout(timer);
              this.acks.delete(id);
              resolve();
            });
            worker.send({ gh: 'forgetSettings', id });
          }),
      ),
    );
  }
}
