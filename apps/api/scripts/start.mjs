// `pnpm start` from the repository root: builds whatever is missing or older than its sources
// (shared package, API, web app), then runs the API in this process. The API applies migrations
// at start and serves the SPA and /graphql on one port.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Newest modification time below `paths` (files or folders), skipping generated folders. */
function newest(paths) {
  let latest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) {
        if (entry === 'node_modules' || entry === 'dist') continue;
        visit(path.join(p, entry));
      }
    } else {
      latest = Math.max(latest, stat.mtimeMs);
    }
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return latest;
}

const builds = [
  {
    name: '@gatehouse/shared',
    output: 'packages/shared/dist/index.js',
    sources: ['packages/shared/src', 'packages/shared/package.json', 'packages/shared/tsconfig.json'],
  },
  {
    name: '@gatehouse/api',
    output: 'apps/api/dist/main.js',
    sources: ['apps/api/src', 'apps/api/package.json', 'apps/api/tsconfig.json', 'apps/api/tsconfig.build.json', 'packages/shared/src'],
  },
  {
    name: '@gatehouse/web',
    output: 'apps/web/dist/index.html',
    sources: ['apps/web/src', 'apps/web/index.html', 'apps/web/public', 'apps/web/vite.config.ts', 'apps/web/package.json', 'packages/shared/src'],
  },
];

// pnpm sets npm_execpath to itself; fall back to a pnpm on PATH when run some other way.
const pnpm = process.env.npm_execpath
  ? [process.execPath, [process.env.npm_execpath]]
  : ['pnpm', []];

for (const build of builds) {
  const output = path.join(root, build.output);
  const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  if (built === 0 || newest(build.sources) > built) {
    console.log(`[start] building ${build.name} …`);
    execFileSync(pnpm[0], [...pnpm[1], '--filter', build.name, 'build'], { cwd: root, stdio: 'inherit' });
  }
}

process.env.NODE_ENV ??= 'production';
createRequire(import.meta.url)(path.join(root, 'apps/api/dist/main.js'));
