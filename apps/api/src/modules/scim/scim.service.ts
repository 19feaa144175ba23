import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import type { JsonObject } from '../../db/columns';
import type { Db } from '../../db/db';
import type { GroupsService } from '../groups/groups.service';
import type { MembershipsService } from '../memberships/memberships.service';
import type { UsersService } from '../users/users.service';
import { parseFilter, type Condition } from './scim.filter';
import { GROUP_FILTER_ATTRS, readGroup, ScimGroups } from './scim.groups';
import { readOperations } from './scim.patch';
import { checkIfMatch, MAX_PAGE, SCHEMA, ScimError, scimErrors } from './scim.protocol';
import { readUser, ScimUsers, USER_FILTER_ATTRS } from './scim.users';

/** The query parameters a list takes (RFC 7644 §3.4.2). */
export interface ListQuery {
  filter?: unknown;
  startIndex?: unknown;
  count?: unknown;
  excludedAttributes?: unknown;
  attributes?: unknown;
}

export type ResourceKind = 'Users' | 'Groups';

/**
 * The SCIM 2.0 service provider's use-cases (SPEC §19): each request is authorized (the caller
 * holds `scim.provision`) and runs as one transaction, so a refused request changes nothing.
 * Answers are representations; the router adds `meta.location` and writes them.
 */
export class ScimService {
  readonly users: ScimUsers;
  readonly groups: ScimGroups;

  constructor(
    private readonly db: Db,
    users: UsersService,
    groups: GroupsService,
    memberships: MembershipsService,
  ) {
    this.users = new ScimUsers(users, memberships);
    this.groups = new ScimGroups(groups, memberships);
  }

  /** Refuses callers without `scim.provision` (admins hold it: they hold every permission). */
  authorize(viewer: Viewer | null, problem: string | null): Viewer {
    if (!viewer) throw new ScimError(401, problem ?? 'Send "Authorization: Bearer <API token>" of a user holding scim.provision.');
    if (!holds(viewer, 'scim.provision')) throw new ScimError(403, 'This token\'s user does not hold scim.provision.');
    return viewer;
  }

  async list(viewer: Viewer, kind: ResourceKind, query: ListQuery): Promise<{ total: number; startIndex: number; resources: JsonObject[] }> {
    const startIndex = pageNumber(query.startIndex, 'startIndex', 1);
    const count = Math.min(pageNumber(query.count, 'count', 100, 0), MAX_PAGE);
    const filterText = single(query.filter, 'filter');
    const withMembers = !excluded(query, 'members');
    return this.db.transaction(async (tx) => {
      if (kind === 'Users') {
        const filter: Condition | null = filterText !== null ? parseFilter(filterText, SCHEMA.user, USER_FILTER_ATTRS) : null;
        const { total, rows } = await this.users.list(tx, filter, startIndex, count);
        return { total, startIndex, resources: rows.map((r) => this.users.document(r)) };
      }
      const filter = filterText !== null ? parseFilter(filterText, SCHEMA.group, GROUP_FILTER_ATTRS) : null;
      const { total, rows } = await this.groups.list(tx, filter, startIndex, count);
      const members = withMembers ? await this.groups.membersOf(tx, rows.map((r) => r.group.id)) : null;
      return { total, startIndex, resources: rows.map((r) => this.groups.document(r, members?.get(r.group.id) ?? null)) };
    });
  }

  async get(viewer: Viewer, kind: ResourceKind, id: string, query: ListQuery): Promise<JsonObject> {
    return this.db.transaction(async (tx) => {
      if (kind === 'Users') return this.users.document(await this.users.find(tx, id));
      return this.groupDocument(tx, await this.groups.find(tx, id), !excluded(query, 'members'));
    });
  }

