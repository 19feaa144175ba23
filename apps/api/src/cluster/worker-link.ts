import type { SignInBucket } from '../modules/auth/throttle';
import type { ClusterLink } from './link';
import { isMessage, type PrimaryMessage, type WorkerAck, type WorkerRequest } from './messages';

/** A request before it is numbered (Omit over each member of the union). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

type Send = (message: WorkerRequest | WorkerAck) => void;
type Listen = (handler: (message: unknown) => void) => void;

/** Longer than any healthy primary takes (it answers from memory, or after the other workers' acks). */
const REPLY_TIMEOUT_MS = 5_000;

/**
 * A worker's link to its primary, over the cluster's IPC channel. `forgetSettings` runs when
 * another worker changed the settings; the primary waits for this worker's acknowledgement before
 * that worker answers its caller. (A worker whose primary is gone exits: Node's cluster does so.)
 */
export function workerLink(forgetSettings: () => void, send: Send = (m) => process.send!(m), listen: Listen = (h) => process.on('message', h)): ClusterLink {
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: number | null) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();

  listen((raw) => {
    if (!isMessage(raw)) return;
    const message = raw as PrimaryMessage;
    if (message.gh === 'forgetSettings') {
      forgetSettings();
      send({ gh: 'ack', id: message.id });
    } else if (message.gh === 'reply') {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      clearTimeout(waiting.timer);
      waiting.resolve(message.value);
    }
  });

  const ask = (request: Unnumbered<WorkerRequest>): Promise<number | null> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the cluster's primary did not answer ${request.gh} within ${REPLY_TIMEOUT_MS} ms`));
      }, REPLY_TIMEOUT_MS);
      timer.unref();
      pending.set(id, { resolve, reject, timer });
      send({ ...request, id } as WorkerRequest);
    });

  const limiter = (op: 'retryAfter' | 'fail' | 'clear') => (bucket: SignInBucket, key: string) => ask({ gh: 'limiter', op, bucket, key });
  const retryAfter = limiter('retryAfter');
  const fail = limiter('fail');
  const clear = limiter('clear');
  return {
    signInLimiter: {
      retryAfter: async (bucket, key) => (await retryAfter(bucket, key)) ?? 0,
      fail: async (bucket, key) => void (await fail(bucket, key)),
      clear: async (bucket, key) => void (await clear(bucket, key)),
    },
    settingsChanged: async () => void (await ask({ gh: 'settingsChanged' })),
  };
}
