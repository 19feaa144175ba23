import { createHash } from 'node:crypto';
import { AppError } from '../../common/errors';

/**
 * The fixed parts of SCIM 2.0 (RFC 7643, RFC 7644) as Gatehouse speaks it (SPEC §19): schema
 * URNs, the error object, and the discovery documents.
 */
export const SCIM_CONTENT_TYPE = 'application/scim+json';
export const SCHEMA = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

/** Largest page one list answers (`count` above it is lowered, as RFC 7644 §3.4.2.4 allows). */
export const MAX_PAGE = 1000;
/** Largest request body: a PATCH naming some ten thousand members. */
export const MAX_BODY_BYTES = 4_000_000;
/** Most member ids one request may name. */
export const MAX_MEMBERS_PER_REQUEST = 20_000;

export type ScimType = 'uniqueness' | 'invalidFilter' | 'invalidValue' | 'invalidSyntax' | 'noTarget' | 'mutability' | 'tooMany' | 'invalidPath';

/** A refusal, answered as a SCIM error object (RFC 7644 §3.12): never a 500, never HTML. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
    this.name = 'ScimError';
  }

  body(): Record<string, unknown> {
    return { schemas: [SCHEMA.error], status: String(this.status), ...(this.scimType ? { scimType: this.scimType } : {}), detail: this.detail };
  }
}

export const scimErrors = {
  invalidSyntax: (detail: string) => new ScimError(400, detail, 'invalidSyntax'),
  invalidValue: (detail: string) => new ScimError(400, detail, 'invalidValue'),
  invalidFilter: (detail: string) => new ScimError(400, detail, 'invalidFilter'),
  invalidPath: (detail: string) => new ScimError(400, detail, 'invalidPath'),
  noTarget: (detail: string) => new ScimError(400, detail, 'noTarget'),
  mutability: (detail: string) => new ScimError(400, detail, 'mutability'),
  uniqueness: (detail: string) => new ScimError(409, detail, 'uniqueness'),
  notFound: (what = 'resource') => new ScimError(404, `No ${what} has this id.`),
};

/**
 * The services' own refusals (GraphQL-shaped AppErrors: a taken email, the last admin) in SCIM's
 * words. Anything else is not a refusal and stays an error for the router to log.
 */
export function toScimError(error: unknown): ScimError | null {
  if (error instanceof ScimError) return error;
  if (!(error instanceof AppError)) return null;
  switch (error.code) {
    case 'CONFLICT':
      return new ScimError(409, error.message, 'uniqueness');
    case 'BAD_USER_INPUT':
      return new ScimError(400, error.message, 'invalidValue');
    case 'NOT_FOUND':
      return new ScimError(404, error.message);
    case 'FORBIDDEN':
      return new ScimError(403, error.message);
    case 'UNAUTHENTICATED':
      return new ScimError(401, error.message);
    default:
      return null;
  }
}

/**
 * A resource's `meta.version` (a weak entity tag) from what its representation depends on: SCIM's
 * own write counter, and the parts others may change without SCIM (an admin renames a group or
 * deactivates a person in the UI) with the row's update time. A digest rather than a timestamp: on
 * SQLite the update time has whole seconds, and two changes within one must still differ.
 */
export function versionTag(...parts: (string | number | boolean | null)[]): string {
  return `W/"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16)}"`;
}

/**
 * The entity tags an `If-Match` / `If-None-Match` header lists (RFC 7232 §3): `*`, or tags compared
 * by their opaque part — SCIM's versions are weak (`W/"…"`), and RFC 7644 §3.14 has clients send
 * them back as given, so the comparison is the weak one.
 */
function entityTags(header: string, name: string): string[] | '*' {
  const text = header.trim();
  if (text === '*') return '*';
  const tag = /\s*(?:W\/)?"([^"]*)"\s*(?:,|$)/y;
  const tags: string[] = [];
  while (tag.lastIndex < text.length) {
    const at = tag.lastIndex;
    const m = tag.exec(text);
    if (!m || tag.lastIndex === at) throw scimErrors.invalidSyntax(`"${name}" must be * or a list of entity tags such as W/"…" (the meta.version of the resource).`);
    tags.push(m[1]!);
  }
  if (tags.length === 0) throw scimErrors.invalidSyntax(`"${name}" must be * or a list of entity tags.`);
  return tags;
}