  async create(viewer: Viewer, kind: ResourceKind, body: JsonObject): Promise<JsonObject> {
    if (kind === 'Users') {
      const input = readUser(body);
      return this.db.transaction(async (tx) => this.users.document(await this.users.create(tx, viewer, input)));
    }
    const input = readGroup(body);
    return this.db.transaction(async (tx) => this.groupDocument(tx, await this.groups.create(tx, viewer, input), true));
  }

  /** PUT; `ifMatch` is the request's If-Match header (see checkIfMatch), as for PATCH and DELETE. */
  async replace(viewer: Viewer, kind: ResourceKind, id: string, body: JsonObject, ifMatch?: string): Promise<JsonObject> {
    if (kind === 'Users') {
      const input = readUser(body);
      return this.db.transaction(async (tx) => {
        await this.precondition(tx, kind, id, ifMatch);
        return this.users.document(await this.users.replace(tx, viewer, id, input));
      });
    }
    const input = readGroup(body);
    return this.db.transaction(async (tx) => {
      await this.precondition(tx, kind, id, ifMatch);
      return this.groupDocument(tx, await this.groups.replace(tx, viewer, id, input), true);
    });
  }

  /** PATCH; `members` are left out of the answer when the query excludes them (Entra ID's habit). */
  async patch(viewer: Viewer, kind: ResourceKind, id: string, body: JsonObject, query: ListQuery, ifMatch?: string): Promise<JsonObject> {
    const schemas = body['schemas'];
    if (schemas !== undefined && (!Array.isArray(schemas) || !schemas.includes(SCHEMA.patchOp))) throw scimErrors.invalidSyntax(`A PATCH body's "schemas" must name ${SCHEMA.patchOp}.`);
    const ops = readOperations(body);
    return this.db.transaction(async (tx) => {
      await this.precondition(tx, kind, id, ifMatch);
      if (kind === 'Users') return this.users.document(await this.users.patch(tx, viewer, id, ops));
      return this.groupDocument(tx, await this.groups.patch(tx, viewer, id, ops), !excluded(query, 'members'));
    });
  }

  async delete(viewer: Viewer, kind: ResourceKind, id: string, ifMatch?: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.precondition(tx, kind, id, ifMatch);
      await (kind === 'Users' ? this.users.delete(tx, viewer, id) : this.groups.delete(tx, viewer, id));
    });
  }

  /**
   * Locks the resource and checks If-Match against its current version (412 when it changed;
   * 404 first when it does not exist, as RFC 7232 §5 has preconditions yield to other answers).
   */
  private async precondition(tx: Parameters<ScimGroups['find']>[0], kind: ResourceKind, id: string, ifMatch: string | undefined): Promise<void> {
    if (ifMatch === undefined) return;
    const doc = kind === 'Users' ? this.users.document(await this.users.find(tx, id, true)) : this.groups.document(await this.groups.find(tx, id, true), null);
    checkIfMatch(ifMatch, String((doc['meta'] as JsonObject)['version']));
  }

  private async groupDocument(tx: Parameters<ScimGroups['find']>[0], row: Awaited<ReturnType<ScimGroups['find']>>, withMembers: boolean): Promise<JsonObject> {
    const members = withMembers ? ((await this.groups.membersOf(tx, [row.group.id])).get(row.group.id) ?? []) : null;
    return this.groups.document(row, members);
  }
}

function single(value: unknown, name: string): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') throw scimErrors.invalidValue(`Give "${name}" once.`);
  return value;
}

function pageNumber(value: unknown, name: string, fallback: number, min = 1): number {
  const text = single(value, name);
  if (text === null || text === '') return fallback;
  if (!/^-?\d{1,9}$/.test(text.trim())) throw scimErrors.invalidValue(`"${name}" must be an integer.`);
  // RFC 7644 §3.4.2.4: a startIndex below 1 means 1, a negative count means 0.
  return Math.max(Number(text), min);
}

function excluded(query: ListQuery, attribute: string): boolean {
  const text = single(query.excludedAttributes, 'excludedAttributes');
  return text !== null && text.split(',').some((a) => a.trim().toLowerCase() === attribute);
}
