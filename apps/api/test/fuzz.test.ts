import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { makeCast, makeGroup, type TestUser } from './factories';
import { mulberry32, type Rng } from './seeded-random';

/**
 * Schema fuzz (issue 22): every Query and Mutation field of the committed schema.graphql gets a few
 * hundred malformed variable sets — wrong types, nulls, control characters, lone surrogates, huge
 * strings and lists, odd numbers, malformed and real ids, injection strings, deep JSON — sent as an
 * admin (and some as a plain member or a group manager). Whatever comes back must be a clear client error or an answer:
 * never a 5xx, never INTERNAL_SERVER_ERROR, never a stack trace or SQL in a message, and the server
 * stays healthy after each field.
 *
 * Reproducible: the generator is a seeded PRNG (FUZZ_SEED overrides the seed; FUZZ_RUNS the number
 * of inputs per field). A failure prints the seed, the field and the variables that caused it.
 */

const SEED = Number(process.env['FUZZ_SEED'] ?? 22);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
/** Requests in flight at once: enough to overlap the database's waits, modest for a 2-core box. */
const CONCURRENCY = 4;
/** FUZZ_STATS=1 prints how each field's inputs were answered (to see the generator reach past validation). */
const STATS = process.env['FUZZ_STATS'] === '1';

const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8'));

// ---------------------------------------------------------------------------------------------
// A seeded PRNG (test/seeded-random.ts): the same seed gives the same inputs on every machine.
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;

// ---------------------------------------------------------------------------------------------
// Nasty values.

/**
 * JSON written into the body as-is: numbers JSON.stringify cannot say (1e999, -0, 1.0), and values
 * nested thousands deep (built as text: serializing them would overflow this side's stack first).
 */
class Raw {
  private static readonly texts: string[] = [];
  private readonly index: number;
  constructor(readonly text: string) {
    this.index = Raw.texts.push(text) - 1;
  }
  toJSON() {
    return `@@RAW#${this.index}@@`;
  }
  static expand(json: string): string {
    return json.replace(/"@@RAW#(\d+)@@"/g, (_m, i: string) => Raw.texts[Number(i)]!);
  }
}
function toBody(query: string, variables: Record<string, unknown>): string {
  return Raw.expand(JSON.stringify({ query, variables }));
}

const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f';
const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '   \t  ',
  'a\u0000b',
  '\u0000',
  'tail\u0000',
  CONTROL,
  'bell\u0007 esc\u001b[31mred\u001b[0m',
  'line\nbreak\r\nand\ttab',
  '\ud800',
  'lone \udc00 low',
  'pair 😀 then lone \ud83d',
  '\u202eRTL override\u202c',
  'שלום עולם مرحبا',
  '👩‍👩‍👧‍👦🏳️‍🌈✨',
  'Z̷̢̛a̶l̵g̴o̸',
  '\ufeffBOM',
  '\u2028\u2029',
  '\uffff\ufffe',
  'é vs é',
  'x'.repeat(100_000),
  '😀'.repeat(30_000),
  'y'.repeat(256),
  'n'.repeat(101),
  'A'.repeat(10_000) + '\u0000',
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '%',
  '%%%%',
  '_',
  '\\',
  '\\%\\_',
  '%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%',
  '%'.repeat(5_000),
  '(a+)+$',
  '.*.*.*.*.*=.*',
  '[[[[',
  '$where: 1',
  '{"$gt": ""}',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '=cmd|" /C calc"!A0',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '2024-02-30T00:00:00Z',
  'ghp_0000000000000000000000000000000000000000',
];

const NASTY_IDS: readonly string[] = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '00000000-0000-0000-0000-00000000000g',
  '00000000-0000-0000-0000-0000000000001',
  '{00000000-0000-0000-0000-000000000000}',
  '00000000000000000000000000000000',
  ' 00000000-0000-0000-0000-000000000000 ',
  '00000000-0000-0000-0000-000000000000\u0000',
  '1',
  '-1',
  '99999999999999999999999',
  '1.5',
  "1' OR '1'='1",
  'x'.repeat(10_000),
  '',
];

