import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

/**
 * A real HTTP endpoint on loopback for webhook tests: records every request and answers with the
 * statuses it is given, in turn (then 200).
 */
export async function startReceiver(statuses: number[] = []): Promise<{ url: string; received: Received[]; answer(next: number[]): void; close(): Promise<void> }> {
  const received: Received[] = [];
  let queue = [...statuses];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const status = queue.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 200 ? 'ok' : `nope ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    answer: (next) => {
      queue = [...next];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
