import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { freePort, startProvider, type TestProvider } from './oidc';

/**
 * Every route that is not GraphQL, asked the odd things an attacker or a broken client asks:
 * odd methods and paths, path traversal, encoded NULs, malformed percent-encoding, repeated,
 * missing, huge and NUL parameters on the sign-on routes (configured and not). Each answer is a
 * clear 4xx (or a 2xx where that is right), comes at once, is never a 5xx, never a file from
 * outside the built SPA, and the server stays healthy.
 *
 * The SPA here is a small one built in a temporary folder, with a secret file beside it (outside
 * it): no case may ever answer with the secret.
 */
const SECRET = 'TOP-SECRET-OUTSIDE-THE-SPA';
const INDEX = '<!doctype html><title>SPA-INDEX</title><script type="module" src="/assets/app-1a2b.js"></script>';

let root: string;
let plain: TestApp;
let sso: TestApp;
let provider: TestProvider;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-surface-'));
  const web = path.join(root, 'web');
  fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(web, 'index.html'), INDEX);
  fs.writeFileSync(path.join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(web, 'assets', 'app-1a2b.js'), 'console.log("app");');
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: SECRET }));
  plain = await startTestApp({ WEB_DIST: web });
  const port = await freePort();
  sso = await startTestApp({
    WEB_DIST: web,
    OIDC_ISSUER: `http://127.0.0.1:${port}`,
    OIDC_CLIENT_ID: 'gatehouse',
    OIDC_CLIENT_SECRET: 'test-secret',
    OIDC_ALLOW_INSECURE: 'true',
    TRUST_PROXY: 'loopback',
  });
  provider = await startProvider(port, `${sso.url}/auth/oidc/callback`);
});