const NASTY_INTS: readonly unknown[] = [
  0, -1, 1, 2, 49, 50, 100, 101, 500, 501, 2147483647, -2147483648, 2147483648, -2147483649,
  new Raw('9007199254740993'), 1.5, -0.0001, 1e21, new Raw('1e999'), new Raw('-1e999'), new Raw('1.0'),
  new Raw('-0'), 'NaN', 'Infinity', '1', '', true, [1], { n: 1 },
];

const NASTY_DATES: readonly unknown[] = [
  '2999-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z', '2000-01-01T00:00:00Z', '2024-02-29T12:00:00+14:00', '2024-02-30T00:00:00Z',
  '2030-06-15T10:00:00.123456789Z', 'tomorrow', '', 0, -1, 8.64e15, 8.64e15 + 1, 1e300, '2030-13-01T00:00:00Z',
  '2030-01-01', '2030-01-01T00:00:00', 'now',
];

/** `{"a":{"a":…{"leaf":true}…}}`, `depth` levels. */
function deepJson(depth: number): Raw {
  return new Raw(`${'{"a":'.repeat(depth)}{"leaf":true}${'}'.repeat(depth)}`);
}
/** `{"a":[[[…1…]]]}`, `depth` levels. */
function deepArrayJson(depth: number): Raw {
  return new Raw(`{"a":${'['.repeat(depth)}1${']'.repeat(depth)}}`);
}
const NASTY_JSON: readonly unknown[] = [
  {},
  { ok: 'fine', n: 1, list: [1, 'two', null] },
  { 'key\u0000nul': 1 },
  { text: 'value\u0000nul' },
  { text: '\ud800' },
  { '\ud800': 'lone key' },
  { __proto__: { admin: true } },
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  { constructor: { prototype: { polluted: true } } },
  deepJson(5_000),
  deepJson(21),
  deepJson(19),
  deepArrayJson(5_000),
  Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
  { big: 'b'.repeat(100_000) },
  { n: new Raw('1e999') },
  [1, 2, 3],
  'a string',
  42,
  null,
];

// ---------------------------------------------------------------------------------------------
// The fixture: real ids for the generator to mix in, so code past validation runs too.

interface Pools {
  user: string[];
  group: string[];
  resource: string[];
  request: string[];
  grant: string[];
  token: string[];
  notification: string[];
  permission: string[];
  kind: string[];
  externalId: string[];
  webhook: string[];
  review: string[];
}

function idPoolFor(fieldName: string, argPath: string, pools: Pools): string[] {
  const name = argPath.toLowerCase();
  const field = fieldName.toLowerCase();
  if (name.includes('webhook') || field.includes('webhook')) return pools.webhook;
  if (name.includes('review') || field.includes('review')) return pools.review;
  if (name.includes('group')) return pools.group;
  if (name.includes('user') || name.includes('actor')) return pools.user;
  if (name.includes('resource')) return pools.resource;
  if (name.includes('request')) return pools.request;
  if (name.includes('grant')) return pools.grant;
  if (field.includes('group')) return pools.group;
  if (field.includes('user')) return pools.user;
  if (field.includes('resource')) return pools.resource;
  if (field.includes('token')) return pools.token;
  if (field.includes('notification')) return pools.notification;
  return [...pools.user, ...pools.group, ...pools.resource];
}

/** Plausible values by argument / input field name, so that some inputs pass validation. */
/** Lengths at which limits usually sit: values exactly there (or one past) find columns too narrow for what validation lets through. */
const EDGE_LENGTHS = [40, 64, 81, 100, 101, 200, 201, 254, 255, 256, 300, 500, 1000, 2000];

