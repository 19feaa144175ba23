/**
 * Prints the code-first schema to apps/api/schema.graphql (sorted, so diffs are stable).
 * `--check` fails instead of writing when the committed file is stale.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from '../src/schema';

const FILE = path.resolve(__dirname, '..', 'schema.graphql');

async function main(): Promise<void> {
  const schema = await createSchema();
  const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '';
    if (committed !== printed) {
      console.error('apps/api/schema.graphql is stale: run `pnpm --filter @gatehouse/api generate` and commit it.');
      process.exit(1);
    }
    console.log('schema.graphql is up to date.');
    return;
  }
  fs.writeFileSync(FILE, printed);
  console.log(`wrote ${path.relative(process.cwd(), FILE)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