afterAll(async () => {
  await provider?.close();
  await plain?.close();
  await sso?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request exactly as written: Node's client sends the path as given (fetch would normalise
 * `/%2e%2e/` and `//` away before sending). Fails if no answer comes within 5 s.
 */
function raw(base: string, method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path: target, headers, agent: false, timeout: 5_000 }, (res) => {
      let text = '';
      res.setEncoding('latin1');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within 5 s: ${method} ${target.slice(0, 100)}`)));
    req.on('error', reject);
    req.end(body);
  });
}

type Expect = number | number[];
interface Case {
  method: string;
  path: string;
  expect: Expect;
  headers?: Record<string, string>;
  body?: string;
  /** What the answer must look like beyond its status. */
  check?: (answer: Answer) => void;
}

const isSpaIndex = (a: Answer) => expect(a.body).toContain('SPA-INDEX');
const signInError = (a: Answer) => expect(a.headers.location).toMatch(/^\/sign-in\?sso_error=/);
const long = (n: number) => 'a'.repeat(n);

/** The static files and the SPA's history fallback. */
const staticCases: Case[] = [
  { method: 'GET', path: '/', expect: 200, check: isSpaIndex },
  { method: 'GET', path: '/groups/7b0c2f4e-0000-4000-8000-000000000000', expect: 200, check: isSpaIndex },
  { method: 'GET', path: '/assets/app-1a2b.js', expect: 200 },
  { method: 'GET', path: '/favicon.svg', expect: 200 },
  { method: 'HEAD', path: '/', expect: 200 },
  { method: 'HEAD', path: '/assets/app-1a2b.js', expect: 200 },
  { method: 'GET', path: '/assets/missing.js', expect: 404 },
  { method: 'GET', path: '/assets/', expect: 404 },
  { method: 'GET', path: '/assets/..%2f..%2fsecret.txt', expect: [400, 403, 404] },
  { method: 'GET', path: '/assets/..%2f..%2fpackage.json', expect: [400, 403, 404] },
  { method: 'GET', path: '/assets/%2e%2e/%2e%2e/secret.txt', expect: [400, 403, 404] },
  { method: 'GET', path: '/assets/../../secret.txt', expect: [400, 403, 404] },
  { method: 'GET', path: '/assets/..%5c..%5csecret.txt', expect: [400, 403, 404] },
  { method: 'GET', path: '/..%2fsecret.txt', expect: 400 },
  { method: 'GET', path: '/%2e%2e/secret.txt', expect: 400 },
  { method: 'GET', path: '/%2e%2e%2fsecret.txt', expect: 400 },
  { method: 'GET', path: '/%2E%2E/%2E%2E/package.json', expect: 400 },
  { method: 'GET', path: '/../secret.txt', expect: 400 },
  { method: 'GET', path: '/%00', expect: 400 },
  { method: 'GET', path: '/index.html%00.js', expect: 400 },
  { method: 'GET', path: '/assets/app-1a2b.js%00', expect: 400 },
  { method: 'GET', path: '/groups/%00', expect: 400 },
  { method: 'GET', path: '/%E0%A4%A', expect: 400 },
  { method: 'GET', path: '/assets/%E0%A4%A', expect: 400 },
  { method: 'GET', path: '/%', expect: 400 },
  { method: 'GET', path: '/%zz', expect: 400 },
  { method: 'GET', path: '/%C0%AE%C0%AE/secret.txt', expect: 400 },
  { method: 'GET', path: `/${long(4_000)}`, expect: 200, check: isSpaIndex },
  { method: 'GET', path: `/assets/${long(4_000)}.js`, expect: 404 },
  // Past Node's header limit (16 KiB): Node itself refuses the request.
  { method: 'GET', path: `/${long(20_000)}`, expect: 431 },
  { method: 'GET', path: '/?q=%00', expect: 200, check: isSpaIndex },
];

/**
 * Methods nothing here answers, and odd spellings of the API's paths. Only GET and HEAD reach
 * the pages, files and GET routes (404 otherwise; 405 from the static files); /graphql refuses
 * anything but a JSON POST (or a GET with Apollo's preflight header) before reading it (400).
 */
const methodCases: Case[] = [
  ...['PUT', 'DELETE', 'PATCH', 'TRACE', 'OPTIONS', 'POST'].flatMap((method) => [
    { method, path: '/', expect: 404 },
    { method, path: '/groups', expect: 404 },
    { method, path: '/assets/app-1a2b.js', expect: 405, check: (a: Answer) => expect(a.headers.allow).toBe('GET, HEAD') },
    { method, path: '/healthz', expect: 404 },
    { method, path: '/export/audit.csv', expect: 404 },
    { method, path: '/auth/oidc/start', expect: 404 },
    { method, path: '/auth/oidc/callback', expect: 404 },
  ]),
  ...['PUT', 'DELETE', 'PATCH', 'TRACE', 'OPTIONS'].map((method) => ({ method, path: '/graphql', expect: 400 })),
  { method: 'PUT', path: '/graphql', expect: 405, headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' },
  { method: 'HEAD', path: '/healthz', expect: 200 },
  { method: 'HEAD', path: '/graphql', expect: 400 },
  { method: 'HEAD', path: '/export/audit.csv', expect: 401 },
  { method: 'GET', path: '/healthz', expect: 200 },
  { method: 'GET', path: '/healthz/', expect: 200 },
  { method: 'GET', path: '/healthz?x=%00', expect: 200 },
  { method: 'GET', path: '/healthz?x=%E0%A4%A', expect: 200 },
  { method: 'GET', path: '/graphql', expect: 400 },
  { method: 'GET', path: '/graphql/', expect: 400 },
  { method: 'GET', path: '/graphql?query=%7B__typename%7D', expect: 400 },
  // Not the API's path: the SPA's history fallback (its router shows "not found").
  { method: 'GET', path: '//graphql', expect: 200, check: isSpaIndex },
  { method: 'POST', path: '//graphql', expect: 404, headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' },
  { method: 'POST', path: '/graphql/', expect: 200, headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' },
  { method: 'POST', path: '/graphql', expect: 400, headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' },
  { method: 'POST', path: '/graphql', expect: 400, headers: { 'content-type': 'application/json' }, body: '{"query":' },
  { method: 'POST', path: '/graphql%00', expect: 400, headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' },
  { method: 'GET', path: '/export/audit.csv/', expect: 401 },
  { method: 'GET', path: '//export/audit.csv', expect: 200, check: isSpaIndex },
  { method: 'GET', path: '/export', expect: 404 },
  { method: 'GET', path: '/export/', expect: 404 },
  { method: 'GET', path: '/export/other.csv', expect: 404 },
  { method: 'GET', path: '/auth', expect: 404 },
  { method: 'GET', path: '/auth/', expect: 404 },
  { method: 'GET', path: '/auth/oidc', expect: 404 },
  { method: 'GET', path: '/auth/oidc/other', expect: 404 },
];

/** The sign-on routes: whatever they are sent, they answer with a redirect (to the provider or to the sign-in page). */
const oidcCases: Case[] = [
  { method: 'GET', path: '/auth/oidc/start', expect: 303 },
  { method: 'GET', path: '/auth/oidc/start?next=/groups', expect: 303 },
  { method: 'GET', path: '/auth/oidc/start?next=%00', expect: 303 },
  { method: 'GET', path: '/auth/oidc/start?next=/groups%00', expect: 303 },
  { method: 'GET', path: '/auth/oidc/start?next=%E0%A4%A', expect: 303 },
  { method: 'GET', path: '/auth/oidc/start?next=/a&next=/b', expect: 303 },
  { method: 'GET', path: '/auth/oidc/start?next[a]=1', expect: 303 },
  { method: 'GET', path: `/auth/oidc/start?next=/${long(8_000)}`, expect: 303 },
  { method: 'GET', path: '/auth/oidc/start?next=//evil.example', expect: 303 },
  { method: 'GET', path: '/auth/oidc/start?next=/%5Cevil.example', expect: 303 },
  { method: 'GET', path: '/auth/oidc/start?next=https://evil.example', expect: 303 },
  { method: 'HEAD', path: '/auth/oidc/start', expect: 303 },
  { method: 'GET', path: '/auth/oidc/callback', expect: 303, check: signInError },
  { method: 'GET', path: '/auth/oidc/callback?state=', expect: 303, check: signInError },
  { method: 'GET', path: '/auth/oidc/callback?state=a&state=b', expect: 303, check: signInError },
  { method: 'GET', path: '/auth/oidc/callback?state=%00', expect: 303, check: signInError, headers: { cookie: 'gh_oidc=%00' } },
  { method: 'GET', path: '/auth/oidc/callback?state=x%00y&code=%00', expect: 303, check: signInError, headers: { cookie: 'gh_oidc=x%00y' } },
  { method: 'GET', path: '/auth/oidc/callback?state=%E0%A4%A', expect: 303, check: signInError, headers: { cookie: 'gh_oidc=%E0%A4%A' } },
  { method: 'GET', path: '/auth/oidc/callback?state=abc', expect: 303, check: signInError, headers: { cookie: 'gh_oidc=%E0%A4%A' } },
  { method: 'GET', path: `/auth/oidc/callback?state=${long(6_000)}`, expect: 303, check: signInError, headers: { cookie: `gh_oidc=${long(6_000)}` } },
  { method: 'GET', path: '/auth/oidc/callback?state=abc&code=abc', expect: 303, check: signInError, headers: { cookie: 'gh_oidc=abc; gh_oidc=abd' } },
  { method: 'GET', path: '/auth/oidc/callback?error=access_denied', expect: 303, check: signInError },
  { method: 'GET', path: '/auth/oidc/callback?error=a&error=b', expect: 303, check: signInError },
  { method: 'GET', path: '/auth/oidc/callback?error=x&error_description=%00%07%1b', expect: 303, check: signInError },
  { method: 'GET', path: `/auth/oidc/callback?error=x&error_description=${long(8_000)}`, expect: 303, check: signInError },
  { method: 'GET', path: '/auth/oidc/callback?error[x]=1', expect: 303, check: signInError },
];

/** Runs each case in turn; after each, nothing outside the SPA was served and the server is healthy. */
async function runTable(app: TestApp, cases: Case[]): Promise<void> {
  const failures: string[] = [];
  for (const c of cases) {
    const label = `${c.method} ${c.path.length > 80 ? `${c.path.slice(0, 80)}…` : c.path}`;
    let answer: Answer;
    try {
      answer = await raw(app.url, c.method, c.path, c.headers, c.body);
    } catch (error) {
      failures.push(`${label}: ${(error as Error).message}`);
      continue;
    }
    const allowed = Array.isArray(c.expect) ? c.expect : [c.expect];
    if (!allowed.includes(answer.status)) failures.push(`${label}: ${answer.status} (expected ${allowed.join(' or ')}) ${answer.body.slice(0, 200)}`);
    if (answer.body.includes(SECRET)) failures.push(`${label}: served a file from outside the SPA`);
    if (/\bat .+:\d+:\d+\)?/.test(answer.body)) failures.push(`${label}: a stack trace in the answer`);
    try {
      c.check?.(answer);
    } catch (error) {
      failures.push(`${label}: ${(error as Error).message.split('\n')[0]}`);
    }
    const health = await raw(app.url, 'GET', '/healthz');
    if (health.status !== 200) failures.push(`${label}: /healthz answered ${health.status} afterwards`);
  }
  expect(failures).toEqual([]);
}

describe('every route that is not GraphQL, asked odd things', () => {
  it('static files and the SPA fallback: never a file outside the SPA, malformed paths refused', async () => {
    await runTable(plain, staticCases);
  });

  it('odd methods and odd paths: a clear 4xx, never a 5xx', async () => {
    await runTable(plain, methodCases);
  });

  it('single sign-on not configured: every sign-on request redirects to the sign-in page', async () => {
    await runTable(plain, oidcCases);
    for (const target of ['/auth/oidc/start', '/auth/oidc/callback?state=abc']) {
      expect((await raw(plain.url, 'GET', target)).headers.location).toMatch(/^\/sign-in\?sso_error=/);
    }
  });

  it('single sign-on configured: odd, repeated, NUL and huge parameters redirect, never a 5xx', async () => {
    await runTable(sso, oidcCases);
  });

  it('a sign-on started here, then called back with a garbled code or a NUL, ends on the sign-in page', async () => {
    for (const code of ['garbage', '%00', '%E0%A4%A', long(4_000)]) {
      const started = await raw(sso.url, 'GET', '/auth/oidc/start?next=/groups');
      expect(started.status).toBe(303);
      expect(started.headers.location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      const state = new URL(started.headers.location!).searchParams.get('state')!;
      const cookie = started.headers['set-cookie']!.find((c) => c.startsWith('gh_oidc='))!.split(';')[0]!;
      const back = await raw(sso.url, 'GET', `/auth/oidc/callback?state=${state}&code=${code}`, { cookie });
      expect(back.status).toBe(303);
      signInError(back);
    }
  });

  it('`next` only ever leads to a path on this site', async () => {
    for (const next of ['//evil.example', '/%5Cevil.example', '/\\evil.example', 'https://evil.example', '/%09/evil.example', '%00', '/ok%00']) {
      const started = await raw(sso.url, 'GET', `/auth/oidc/start?next=${encodeURIComponent(next).replace(/%25/g, '%')}`);
      expect(started.status).toBe(303);
      const state = new URL(started.headers.location!).searchParams.get('state')!;
      const row = await sso.dataSource.query(`SELECT next FROM oidc_login WHERE state = ${sso.config.database.dialect === 'postgres' ? '$1' : '?'}`, [state]) as { next: string }[];
      expect(row[0]?.next, next).toBe('/');
    }
  });
});

describe('security headers', () => {
  const SPA_CSP =
    "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'";
  const API_CSP = "default-src 'none';frame-ancestors 'none'";

  it('the SPA and its files: a Content-Security-Policy without inline scripts, never framed, no sniffing', async () => {
    for (const target of ['/', '/groups', '/assets/app-1a2b.js', '/favicon.svg', '/assets/missing.js', '/%00']) {
      const { headers } = await raw(plain.url, 'GET', target);
      expect(headers['content-security-policy'], target).toBe(SPA_CSP);
      expect(headers, target).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin', 'cross-origin-opener-policy': 'same-origin' });
    }
  });

  it('the API: a policy that allows nothing', async () => {
    const answers = [
      await raw(plain.url, 'POST', '/graphql', { 'content-type': 'application/json' }, '{"query":"{ __typename }"}'),
      await raw(plain.url, 'GET', '/healthz'),
      await raw(plain.url, 'GET', '/export/audit.csv'),
      await raw(plain.url, 'GET', '/auth/oidc/start'),
      await raw(plain.url, 'GET', '/auth/other'),
    ];
    for (const { headers } of answers) {
      expect(headers['content-security-policy']).toBe(API_CSP);
      expect(headers).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff' });
    }
  });

  it('Strict-Transport-Security only on https requests (here: behind a trusted proxy that says so)', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    expect((await raw(sso.url, 'GET', '/', https)).headers['strict-transport-security']).toBe('max-age=31536000');
    expect((await raw(sso.url, 'GET', '/healthz', https)).headers['strict-transport-security']).toBe('max-age=31536000');
    expect((await raw(sso.url, 'GET', '/')).headers['strict-transport-security']).toBeUndefined();
    // Without TRUST_PROXY the header is anyone's to send, and proves nothing.
    expect((await raw(plain.url, 'GET', '/', https)).headers['strict-transport-security']).toBeUndefined();
  });
});
