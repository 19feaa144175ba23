/**
 * SCIM provisioning benchmark (SPEC §19, issue 18): how fast an identity provider can provision
 * through `/scim/v2`. Creates `users` accounts (POST /Users), `groups` groups (POST /Groups) and
 * `memberships` SCIM memberships spread over them (one PATCH add per group), then times one PATCH
 * adding 1,000 members to a fresh group (target: at most 1 s on PostgreSQL).
 *
 * `pnpm bench` runs it against its server (scripts/bench.ts). Alone, against a scratch
 * PostgreSQL database and an in-process server from the sources:
 *   node -r @swc-node/register scripts/bench-scim.ts [--users 10000] [--groups 500] [--memberships 50000]
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { bootstrap } from '../src/bootstrap';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/data-source';
import { Db } from '../src/db/db';
import { createLogger } from '../src/logger';
import { createSchema } from '../src/schema';
import { startServer } from '../src/server';
import { createServices } from '../src/services';
import { serviceToken } from './lib/bench-token';
import { createDatabase, dropDatabase, testDatabaseUrl } from './lib/pg-admin';
import { argument } from './lib/bench-cli';

export interface ScimBenchShape {
  users: number;
  groups: number;
  memberships: number;
  /** Requests in flight at once (an identity provider's provisioning runs a few in parallel). */
  concurrency: number;
}

export const SCIM_FULL: ScimBenchShape = { users: 10_000, groups: 500, memberships: 50_000, concurrency: 8 };
export const SCIM_QUICK: ScimBenchShape = { users: 2_000, groups: 100, memberships: 10_000, concurrency: 8 };

/** Runs `work(i)` for i in [0, n) with at most `concurrency` at once. */
async function pool(n: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, async () => {
    while (next < n) await work(next++);
  }));
}

/** The figures: users/s, groups/s, memberships/s, and the 1,000-member PATCH in ms. */
export async function scimPhase(url: string, databaseUrl: string, shape: ScimBenchShape): Promise<Record<string, number>> {
  const token = await serviceToken(databaseUrl, { name: 'SCIM bench', permissions: ['scim.provision'] });
  const call = async (method: string, path: string, body: unknown, expected: number): Promise<Record<string, unknown>> => {
    const response = await fetch(`${url}/scim/v2${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expected) throw new Error(`SCIM ${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  const run = randomUUID().slice(0, 8);
  const userIds: string[] = new Array(shape.users);

  let started = performance.now();
  await pool(shape.users, shape.concurrency, async (i) => {
    const email = `scim-${run}-${i}@bench.example`;
    const user = await call('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: email,
      externalId: `ext-${run}-${i}`,
      name: { givenName: 'Bench', familyName: `User ${i}` },
      emails: [{ value: email, type: 'work', primary: true }],
      active: true,
    }, 201);
    userIds[i] = user['id'] as string;
  });
  const usersSeconds = (performance.now() - started) / 1000;

  const perGroup = Math.ceil(shape.memberships / shape.groups);
  const groupIds: string[] = new Array(shape.groups);
  started = performance.now();
  await pool(shape.groups, shape.concurrency, async (g) => {
    groupIds[g] = (await call('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `SCIM ${run} ${g}`, members: [] }, 201))['id'] as string;
  });
  const groupsSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  let assigned = 0;
  await pool(shape.groups, shape.concurrency, async (g) => {
    const members = Array.from({ length: Math.min(perGroup, shape.memberships - g * perGroup, userIds.length) }, (_, k) => ({ value: userIds[(g * perGroup + k) % userIds.length] }));
    if (members.length <= 0) return;
    assigned += members.length;
    await call('PATCH', `/Groups/${groupIds[g]}?excludedAttributes=members`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Add', path: 'members', value: members }] }, 200);
  });
  const membershipsSeconds = (performance.now() - started) / 1000;

  const big = (await call('POST', '/Groups', { displayName: `SCIM ${run} one thousand`, members: [] }, 201))['id'] as string;
  const thousand = userIds.slice(0, Math.min(1000, userIds.length)).map((value) => ({ value }));
  started = performance.now();
  await call('PATCH', `/Groups/${big}?excludedAttributes=members`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'Add', path: 'members', value: thousand }] }, 200);
  const patchMs = Math.round(performance.now() - started);

  return {
    scimUsers: shape.users,
    scimUsersPerSecond: Math.round(shape.users / usersSeconds),
    scimGroupsPerSecond: Math.round(shape.groups / groupsSeconds),
    scimMemberships: assigned,
    scimMembershipsPerSecond: Math.round(assigned / membershipsSeconds),
    scimPatchMembers: thousand.length,
    scimPatch1000Ms: patchMs,
  };
}

/** Alone: a scratch database, the server in this process from the sources, one run, figures as JSON. */
async function main(): Promise<void> {
  const shape: ScimBenchShape = {
    users: argument('users', SCIM_FULL.users),
    groups: argument('groups', SCIM_FULL.groups),
    memberships: argument('memberships', SCIM_FULL.memberships),
    concurrency: argument('concurrency', SCIM_FULL.concurrency),
  };
  const adminUrl = testDatabaseUrl();
  const name = `gatehouse_bench_scim_${process.pid}`;
  const databaseUrl = await createDatabase(adminUrl, name);
  try {
    const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', WEB_DIST: 'off', DATABASE_URL: databaseUrl }) };
    const log = createLogger(config);
    const dataSource = await openDatabase(config.database, { poolSize: config.dbPoolSize });
    const db = new Db(dataSource);
    const services = createServices({ config, db, log });
    await bootstrap(db, services, config, log);
    const server = await startServer({ config, schema: await createSchema(), services, log }, 0, '127.0.0.1');
    try {
      const figures = await scimPhase(`http://127.0.0.1:${server.port}`, databaseUrl, shape);
      console.log(`SCIM provisioning: ${figures['scimUsersPerSecond']} users/s, ${figures['scimMembershipsPerSecond']} memberships/s, one PATCH of ${figures['scimPatchMembers']} members ${figures['scimPatch1000Ms']} ms`);
      console.log(JSON.stringify({ ...shape, ...figures }));
    } finally {
      await server.stop();
      server.httpServer.close();
      await dataSource.destroy();
    }
  } finally {
    await dropDatabase(adminUrl, name);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  });
}
