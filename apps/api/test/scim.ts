import { makeUser, type TestUser } from './factories';
import type { TestApp } from './harness';

/** One SCIM answer: status, parsed body (null when empty), headers. */
export interface ScimAnswer {
  status: number;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  contentType: string | null;
  headers: Headers;
}

/**
 * A SCIM client as identity providers use it: `application/scim+json` bodies, a Bearer token.
 * `raw` sends the body text as given (for malformed bodies).
 */
export async function scim(
  app: TestApp,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  options: { raw?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<ScimAnswer> {
  const headers: Record<string, string> = { accept: 'application/scim+json', ...options.headers };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const text = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
  if (text !== undefined) headers['content-type'] = options.contentType ?? 'application/scim+json';
  const response = await app.fetch(`/scim/v2${path}`, { method, headers, ...(text !== undefined ? { body: text } : {}) });
  const raw = await response.text();
  return { status: response.status, body: raw ? JSON.parse(raw) : null, contentType: response.headers.get('content-type'), headers: response.headers };
}

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** A PatchOp body. */
export const patchOp = (...Operations: Record<string, unknown>[]) => ({ schemas: [PATCH_OP], Operations });

/** The user body Okta's provisioning client POSTs (and PUTs, with the id). */
export function oktaUser(email: string, given = 'Olga', family = 'Okta', extra: Record<string, unknown> = {}) {
  return {
    schemas: [USER_SCHEMA],
    userName: email,
    name: { givenName: given, familyName: family },
    emails: [{ primary: true, value: email, type: 'work' }],
    displayName: `${given} ${family}`,
    locale: 'en-US',
    externalId: `00u${email.length}okta`,
    groups: [],
    password: 'never-stored-1A!',
    active: true,
    ...extra,
  };
}

/** The user body Entra ID's provisioning service POSTs (enterprise extension, string booleans elsewhere). */
export function entraUser(email: string, externalId: string) {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE],
    externalId,
    userName: email,
    active: true,
    addresses: [{ primary: true, type: 'work', country: 'DE', locality: 'Berlin' }],
    displayName: 'Erik Entra',
    emails: [{ primary: true, type: 'work', value: email }],
    meta: { resourceType: 'User' },
    name: { familyName: 'Entra', givenName: 'Erik' },
    phoneNumbers: [{ primary: true, type: 'work', value: '+49 30 1234' }],
    title: 'Engineer',
    [ENTERPRISE]: { employeeNumber: '4711', department: 'Platform', manager: { value: 'boss-1' } },
  };
}

/** An identity provider's service account (holding scim.provision) and the ids of `count` people it provisioned. */
export async function provisioner(app: TestApp, displayName: string, count: number, tag: string): Promise<{ idp: TestUser; people: string[] }> {
  const idp = await makeUser(app, { kind: 'SERVICE', displayName, permissions: ['scim.provision'] });
  const people: string[] = [];
  for (let i = 0; i < count; i++) people.push((await scim(app, idp.token, 'POST', '/Users', oktaUser(`${tag}-${i}-${Date.now().toString(36)}@example.com`))).body['id']);
  return { idp, people };
}

/** Group names unique within a test file's database: `${what} <time>-<n>`. */
export function uniqueNames(): (what: string) => string {
  let n = 0;
  return (what) => `${what} ${Date.now().toString(36)}-${n++}`;
}
