import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '@gatehouse/shared';
import { makeGroup, makeUser, type TestUser } from './factories';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
let admin: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  admin = await makeUser(app, { isAdmin: true });
  for (let i = 0; i < 5; i += 1) await makeGroup(app);
  // The first request with a token records its use; later ones within minutes read only.
  await app.gql('{ __typename }', undefined, admin.as);
});
afterAll(() => app.close());

const repeat = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, i) => item(i)).join(' ');

const attacks = {
  /** About 55 kB; would be 1,000 page reads. */
  aliasBomb: `{ ${repeat(1000, (i) => `a${i}: groups(first: 100) { edges { node { id name } } }`)} }`,
  resourceBomb: `{ ${repeat(1000, (i) => `a${i}: resources(first: 100) { edges { node { id name } } }`)} }`,
  /** Short enough to pass the token cap, so the alias cap has to stop it. */
  compactAliasBomb: `{ ${repeat(100, (i) => `a${i}: groups(first: 100) { totalCount }`)} }`,
  /** About 1 kB; expands to 2^22 copies of `id name`. */
  fanOut: `{ groups(first: 100) { edges { node { ...F0 } } } } ${repeat(21, (i) => `fragment F${i} on Group { ...F${i + 1} ...F${i + 1} }`)} fragment F21 on Group { id name }`,
  oversized: `{ ${repeat(LIMITS.maxQueryTokens, () => 'groups(first: 1) { totalCount }')} }`,
  /** Pages of pages: 100 groups × 100 members each. */
  costly: '{ groups(first: 100) { edges { node { members(first: 100) { edges { node { user { id displayName } } } } } } } }',
};

/** Database statements for a request refused in validation: what authenticating it costs. */
async function statementsToRefuse(): Promise<number> {
  app.queries.reset();
  expect((await app.gql('{ nope }', undefined, admin.as)).status).toBe(400);
  return app.queries.count;
}

async function expectRefusedBeforeRunning(query: string, reason: string, variables?: Record<string, unknown>) {
  const floor = await statementsToRefuse();
  app.queries.reset();
  const result = await app.gql(query, variables, admin.as);
  expect(result.status).toBe(400);
  expect(result.data).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason });
  // No resolver ran: the refusal read no more than authenticating the request did.
  expect(app.queries.count).toBe(floor);
  return result.errors![0]!.message;
}

describe('query limits over HTTP', () => {
  it('refuses 1,000 aliased pages before running any (the token cap stops the parser)', async () => {
    const message = await expectRefusedBeforeRunning(attacks.aliasBomb, 'TOO_MANY_TOKENS');
    expect(message).toBe(
      `This query is longer than ${LIMITS.maxQueryTokens} tokens (names, values and punctuation); the limit is ${LIMITS.maxQueryTokens}. Send a shorter query, and pass long values as variables.`,
    );
    await expectRefusedBeforeRunning(attacks.resourceBomb, 'TOO_MANY_TOKENS');
    await expectRefusedBeforeRunning(attacks.oversized, 'TOO_MANY_TOKENS');
  });

  it('refuses a short document with too many aliases', async () => {
    const message = await expectRefusedBeforeRunning(attacks.compactAliasBomb, 'TOO_MANY_ALIASES');
    expect(message).toBe(`This query uses 100 aliases; the limit is ${LIMITS.maxQueryAliases}. Ask for less at once or split the query.`);
  });

  it('refuses a fragment fan-out for the fields it expands to', async () => {
    const message = await expectRefusedBeforeRunning(attacks.fanOut, 'TOO_MANY_FIELDS');
    expect(message).toBe(
      `This query selects more than ${LIMITS.maxQueryFields} fields once its fragments are expanded; the limit is ${LIMITS.maxQueryFields}. Ask for less at once or split the query.`,
    );
  });

  it('refuses a query over the cost limit, naming its cost and the limit', async () => {
    const members = 1 + 100 * (1 + (1 + (1 + 2)));
    const cost = 1 + 100 * (1 + (1 + members));
    const message = await expectRefusedBeforeRunning(attacks.costly, 'QUERY_TOO_COSTLY');
    expect(message).toBe(
      `This query would cost ${cost} (every list counts once per item it asks for); the limit is ${LIMITS.maxQueryCost}. Ask for smaller pages or fewer fields at once.`,
    );
  });

  it('weighs pages by the variables sent: smaller pages of the same query run', async () => {
    const query = 'query ($n: Int!) { groups(first: $n) { edges { node { members(first: $n) { edges { node { user { id } } } } } } } }';
    await expectRefusedBeforeRunning(query, 'QUERY_TOO_COSTLY', { n: 100 });
    const small = await app.gql(query, { n: 10 }, admin.as);
    expect(small.errors).toBeUndefined();
    expect((small.data as { groups: { edges: unknown[] } }).groups.edges.length).toBeGreaterThan(0);
  });

  it('refuses a query nested deeper than the depth limit', async () => {
    // From a Group: viewerMembership → group → viewerMembership → …, one level each.
    const nest = (levels: number, from: 'Group' | 'Membership' = 'Group'): string =>
      levels === 0
        ? from === 'Group' ? 'id' : 'source'
        : from === 'Group' ? `viewerMembership { ${nest(levels - 1, 'Membership')} }` : `group { ${nest(levels - 1, 'Group')} }`;
    // groups → edges → node → the chain → a scalar
    const message = await expectRefusedBeforeRunning(`{ groups { edges { node { ${nest(LIMITS.maxQueryDepth - 3)} } } } }`, 'QUERY_TOO_DEEP');
    expect(message).toBe(`This query nests ${LIMITS.maxQueryDepth + 1} levels deep; the limit is ${LIMITS.maxQueryDepth}. Ask for less at once or split the query.`);
    expect((await app.gql(`{ groups(first: 1) { edges { node { ${nest(LIMITS.maxQueryDepth - 4)} } } } }`, undefined, admin.as)).errors).toBeUndefined();
  });

  it('keeps a normal query fast while the attacks are sent', async () => {
    const normal = async () => {
      const started = performance.now();
      const result = await app.gql('{ groups(first: 10) { edges { node { id name } } } }', undefined, admin.as);
      expect(result.errors).toBeUndefined();
      return performance.now() - started;
    };
    const sample = async (runs: number, into: number[]) => {
      for (let i = 0; i < runs; i += 1) into.push(await normal());
    };
    const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    const hostile = [attacks.aliasBomb, attacks.resourceBomb, attacks.compactAliasBomb, attacks.fanOut, attacks.oversized, attacks.costly];
    let refused = 0;
    /** An attacker sending the next attack as soon as the last one is answered. */
    const underAttack = async (runs: number, into: number[]) => {
      let attacking = true;
      const attacker = async (offset: number) => {
        for (let i = offset; attacking; i += 1) {
          const result = await app.gql(hostile[i % hostile.length]!, undefined, admin.as);
          expect(result.status).toBe(400);
          refused += 1;
        }
      };
      const attackers = [attacker(0)];
      await sample(runs, into);
      attacking = false;
      await Promise.all(attackers);
    };

    await sample(10, []);
    // Alternate quiet and attacked rounds, so that a change in the machine's load touches both.
    const alone: number[] = [];
    const attacked: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      await sample(10, alone);
      await underAttack(10, attacked);
    }
    expect(refused).toBeGreaterThanOrEqual(20);
    expect(median(attacked) / median(alone)).toBeLessThan(5);
  });
});
