import type { Writable } from 'node:stream';
import type { DestinationStream } from 'pino';

/** Log output waiting for a reader that has stopped reading; beyond it lines are dropped, not queued. */
export const MAX_LOG_BACKLOG_BYTES = 8 * 1024 * 1024;

const destinations = new WeakMap<Writable, DestinationStream>();

/**
 * Where log lines go: a stream (standard output), on terms that never let the log stop the
 * server — nothing here can throw into a request or block the event loop or the exit.
 *
 * pino's own destination (sonic-boom) is not used for this: it registers a synchronous flush at
 * process exit, and when the pipe's reader has gone, that flush retries its failing write (EPIPE)
 * forever; with a reader that stopped reading, it waits for it. A server whose log shipper died
 * then never finished exiting after SIGTERM. A Node stream writes at once when the pipe has room,
 * queues otherwise, and leaves at exit whatever is still queued.
 *
 * - The reader has gone (EPIPE, or any other write error): logging stops for good and the server
 *   carries on; the error is caught here, never thrown.
 * - The reader stopped reading: lines queue up to MAX_LOG_BACKLOG_BYTES, then are dropped, so
 *   memory stays bounded. When it reads again, one line says how many were dropped.
 *
 * One destination per stream, so that every logger of the process shares its error listener.
 */
export function logDestination(out: Writable = process.stdout): DestinationStream {
  const known = destinations.get(out);
  if (known) return known;
  let gone = false;
  let dropped = 0;
  out.on('error', () => {
    gone = true;
  });
  const destination: DestinationStream = {
    write(line: string) {
      if (gone || out.destroyed || out.writableEnded) return;
      if (out.writableLength > MAX_LOG_BACKLOG_BYTES) {
        dropped += 1;
        return;
      }
      if (dropped > 0) {
        out.write(`${JSON.stringify({ level: 40, time: Date.now(), service: 'gatehouse', dropped, msg: 'log lines dropped: the log reader did not keep up' })}\n`);
        dropped = 0;
      }
      out.write(line);
    },
  };
  destinations.set(out, destination);
  return destination;
}
