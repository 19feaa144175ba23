import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { expect } from 'vitest';
import type { TestApp } from './harness';
import type { TestUser } from './factories';

/**
 * Live updates through the real graphql-ws client over a real WebSocket (the subscription tests in
 * modules/events): connect as a cookie or a token, subscribe, wait for what arrives. Each test file
 * disposes of its clients with `afterAll(disposeClients)`.
 */

export const PASSWORD = 'a long enough password 42';
export const EVENTS = 'subscription ($types: [String!], $after: String) { events(types: $types, after: $after) { id type cursor data } }';
export const NOTIFICATIONS = 'subscription { notificationAdded { id title link } }';
export const FEED = 'query ($after: String) { events(after: $after, first: 100) { edges { cursor node { id type } } } }';

export interface Closed {
  code: number;
  reason: string;
}

export interface Live {
  client: Client;
  closed: Promise<Closed>;
  isClosed: () => Closed | null;
}

export interface As {
  cookie?: string;
  token?: string;
  origin?: string;
  url?: string;
}

const clients: Client[] = [];

export async function disposeClients(): Promise<void> {
  for (const client of clients.splice(0)) await client.dispose();
}

/** A graphql-ws client that sends the cookie with the handshake, or the token in connection_init. */
export function connect(target: TestApp, as: As): Live {
  const headers: Record<string, string> = {};
  if (as.cookie) headers['cookie'] = as.cookie;
  if (as.origin) headers['origin'] = as.origin;
  class Socket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  let closed: Closed | null = null;
  let resolveClosed!: (c: Closed) => void;
  const closedPromise = new Promise<Closed>((resolve) => (resolveClosed = resolve));
  const client = createClient({
    url: as.url ?? `${target.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: Socket,
    connectionParams: as.token ? { authorization: `Bearer ${as.token}` } : undefined,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        const e = event as { code: number; reason: string };
        closed = { code: e.code, reason: String(e.reason) };
        resolveClosed(closed);
      },
    },
  });
  clients.push(client);
  return { client, closed: closedPromise, isClosed: () => closed };
}

export interface Sub<T> {
  received: T[];
  errors: { message: string; extensions?: Record<string, unknown> }[];
  ended: () => boolean;
  dispose: () => void;
}

export function subscribe<T>(live: Live, query: string, variables: Record<string, unknown> = {}): Sub<T> {
  const received: T[] = [];
  const errors: Sub<T>['errors'] = [];
  let ended = false;
  const dispose = live.client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...(result.errors as Sub<T>['errors']));
        if (result.data) received.push(result.data as T);
      },
      error: (error) => {
        ended = true;
        if (Array.isArray(error)) errors.push(...(error as Sub<T>['errors']));
      },
      complete: () => {
        ended = true;
      },
    },
  );
  return { received, errors, ended: () => ended, dispose };
}

export async function until(what: string, predicate: () => boolean, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

/** The cursor of the newest event in the feed (subscribe after it: nothing older arrives). */
export async function latestCursor(target: TestApp, admin: TestUser): Promise<string | null> {
  let after: string | null = null;
  for (;;) {
    const page: { data?: { events: { edges: { cursor: string }[] } } | null } = await target.gql(FEED, { after }, admin.as);
    const edges = page.data!.events.edges;
    if (edges.length === 0) return after;
    after = edges[edges.length - 1]!.cursor;
  }
}

export async function createGroup(through: TestApp, admin: TestUser, name: string): Promise<string> {
  const r = await through.gql<{ createGroup: { id: string } }>('mutation ($n: String!) { createGroup(input: { name: $n, internal: false }) { id } }', { n: name }, admin.as);
  expect(r.errors).toBeUndefined();
  return r.data!.createGroup.id;
}

export async function signInCookie(app: TestApp, user: TestUser): Promise<string> {
  const r = await app.gql('mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { user { id } } }', { e: user.user.email, p: PASSWORD });
  expect(r.errors).toBeUndefined();
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

export type GroupEvent = { events: { id: string; type: string; cursor: string; data: { group?: { id: string; label: string } } } };
export type Added = { notificationAdded: { id: string; title: string; link: string | null } };
export const groupNames = (sub: Sub<GroupEvent>) => sub.received.filter((e) => e.events.type === 'group.created').map((e) => e.events.data.group?.label);