function plausibleString(rng: Rng, name: string, pools: Pools, serial: number): string {
  const n = name.toLowerCase();
  const edge = chance(rng, 0.25) ? pick(rng, EDGE_LENGTHS) : 0;
  if (n.includes('email')) {
    const domain = `@example.com`;
    return edge ? `${`fuzz${serial}x`.padEnd(Math.min(edge, 254 + 1) - domain.length, 'e')}${domain}` : `fuzz-${serial}@example.com`;
  }
  if (n.includes('password')) return `correct horse battery ${serial}`;
  if (edge && !['kind', 'externalid', 'after', 'claim', 'action'].includes(n) && !n.includes('permission') && n !== 'key') {
    // A valid text of exactly `edge` characters, unique per input (names must be).
    return `Fuzz ${serial} `.padEnd(edge, pick(rng, ['n', 'é', 'ש']));
  }
  if (n === 'kind') return pick(rng, pools.kind);
  if (n === 'externalid') return pick(rng, pools.externalId);
  if (n.includes('permission') || n === 'key') return pick(rng, pools.permission);
  if (n === 'claimvalue') return pick(rng, ['["Engineering","Ops"]', 'a, b; c', '[]', '[1,2,{"x":1}]']);
  if (n === 'after') {
    // Cursors of every shape the server issues (some will fit the field), and forged ones.
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const id = pick(rng, [...pools.user, ...pools.group, ...pools.resource]);
    return pick(rng, [
      cursor(['fuzz', id]),
      cursor([new Date().toISOString(), id]),
      cursor(['5']),
      cursor(['2147483648']),
      cursor([pick(rng, pools.kind), 'fuzz', id]),
      cursor([1, 2]),
      cursor(['a\u0000', id]),
      'bm90IGpzb24',
    ]);
  }
  if (n === 'claim') return pick(rng, ['groups', 'realm_access.roles', '']);
  if (n === 'action') return pick(rng, ['GROUP_CREATED', 'member_added', 'x']);
  return `Fuzz ${serial} ${pick(rng, ['name', 'Ünïcödé', '😀', 'שלום'])}`;
}

// ---------------------------------------------------------------------------------------------
// The generator: a variable set for a field's arguments.

interface Gen {
  rng: Rng;
  pools: Pools;
  field: string;
  /** Probability of a nasty value at any one place (the rest plausible). */
  nastiness: number;
  serial: number;
}

function genValue(g: Gen, type: GraphQLInputType, name: string, depth: number): unknown {
  const { rng } = g;
  // Wrong shapes and nulls anywhere, whatever the type.
  if (chance(rng, g.nastiness * 0.12)) return pick(rng, [null, 'a string', 12, true, [], {}, [null], new Raw('1e999')]);
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const roll = rng();
    if (chance(rng, g.nastiness) && roll < 0.08) {
      // A long list: 10k items, of one plausible or nasty item repeated; a long item is cut so the
      // body stays under the server's limit often enough to reach the resolver.
      let item = genValue(g, nullable.ofType, name, depth + 1);
      if (typeof item === 'string' && item.length > 40) item = item.slice(0, 40);
      if (item instanceof Raw || (item !== null && typeof item === 'object' && !Array.isArray(item) && JSON.stringify(item).length > 400)) item = {};
      return Array.from({ length: 10_000 }, () => item);
    }
    if (chance(rng, g.nastiness) && roll < 0.2) {
      return Array.from({ length: 600 + Math.floor(rng() * 600) }, () => {
        const item = genValue({ ...g, nastiness: 0.1 }, nullable.ofType, name, depth + 1);
        return typeof item === 'string' && item.length > 200 ? item.slice(0, 200) : item;
      });
    }
    if (roll < 0.3) return [];
    if (roll < 0.35) return genValue(g, nullable.ofType, name, depth + 1); // a single item (coerced to a list)
    return Array.from({ length: 1 + Math.floor(rng() * 4) }, () => genValue(g, nullable.ofType, name, depth + 1));
  }
  if (isInputObjectType(nullable)) {
    if (depth > 4) return {};
    const out: Record<string, unknown> = {};
    for (const f of Object.values(nullable.getFields())) {
      const required = isNonNullType(f.type);
      // Optional fields are often left out; required ones sometimes too (a missing required field).
      if (!required && chance(g.rng, 0.45)) continue;
      if (required && chance(g.rng, g.nastiness * 0.05)) continue;
      out[f.name] = genValue(g, f.type, `${name}.${f.name}`, depth + 1);
    }
    if (chance(rng, g.nastiness * 0.05)) out['unknownField'] = 'surprise';
    return out;
  }
  const nasty = chance(rng, g.nastiness);
  const leaf = name.split('.').pop() ?? name;
  if (isEnumType(nullable)) {
    if (nasty && chance(rng, 0.4)) return pick(rng, ['NOPE', '', 'read', 'READ\u0000', 123, '__proto__']);
    return pick(rng, nullable.getValues()).name;
  }
  if (isScalarType(nullable)) {
    switch (nullable.name) {
      case 'ID': {
        const pool = idPoolFor(g.field, name, g.pools);
        if (!nasty && pool.length) return pick(rng, pool);
        return chance(rng, 0.15) ? pick(rng, [1, -1, 0, 2147483648, 1.5]) : pick(rng, NASTY_IDS);
      }
      case 'String':
        return nasty ? pick(rng, NASTY_STRINGS) : plausibleString(rng, leaf, g.pools, g.serial);
      case 'Int':
        return nasty ? pick(rng, NASTY_INTS) : pick(rng, [1, 2, 10, 50, 100]);
      case 'Float':
        return nasty ? pick(rng, NASTY_INTS) : rng() * 100;
      case 'Boolean':
        return nasty ? pick(rng, ['true', 0, 1, null, 'yes']) : chance(rng, 0.5);
      case 'DateTime':
        return nasty ? pick(rng, NASTY_DATES) : new Date(Date.now() + (1 + Math.floor(rng() * 400)) * 86_400_000).toISOString();
      case 'JSONObject':
        return nasty ? pick(rng, NASTY_JSON) : { team: `fuzz-${g.serial}`, tags: ['a', 'b'], n: g.serial };
      default:
        return nasty ? pick(rng, NASTY_STRINGS) : 'x';
    }
  }
  return null;
}

