import http from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { addressKey } from './sign-in-limit';
import { SignInLimitEntity } from './sign-in-limit.entity';
import { startTestApp, type TestApp } from '../../../test/harness';
import { makeUser } from '../../../test/factories';
import '../../../test/provided';

/**
 * The sign-in limit (SPEC §16): 10 failures per account and 50 per client address in 15 minutes,
 * counted once for the whole deployment. On PostgreSQL every scenario runs on two servers sharing
 * one database, its requests dealt to both in turn; SQLite is one process, so one server.
 */
const isPostgres = inject('templateDatabase').dialect === 'postgres';
const PASSWORD = 'a long enough password';

/** How a request reaches the server: from which local address, with which X-Forwarded-For. */
interface Client {
  /** The socket's source address (any 127.x.y.z on this machine); 127.0.0.1 unless told. */
  from?: string;
  forwardedFor?: string;
}

/** One signIn on a connection of its own; its outcome: OK or the error's code. */
function signIn(app: TestApp, email: string, password: string, client: Client = {}): Promise<string> {
  const body = JSON.stringify({ query: 'mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { user { id } } }', variables: { e: email, p: password } });
  const { hostname, port } = new URL(app.url);
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  if (client.forwardedFor) headers['x-forwarded-for'] = client.forwardedFor;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: '/graphql', method: 'POST', agent: false, localAddress: client.from ?? '127.0.0.1', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => {
        const answer = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
        resolve(answer.errors ? String(answer.errors[0]?.extensions?.code) : 'OK');
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** How many of each outcome. */
const tally = (outcomes: string[]) => outcomes.reduce<Record<string, number>>((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {});

/** Two servers on one fresh PostgreSQL database, or one on SQLite; closed after `run`. */
async function withServers(env: Record<string, string>, run: (servers: TestApp[]) => Promise<void>): Promise<void> {
  const first = await startTestApp(env);
  const servers = isPostgres ? [first, await startTestApp(env, { sameDatabaseAs: first })] : [first];
  try {
    await run(servers);
  } finally {
    for (const server of servers.reverse()) await server.close();
  }
}

/** `count` attempts at once, dealt to the servers in turn. */
const atOnce = (servers: TestApp[], count: number, attempt: (server: TestApp, i: number) => Promise<string>) =>
  Promise.all(Array.from({ length: count }, (_, i) => attempt(servers[i % servers.length]!, i)));

describe(`the sign-in limit holds exactly under concurrent attempts (${isPostgres ? 'two servers, one database' : 'one server'})`, () => {
  it('per account: of 50 wrong passwords at once, exactly 10 are checked; then even the right one is refused everywhere', async () => {
    await withServers({}, async (servers) => {
      const { user } = await makeUser(servers[0]!, { password: PASSWORD });
      const outcomes = await atOnce(servers, 50, (server, i) => signIn(server, user.email, `wrong password ${i}`));
      expect(tally(outcomes)).toEqual({ UNAUTHENTICATED: 10, RATE_LIMITED: 40 });
      for (const server of servers) expect(await signIn(server, user.email, PASSWORD)).toBe('RATE_LIMITED');
    });
  }, 60_000);

  it('per address: of 60 failures at once on 60 accounts from one address, exactly 50 are checked', async () => {
    await withServers({}, async (servers) => {
      const outcomes = await atOnce(servers, 60, (server, i) => signIn(server, `nobody-${i}@example.com`, PASSWORD));
      expect(tally(outcomes)).toEqual({ UNAUTHENTICATED: 50, RATE_LIMITED: 10 });
      const { user } = await makeUser(servers[0]!, { password: PASSWORD });
      for (const server of servers) expect(await signIn(server, user.email, PASSWORD)).toBe('RATE_LIMITED');
      // Another address is not held back by this one's failures.
      for (const server of servers) expect(await signIn(server, user.email, PASSWORD, { from: '127.0.0.2' })).toBe('OK');
    });
  }, 60_000);

  it('a success forgets the account\'s failures; a window that has ended lets attempts through again', async () => {
    await withServers({}, async (servers) => {
      const { user } = await makeUser(servers[0]!, { password: PASSWORD });
      const [a, b = a] = servers as [TestApp, TestApp?];
      for (let i = 0; i < 9; i++) expect(await signIn(i % 2 ? a : b, user.email, 'wrong password')).toBe('UNAUTHENTICATED');
      expect(await signIn(b, user.email, PASSWORD)).toBe('OK');
      for (let i = 0; i < 10; i++) expect(await signIn(i % 2 ? a : b, user.email, 'wrong password')).toBe('UNAUTHENTICATED');
      expect(await signIn(a, user.email, PASSWORD)).toBe('RATE_LIMITED');
      // Fifteen minutes later, as the database sees it.
      await a.dataSource.manager.update(SignInLimitEntity, { bucket: 'account', key: user.email.toLowerCase() }, { windowEndsAt: new Date(Date.now() - 1) });
      expect(await signIn(b, user.email, PASSWORD)).toBe('OK');
      // The address's count is of failures only: 19 failures and three sign-ins from it, under 50.
      const address = await a.dataSource.manager.findOneByOrFail(SignInLimitEntity, { bucket: 'address', key: '127.0.0.1' });
      expect(address.failures).toBe(19);
    });
  }, 60_000);

  it('deletes the rows whose window has ended, so the table holds only current windows', async () => {
    await withServers({}, async (servers) => {
      const manager = servers[0]!.dataSource.manager;
      const ended = new Date(Date.now() - 1);
      await manager.insert(SignInLimitEntity, [
        { bucket: 'account', key: 'long-ago@example.com', failures: 10, windowEndsAt: ended },
        { bucket: 'address', key: '192.0.2.1', failures: 50, windowEndsAt: ended },
      ]);
      expect(await signIn(servers.at(-1)!, 'nobody@example.com', PASSWORD)).toBe('UNAUTHENTICATED');
      const rows = await manager.find(SignInLimitEntity, { order: { bucket: 'ASC' } });
      expect(rows.map((r) => [r.bucket, r.key, r.failures])).toEqual([
        ['account', 'nobody@example.com', 1],
        ['address', '127.0.0.1', 1],
      ]);
    });
  }, 60_000);
});

/**
 * Each TRUST_PROXY form, with a client that writes its own X-Forwarded-For. `attacker` and
 * `neighbour` say how each one's request reaches Gatehouse: with no proxy trusted, straight from
 * their own addresses; behind the trusted proxy (this test's socket, 127.0.0.1), with the proxy's
 * X-Forwarded-For — whatever the client sent, then the address the proxy saw.
 */
const FORMS: { trustProxy: string; attacker: (spoof: string) => Client; neighbour: Client; vouched: string }[] = [
  { trustProxy: 'false', attacker: (spoof) => ({ forwardedFor: spoof }), neighbour: { from: '127.0.0.2' }, vouched: '127.0.0.1' },
  { trustProxy: '1', attacker: (spoof) => ({ forwardedFor: `${spoof}, 203.0.113.7` }), neighbour: { forwardedFor: '198.51.100.9' }, vouched: '203.0.113.7' },
  { trustProxy: '127.0.0.1/32', attacker: (spoof) => ({ forwardedFor: `${spoof}, 203.0.113.7` }), neighbour: { forwardedFor: '198.51.100.9' }, vouched: '203.0.113.7' },
];

describe('X-Forwarded-For written by a client neither escapes the per-address limit nor locks out another client', () => {
  for (const form of FORMS) {
    it(`TRUST_PROXY=${form.trustProxy}: the address counted is ${form.vouched === '127.0.0.1' ? 'the socket\'s' : 'the one the proxy saw'}`, async () => {
      await withServers({ TRUST_PROXY: form.trustProxy }, async (servers) => {
        const { user } = await makeUser(servers[0]!, { password: PASSWORD });
        // A new made-up address on every attempt (and, once, a whole chain of them).
        const spoof = (i: number) => (i === 0 ? '10.0.0.1, 10.0.0.2, 198.51.100.9' : `10.${i >> 8}.${i & 255}.${(i * 7) & 255}`);
        const outcomes = await atOnce(servers, 60, (server, i) => signIn(server, `nobody-${i}@example.com`, PASSWORD, form.attacker(spoof(i))));
        expect(tally(outcomes)).toEqual({ UNAUTHENTICATED: 50, RATE_LIMITED: 10 });
        for (const server of servers) {
          expect(await signIn(server, user.email, PASSWORD, form.attacker('192.0.2.200'))).toBe('RATE_LIMITED');
          // Claiming the neighbour's address does not make it the neighbour's attempt either.
          expect(await signIn(server, user.email, PASSWORD, form.attacker(form.neighbour.forwardedFor ?? form.neighbour.from!))).toBe('RATE_LIMITED');
        }
        // Refused attempts count against nothing: the account has no failures.
        const account = await servers[0]!.dataSource.manager.findOneBy(SignInLimitEntity, { bucket: 'account', key: user.email.toLowerCase() });
        expect(account?.failures ?? 0).toBe(0);
        for (const server of servers) expect(await signIn(server, user.email, PASSWORD, form.neighbour)).toBe('OK');
        const failed = await servers[0]!.dataSource.manager.findBy(AuditEventEntity, { action: 'SIGN_IN_FAILED' });
        expect(new Set(failed.map((e) => (e.details as { address: string }).address))).toEqual(new Set([form.vouched]));
      });
    }, 60_000);
  }
});

describe('addressKey', () => {
  it('counts an IPv6 client by its /64 and an IPv4 address written as IPv6 as itself', () => {
    const cases: [string, string][] = [
      ['203.0.113.7', '203.0.113.7'],
      ['::ffff:203.0.113.7', '203.0.113.7'],
      ['::FFFF:203.0.113.7', '203.0.113.7'],
      ['2001:db8:1:2:aaaa::1', '2001:db8:1:2::/64'],
      ['2001:0DB8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
      ['2001:db8::1', '2001:db8:0:0::/64'],
      ['2001:db8:0:0:1::', '2001:db8:0:0::/64'],
      ['::1:2:3:4:5.6.7.8', '0:0:1:2::/64'],
      ['fe80::1%eth0', 'fe80:0:0:0::/64'],
      ['::1', '0:0:0:0::/64'],
      ['unknown', 'unknown'],
    ];
    for (const [address, key] of cases) expect([address, addressKey(address)]).toEqual([address, key]);
  });
});
