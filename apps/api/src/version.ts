import fs from 'node:fs';
import path from 'node:path';

/** The running version, from apps/api/package.json (src/ and dist/ sit at the same depth). */
export const VERSION: string = (
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;