function genVariables(g: Gen, args: readonly GraphQLArgument[]): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const arg of args) {
    const required = isNonNullType(arg.type);
    if (!required && chance(g.rng, 0.3)) continue;
    if (required && chance(g.rng, g.nastiness * 0.04)) continue; // missing required variable
    vars[arg.name] = genValue(g, arg.type, arg.name, 0);
  }
  return vars;
}

// ---------------------------------------------------------------------------------------------
// Operations: one per field, with a variable for every argument and an automatic selection set.

/**
 * `__typename` and every scalar field; object fields without arguments to a small depth, but no
 * list inside a list (each would multiply the query's cost, and a costly document is refused
 * before its resolvers run).
 */
function selectionFor(type: GraphQLOutputType, depth: number, underList = isListType(getNullableType(type))): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const parts = ['__typename'];
  for (const f of Object.values((named as GraphQLObjectType).getFields())) {
    if (f.args.length > 0) continue;
    const inner = getNamedType(f.type);
    const list = isListType(getNullableType(f.type));
    if (isLeafType(inner)) parts.push(f.name);
    else if (depth < 3 && !(list && underList)) parts.push(`${f.name} ${selectionFor(f.type, depth + 1, underList || list)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const uses = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind} Fuzz${defs ? `(${defs})` : ''} { ${field.name}${uses ? `(${uses})` : ''} ${selectionFor(field.type, 1)} }`;
}

interface Target {
  label: string;
  kind: 'query' | 'mutation';
  args: readonly GraphQLArgument[];
  /** The operation text (variables named after the arguments); $parent is a real id when set. */
  query: string;
  parent?: keyof Pools;
}

/**
 * Mutations that end sessions, delete, or change the service's settings run last, so that they do
 * not make the rest meaningless; each field gets a fresh admin and fresh objects anyway.
 */
const LAST = ['updateSettings', 'changePassword', 'updateUser', 'deleteUser', 'deleteGroup', 'deleteResource', 'revokeApiToken', 'signOut'];

function targets(): Target[] {
  const query = schema.getQueryType()!;
  const mutation = schema.getMutationType()!;
  const list: Target[] = [];
  for (const f of Object.values(query.getFields())) list.push({ label: `Query.${f.name}`, kind: 'query', args: f.args, query: operationFor('query', f) });
  const mutations = Object.values(mutation.getFields()).sort((a, b) => LAST.indexOf(a.name) - LAST.indexOf(b.name));
  for (const f of mutations) list.push({ label: `Mutation.${f.name}`, kind: 'mutation', args: f.args, query: operationFor('mutation', f) });
  // Fields with arguments below the root, reached through a real parent.
  const nested: Record<string, { root: string; parent: keyof Pools }> = {
    'Group.members': { root: 'group', parent: 'group' },
    'Resource.accessors': { root: 'resource', parent: 'resource' },
    'Resource.accessExplanation': { root: 'resource', parent: 'resource' },
    'Resource.accessReasons': { root: 'resource', parent: 'resource' },
    'Webhook.deliveries': { root: 'webhook', parent: 'webhook' },
    'AccessReview.items': { root: 'accessReview', parent: 'review' },
  };
  for (const [label, via] of Object.entries(nested)) {
    const [typeName, fieldName] = label.split('.') as [string, string];
    const f = (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName]!;
    const defs = f.args.map((a) => `, $${a.name}: ${a.type.toString()}`).join('');
    const uses = f.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    list.push({
      label,
      kind: 'query',
      args: f.args,
      parent: via.parent,
      query: `query Fuzz($parent: ID!${defs}) { ${via.root}(id: $parent) { ${fieldName}(${uses}) ${selectionFor(f.type, 2)} } }`,
    });
  }
  // AuditEvent has no root by id: its summary is reached through the log's first page.
  const summary = (schema.getType('AuditEvent') as GraphQLObjectType).getFields()['summary']!;
  list.push({ label: 'AuditEvent.summary', kind: 'query', args: summary.args, query: 'query Fuzz($timeZone: String) { auditEvents(first: 5) { edges { node { summary(timeZone: $timeZone) } } } }' });
  return list;
}

/** Every object field with arguments below the root must be a nested target above. */
function nestedFieldsWithArgs(): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType()) continue;
    for (const f of Object.values(type.getFields())) if (f.args.length) out.push(`${type.name}.${f.name}`);
  }
  return out.sort();
}