const opaque = (version: string) => version.replace(/^W\//, '').replace(/^"|"$/g, '');

/** True when `header` (If-Match or If-None-Match) names `version` (or is `*`). */
export function namesVersion(header: string, version: string, name: string): boolean {
  const tags = entityTags(header, name);
  return tags === '*' || tags.includes(opaque(version));
}

/**
 * `If-Match` on PUT, PATCH and DELETE (RFC 7644 §3.14; etag is advertised as supported): absent
 * or `*` goes ahead; otherwise one listed tag must be the resource's current version, or the
 * request answers 412 and changes nothing. Checked inside the request's transaction, with the
 * resource locked, so no other write slips in between the check and the change.
 */
export function checkIfMatch(header: string | undefined, version: string): void {
  if (header === undefined) return;
  if (!namesVersion(header, version, 'If-Match')) {
    throw new ScimError(412, `The resource has changed: its version is now ${version}. Read it again (GET), then send the change with the new version.`);
  }
}

/** `/ServiceProviderConfig` (RFC 7643 §5). */
export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [SCHEMA.serviceProviderConfig],
    documentationUri: 'https://github.com/gatehouse/gatehouse#provisioning-scim-20',
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      { type: 'oauthbearertoken', name: 'Bearer token', description: 'A Gatehouse API token of a user holding scim.provision.', primary: true },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function resourceTypes(baseUrl: string) {
  return [
    {
      schemas: [SCHEMA.resourceType],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'A person (service accounts are not provisioned).',
      schema: SCHEMA.user,
      schemaExtensions: [{ schema: SCHEMA.enterpriseUser, required: false }],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
    },
    {
      schemas: [SCHEMA.resourceType],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'A group SCIM created; its members are the memberships SCIM made.',
      schema: SCHEMA.group,
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
    },
  ];
}

const attr = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

export function schemas(baseUrl: string) {
  const subs = (names: string[]) => names.map((n) => attr(n, 'string'));
  return [
    {
      schemas: [SCHEMA.schema],
      id: SCHEMA.user,
      name: 'User',
      description: 'User account',
      attributes: [
        attr('userName', 'string', { required: true, uniqueness: 'server', description: 'The sign-in email.' }),
        attr('name', 'complex', { subAttributes: subs(['formatted', 'familyName', 'givenName', 'middleName', 'honorificPrefix', 'honorificSuffix']) }),
        attr('displayName', 'string'),
        attr('active', 'boolean'),
        attr('externalId', 'string', { caseExact: true }),
        attr('emails', 'complex', { multiValued: true, subAttributes: [...subs(['value', 'type', 'display']), attr('primary', 'boolean')] }),
      ],
      meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${SCHEMA.user}` },
    },
    {
      schemas: [SCHEMA.schema],
      id: SCHEMA.enterpriseUser,
      name: 'EnterpriseUser',
      description: 'Enterprise user extension: kept as given, not used by Gatehouse.',
      attributes: subs(['employeeNumber', 'costCenter', 'organization', 'division', 'department']),
      meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${SCHEMA.enterpriseUser}` },
    },
    {
      schemas: [SCHEMA.schema],
      id: SCHEMA.group,
      name: 'Group',
      description: 'Group',
      attributes: [
        attr('displayName', 'string', { required: true, uniqueness: 'server' }),
        attr('externalId', 'string', { caseExact: true }),
        attr('members', 'complex', { multiValued: true, subAttributes: [attr('value', 'string', { mutability: 'immutable' }), attr('display', 'string'), attr('$ref', 'reference'), attr('type', 'string')] }),
      ],
      meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${SCHEMA.group}` },
    },
  ];
}
