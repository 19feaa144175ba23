import type { Readable } from 'node:stream';

/**
 * Deprecation warnings fail the bench, as they fail the tests (vitest.config.ts): deprecated
 * behaviour goes away in a later major version — pg 9 drops the queueing of a query sent while
 * its client is busy, which pg 8 only warns about — so no figure may rest on it.
 *
 * The servers are not run with --throw-deprecation here: inside a request the thrown error would
 * become one failed GraphQL answer among thousands, which autocannon counts as a success (HTTP
 * 200). Node prints each deprecation to the process's stderr instead; the bench copies every
 * server's stderr through `watch` and ends with a failure naming what was printed.
 */
const seen: string[] = [];

process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning') seen.push(`bench: ${warning.message}`);
});

/** Copies a server's stderr to the bench's, noting each DeprecationWarning line it prints. */
export function watchDeprecations(stderr: Readable, who: string): void {
  let partial = '';
  stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.includes('DeprecationWarning')) seen.push(`${who}: ${line.trim()}`);
  });
}

/** Throws (the bench exits 1) when any process printed a deprecation warning. */
export function assertNoDeprecations(): void {
  if (seen.length) throw new Error(`Deprecation warnings (they fail the bench):\n${[...new Set(seen)].join('\n')}`);
}