// ---------------------------------------------------------------------------------------------
// What every answer must look like.

const LEAKS: readonly RegExp[] = [
  /QueryFailedError|EntityNotFound|TypeORMError|SqliteError|SQLITE_|driverError/,
  /syntax error at or near|relation "|violates .* constraint|invalid input syntax|duplicate key|out of range for type|invalid byte sequence/i,
  /\bat (?:async )?\S+ \(?[^)\s]*:\d+:\d+\)?/,
  /\n\s+at /,
  /\b(?:SELECT|INSERT INTO|UPDATE "|DELETE FROM)\b/,
  /TypeError|ReferenceError|RangeError|Maximum call stack|Cannot read propert|is not a function|undefined is not/,
  /node_modules|\/src\/|\.ts:\d+/,
];

function stringsIn(value: unknown, out: Set<string>, depth = 0): Set<string> {
  if (depth > 50) return out;
  if (typeof value === 'string' && value.length >= 3) out.add(value.slice(0, 5_000));
  else if (Array.isArray(value)) for (const v of value.slice(0, 50)) stringsIn(v, out, depth + 1);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value).slice(0, 50)) {
      if (k.length >= 3) out.add(k);
      stringsIn(v, out, depth + 1);
    }
  }
  return out;
}

interface Answer {
  status: number;
  body: unknown;
  error?: string;
}

/** The problems with one answer, or [] when it is a clean success or a clean client error. */
function problemsWith(answer: Answer, variables: Record<string, unknown>): string[] {
  if (answer.error) return [answer.error];
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  const body = answer.body as { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } | null;
  if (!body || typeof body !== 'object') return [...problems, `not a JSON object: ${String(answer.body).slice(0, 200)}`];
  // Messages may quote what was sent (graphql-js echoes a bad variable): take the inputs out first.
  const echoed = [...stringsIn(variables, new Set())].sort((a, b) => b.length - a.length);
  for (const e of body.errors ?? []) {
    const code = e.extensions?.['code'];
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) problems.push(`code ${String(code)}: ${String(e.message).slice(0, 200)}`);
    if (e.extensions && ('stacktrace' in e.extensions || 'exception' in e.extensions)) problems.push('a stack trace in extensions');
    let message = String(e.message);
    for (const s of echoed) message = message.split(s).join('').split(JSON.stringify(s).slice(1, -1)).join('');
    const leak = LEAKS.find((re) => re.test(message));
    if (leak) problems.push(`leaky message (${leak.source}): ${message.slice(0, 300)}`);
  }
  return problems;
}

