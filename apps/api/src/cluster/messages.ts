import type { SignInBucket } from '../modules/auth/throttle';

/**
 * The IPC messages between a cluster's primary and its workers (process.send). A request carries
 * an id; its reply carries the same id.
 */
export type WorkerRequest =
  | { gh: 'limiter'; id: number; op: 'retryAfter' | 'fail' | 'clear'; bucket: SignInBucket; key: string }
  | { gh: 'settingsChanged'; id: number };

/** From the primary: a reply to a worker's request, or a request of its own (drop cached settings). */
export type PrimaryMessage =
  | { gh: 'reply'; id: number; value: number | null }
  | { gh: 'forgetSettings'; id: number };

/** A worker's acknowledgement of a primary's request. */
export interface WorkerAck {
  gh: 'ack';
  id: number;
}

export const isMessage = (m: unknown): m is { gh: string; id: number } =>
  typeof m === 'object' && m !== null && typeof (m as { gh?: unknown }).gh === 'string' && typeof (m as { id?: unknown }).id === 'number';