/** The variables, shortened for a failure message (long strings and lists cut, deep values elided). */
function describeVariables(variables: Record<string, unknown>): string {
  const shorten = (v: unknown, depth: number): unknown => {
    if (v instanceof Raw) return `raw:${v.text.length > 40 ? `${v.text.slice(0, 40)}…(${v.text.length} chars)` : v.text}`;
    if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v;
    if (v === null || typeof v !== 'object') return v;
    if (depth > 6) return '…(deeper)';
    if (Array.isArray(v)) return v.length > 8 ? [...v.slice(0, 3).map((x) => shorten(x, depth + 1)), `…(${v.length} items)`] : v.map((x) => shorten(x, depth + 1));
    const entries = Object.entries(v);
    const shown = entries.slice(0, 8).map(([k, x]) => [k, shorten(x, depth + 1)]);
    if (entries.length > 8) shown.push(['…', `(${entries.length} keys)`]);
    return Object.fromEntries(shown);
  };
  return JSON.stringify(shorten(variables, 0)).slice(0, 1_500);
}

/** Runs `tasks` with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

// ---------------------------------------------------------------------------------------------

let app: TestApp;
let tried = 0;

beforeAll(async () => {
  app = await startTestApp();
  // An admins' own permission key, so that permission lists can name one that exists.
  const { admin } = await makeCast(app);
  await app.gql('mutation { definePermission(key: "custom.fuzz", description: "For the fuzz test") { key } }', {}, admin.as);
});
afterAll(async () => {
  console.log(`fuzz (${process.env['TEST_DB'] ?? '?'}, seed ${SEED}): ${tried} inputs over ${targets().length} fields`);
  await app?.close();
});

async function post(query: string, variables: Record<string, unknown>, token: string): Promise<Answer> {
  try {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: toBody(query, variables),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // kept as text: problemsWith reports it
    }
    return { status: response.status, body };
  } catch (error) {
    return { status: 0, body: null, error: `no answer: ${(error as Error).message}` };
  }
}

/** Fresh objects for one field: an admin of its own, a group, a resource with a grant, a request, a token. */
async function seed(serial: number): Promise<{ admin: TestUser; member: TestUser; manager: TestUser; pools: Pools }> {
  const cast = await makeCast(app, { internal: false });
  const admin = cast.admin;
  const other = await makeGroup(app, { internal: false, members: [cast.user.user.id] });
  const kind = `fuzzkind${serial}`;
  const res = await app.gql<{ createResource: { id: string } }>(
    'mutation ($i: CreateResourceInput!) { createResource(input: $i) { id } }',
    { i: { kind, name: `Fuzz resource ${serial}`, externalId: `ext-${serial}` } },
    admin.as,
  );
  const resourceId = res.data!.createResource.id;
  const grant = await app.gql<{ grantAccess: { id: string } }>(
    'mutation ($r: ID!, $u: ID) { grantAccess(resourceId: $r, userId: $u, level: READ) { id } }',
    { r: resourceId, u: cast.user.user.id },
    admin.as,
  );
  const join = await app.gql<{ joinGroup: { request: { id: string } | null } }>(
    'mutation ($g: ID!) { joinGroup(groupId: $g, reason: "fuzz") { request { id } } }',
    { g: cast.group.id },
    cast.user.as,
  );
  const token = await app.gql<{ createApiToken: { id: string } }>(
    'mutation { createApiToken(name: "fuzz") { id } }',
    {},
    admin.as,
  );
  const notifications = await app.gql<{ notifications: { edges: { node: { id: string } }[] } }>('{ notifications { edges { node { id } } } }', {}, cast.leader.as);
  // Disabled: the fuzz's webhook never sends anything anywhere.
  const webhook = await app.gql<{ createWebhook: { webhook: { id: string } } }>('mutation { createWebhook(input: { url: "https://example.org/fuzz", enabled: false }) { webhook { id } } }', {}, admin.as);
  const review = await app.gql<{ startAccessReview: { id: string } }>(
    'mutation ($i: AccessReviewInput!) { startAccessReview(input: $i) { id } }',
    { i: { name: `Fuzz review ${serial}`, groupIds: [cast.group.id], deadline: new Date(Date.now() + 7 * 86_400_000).toISOString() } },
    admin.as,
  );
  const pools: Pools = {
    user: [admin.user.id, cast.user.user.id, cast.leader.user.id, cast.manager.user.id],
    group: [cast.group.id, other.id],
    resource: [resourceId],
    request: join.data?.joinGroup.request ? [join.data.joinGroup.request.id] : [],
    grant: grant.data ? [grant.data.grantAccess.id] : [],
    token: token.data ? [token.data.createApiToken.id] : [],
    notification: notifications.data?.notifications.edges.map((e) => e.node.id) ?? [],
    permission: ['audit.read', 'groups.manage', 'groups.request', 'access.check', 'resources.create', 'custom.fuzz'],
    kind: [kind, 'doc'],
    externalId: [`ext-${serial}`, 'missing'],
    webhook: webhook.data ? [webhook.data.createWebhook.webhook.id] : [],
    review: review.data ? [review.data.startAccessReview.id] : [],
  };
  return { admin, member: cast.user, manager: cast.manager, pools };
}

describe('schema fuzz', () => {
  it('covers every field with arguments below the root', () => {
    expect(nestedFieldsWithArgs()).toEqual(['AccessReview.items', 'AuditEvent.summary', 'Group.members', 'Resource.accessExplanation', 'Resource.accessReasons', 'Resource.accessors', 'Webhook.deliveries']);
  });

  const all = targets();
  it.each(all.map((t, i) => [t.label, i] as const))('%s answers every malformed input cleanly', { timeout: 180_000 }, async (label, index) => {
    const target = all[index]!;
    const { admin, member, manager, pools } = await seed(index);
    const rng = mulberry32(SEED ^ hash(label));
    const failures: string[] = [];
    const outcomes = new Map<string, number>();
    const runs = target.args.length || target.parent ? RUNS : 5;
    const inputs = Array.from({ length: runs }, (_, i) => {
      const g: Gen = { rng, pools, field: label.split('.')[1]!, nastiness: pick(rng, [0, 0.15, 0.4, 0.8, 1]), serial: index * 10_000 + i };
      const variables = genVariables(g, target.args);
      if (target.parent) variables['parent'] = pick(rng, pools[target.parent]);
      // Most as the field's own admin; some as a plain member or a group manager.
      const roll = rng();
      return { variables, token: roll < 0.15 ? member.token : roll < 0.25 ? manager.token : admin.token };
    });
    await pool(inputs, CONCURRENCY, async ({ variables, token }) => {
      const answer = await post(target.query, variables, token);
      tried++;
      if (STATS) {
        const errs = (answer.body as { errors?: { extensions?: { code?: string; reason?: string } }[] } | null)?.errors;
        const key = errs?.length ? `${errs[0]?.extensions?.code}/${errs[0]?.extensions?.reason ?? ''}` : 'OK';
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }
      const problems = problemsWith(answer, variables);
      if (problems.length) failures.push(`${problems.join('; ')}\n    variables: ${describeVariables(variables)}`);
    });

    if (STATS) console.log(label, JSON.stringify(Object.fromEntries(outcomes)));
    const health = await app.fetch('/healthz', { signal: AbortSignal.timeout(10_000) }).catch((e: Error) => ({ status: `no answer: ${e.message}` }));
    const trivial = await app.gql('{ serverInfo { version } }', {}).catch(() => null);
    expect.soft(health.status, 'healthz after the field').toBe(200);
    expect.soft(trivial?.data, 'a trivial query after the field').toBeTruthy();
    expect(failures, `seed ${SEED}, ${label}: ${failures.length} of ${runs} inputs failed\n  ${failures.slice(0, 8).join('\n  ')}`).toEqual([]);
  });
});
