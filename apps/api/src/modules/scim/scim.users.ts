import { Brackets, In, type EntityManager, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';
import { LIMITS } from '@gatehouse/shared';
import type { Viewer } from '../../authz/viewer';
import { cleanName, isEmail, isUuid } from '../../common/validate';
import type { JsonObject } from '../../db/columns';
import { userLabel } from '../audit/actor';
import { rowsOfUserFrom } from '../memberships/membership.repository';
import type { MembershipsService } from '../memberships/memberships.service';
import { UserEntity } from '../users/user.entity';
import type { UsersService } from '../users/users.service';
import type { Condition } from './scim.filter';
import { applyPatch, type PatchOperation } from './scim.patch';
import { SCHEMA, scimErrors, versionTag } from './scim.protocol';
import { ScimUserEntity } from './scim.entity';

/** What a SCIM User says, read and checked (from a POST or PUT body, or a patched representation). */
export interface UserInput {
  userName: string;
  displayName: string | null;
  name: JsonObject | null;
  emails: JsonObject[] | null;
  active: boolean | null;
  externalId: string | null;
  enterprise: JsonObject | null;
}

/** Lower-cased names → the spelling the User representation uses (PATCH writes these). */
export const USER_ATTRS: Record<string, string> = {
  username: 'userName',
  displayname: 'displayName',
  name: 'name',
  emails: 'emails',
  active: 'active',
  externalid: 'externalId',
  givenname: 'givenName',
  familyname: 'familyName',
  middlename: 'middleName',
  formatted: 'formatted',
  honorificprefix: 'honorificPrefix',
  honorificsuffix: 'honorificSuffix',
  value: 'value',
  type: 'type',
  primary: 'primary',
  display: 'display',
};

/** Attributes a filter may compare (SPEC §19), lower-cased → canonical. */
export const USER_FILTER_ATTRS: Record<string, string> = {
  username: 'userName',
  externalid: 'externalId',
  displayname: 'displayName',
  'emails.value': 'emails.value',
  id: 'id',
  active: 'active',
};

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (obj: JsonObject, name: string): unknown => {
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : obj[key];
};

/** "True", "False" (Entra ID sends booleans as strings) and booleans. */
export function readBoolean(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw scimErrors.invalidValue(`"${field}" must be true or false.`);
}

function optionalString(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw scimErrors.invalidValue(`"${field}" must be a string.`);
  if (value.length > max) throw scimErrors.invalidValue(`"${field}" must be at most ${max} characters.`);
  return value;
}

/** Reads a User body (POST, PUT, or a representation after PATCH). Unknown attributes are dropped. */
export function readUser(body: JsonObject): UserInput {
  const userName = get(body, 'userName');
  if (typeof userName !== 'string' || !userName.trim()) throw scimErrors.invalidValue('"userName" is required: the person\'s email address.');
  if (!isEmail(userName.trim()) || userName.trim().length > LIMITS.emailMax) throw scimErrors.invalidValue('"userName" must be an email address (it is the sign-in email).');
  const name = get(body, 'name');
  if (name !== undefined && name !== null && !isObject(name)) throw scimErrors.invalidValue('"name" must be an object.');
  if (isObject(name)) for (const [k, v] of Object.entries(name)) if (v !== null && typeof v !== 'string') throw scimErrors.invalidValue(`"name.${k}" must be a string.`);
  const emails = get(body, 'emails');
  if (emails !== undefined && emails !== null && (!Array.isArray(emails) || !emails.every((e) => isObject(e) && typeof e['value'] === 'string'))) {
    throw scimErrors.invalidValue('"emails" must be a list of objects with a string "value".');
  }
  if (Array.isArray(emails) && emails.length > 20) throw scimErrors.invalidValue('"emails" may hold at most 20 addresses.');
  const active = get(body, 'active');
  const enterprise = get(body, SCHEMA.enterpriseUser);
  if (enterprise !== undefined && enterprise !== null && !isObject(enterprise)) throw scimErrors.invalidValue('The enterprise extension must be an object.');
  const schemas = get(body, 'schemas');
  if (schemas !== undefined && (!Array.isArray(schemas) || !schemas.every((s) => typeof s === 'string'))) throw scimErrors.invalidSyntax('"schemas" must be a list of schema URNs.');
  return {
    userName: userName.trim(),
    displayName: optionalString(get(body, 'displayName'), 'displayName', 1000),
    name: isObject(name) ? name : null,
    emails: Array.isArray(emails) ? (emails as JsonObject[]) : null,
    active: active === undefined || active === null ? null : readBoolean(active, 'active'),
    externalId: optionalString(get(body, 'externalId'), 'externalId', 255),
    enterprise: isObject(enterprise) ? enterprise : null,
  };
}

const primaryOf = (emails: readonly JsonObject[] | null): JsonObject | undefined =>
  emails ? (emails.find((e) => e['primary'] === true || e['primary'] === 'True' || e['primary'] === 'true') ?? emails[0]) : undefined;

/** The display name an account gets: displayName, else the name's parts, else the email's local part. */
function displayNameOf(input: UserInput): string {
  const parts = input.name ? [input.name['givenName'], input.name['familyName']].filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
  const chosen = input.displayName?.trim() || (typeof input.name?.['formatted'] === 'string' ? input.name['formatted'].trim() : '') || parts.join(' ') || input.userName.split('@')[0]!;
  const name = cleanName(chosen).slice(0, LIMITS.displayNameMax);
  return name || input.userName;
}

export interface UserRow {
  user: UserEntity;
  scim: ScimUserEntity | null;
}

/**
 * SCIM's view of accounts (SPEC §19): every human account that SCIM did not delete; `userName`
 * is the sign-in email, and the primary email always says the same.
 */
export class ScimUsers {
  constructor(
    private readonly users: UsersService,
    private readonly memberships: MembershipsService,
  ) {}

  /** Restricts a query over `user_account u` left-joined to `scim_user s` to SCIM-visible accounts. */
  static visible<T extends WhereExpressionBuilder>(qb: T): T {
    return qb.andWhere("u.kind = 'HUMAN'").andWhere(new Brackets((b) => b.where('s.deletedAt IS NULL').orWhere('u.isActive = :scimYes', { scimYes: true })));
  }

  private base(tx: EntityManager): SelectQueryBuilder<UserEntity> {
    return ScimUsers.visible(tx.createQueryBuilder(UserEntity, 'u').leftJoin(ScimUserEntity, 's', 's.userId = u.id').where('1 = 1'));
  }

  async find(tx: EntityManager, id: string, lock = false): Promise<UserRow> {
    if (!isUuid(id)) throw scimErrors.notFound('user');
    const qb = this.base(tx).andWhere('u.id = :id', { id });
    const user = await qb.getOne();
    if (!user) throw scimErrors.notFound('user');
    const scim = await tx.findOne(ScimUserEntity, { where: { userId: id }, ...(lock && tx.connection.options.type === 'postgres' ? { lock: { mode: 'for_no_key_update' as const } } : {}) });
    return { user, scim };
  }

  async list(tx: EntityManager, filter: Condition | null, startIndex: number, count: number): Promise<{ total: number; rows: UserRow[] }> {
    const qb = this.base(tx);
    if (filter) qb.andWhere(brackets(filter, userLeaf, { n: 0 }));
    const total = await qb.getCount();
    if (count === 0) return { total, rows: [] };
    const users = await qb.orderBy('u.createdAt', 'ASC').addOrderBy('u.id', 'ASC').offset(startIndex - 1).limit(count).getMany();
    const scims = users.length ? await tx.findBy(ScimUserEntity, { userId: In(users.map((u) => u.id)) }) : [];
    const byId = new Map(scims.map((s) => [s.userId, s]));
    return { total, rows: users.map((user) => ({ user, scim: byId.get(user.id) ?? null })) };
  }

  /** POST /Users. A taken userName (also a SCIM-deleted account's) answers 409 uniqueness. */
  async create(tx: EntityManager, viewer: Viewer, input: UserInput): Promise<UserRow> {
    const email = this.signInEmail(input, null);
    if (await tx.existsBy(UserEntity, { emailKey: email.toLowerCase() })) throw scimErrors.uniqueness(`An account with userName "${email}" already exists.`);
    const user = await this.users.insert(tx, viewer.actor, { email, displayName: displayNameOf(input), kind: 'HUMAN', cause: 'SCIM' });
    await tx.save(tx.create(ScimUserEntity, { userId: user.id, externalId: input.externalId, attributes: this.attributes(input, email), deletedAt: null }));
    if (input.active === false) await this.users.updateIn(tx, viewer, user.id, { isActive: false }, { authorized: true, cause: 'SCIM' });
    return this.find(tx, user.id);
  }

  /** PUT /Users/{id}: the account becomes what the body says (`active` absent: unchanged). */
  async replace(tx: EntityManager, viewer: Viewer, id: string, input: UserInput): Promise<UserRow> {
    const row = await this.find(tx, id, true);
    return this.write(tx, viewer, row, input);
  }

  /** PATCH /Users/{id}: the operations applied to the current representation, then written as a PUT. */
  async patch(tx: EntityManager, viewer: Viewer, id: string, ops: readonly PatchOperation[]): Promise<UserRow> {
    const row = await this.find(tx, id, true);
    const doc = this.document(row);
    applyPatch(doc, ops, SCHEMA.user, [SCHEMA.enterpriseUser], USER_ATTRS);
    if (get(doc, 'id') !== row.user.id) throw scimErrors.mutability('"id" cannot be changed.');
    return this.write(tx, viewer, row, readUser(doc));
  }

  /**
   * DELETE /Users/{id}: deactivates the account (sessions and tokens end, the cascade runs) and
   * detaches it from SCIM: its SCIM-made memberships end, later SCIM calls answer 404.
   */
  async delete(tx: EntityManager, viewer: Viewer, id: string): Promise<void> {
    const { user, scim } = await this.find(tx, id, true);
    if (user.isActive) await this.users.updateIn(tx, viewer, user.id, { isActive: false }, { authorized: true, cause: 'SCIM' });
    const subject = { id: user.id, label: userLabel(user) };
    const rows = await rowsOfUserFrom(tx, user.id, 'SCIM');
    await this.memberships.change(tx, {}, async (unit) => {
      for (const m of rows) {
        await unit.end({ user: subject, group: m.group!, actor: viewer.actor, action: 'MEMBER_REMOVED', cause: 'SCIM', reason: 'The identity provider deleted the account.' });
      }
    });
    if (scim) await tx.update(ScimUserEntity, { userId: user.id }, { deletedAt: new Date(), version: () => 'version + 1' });
    else await tx.insert(ScimUserEntity, { userId: user.id, externalId: null, attributes: {}, deletedAt: new Date() });
  }

  private async write(tx: EntityManager, viewer: Viewer, row: UserRow, input: UserInput): Promise<UserRow> {
    const { user } = row;
    const email = this.signInEmail(input, row);
    const displayName = displayNameOf(input);
    const changes: { email?: string; displayName?: string; isActive?: boolean } = {};
    if (email !== user.email) changes.email = email;
    if (displayName !== user.displayName) changes.displayName = displayName;
    if (input.active !== null && input.active !== user.isActive) changes.isActive = input.active;
    if (email.toLowerCase() !== user.emailKey && (await tx.existsBy(UserEntity, { emailKey: email.toLowerCase() }))) {
      throw scimErrors.uniqueness(`An account with userName "${email}" already exists.`);
    }
    if (Object.keys(changes).length > 0) await this.users.updateIn(tx, viewer, user.id, changes, { authorized: true, cause: 'SCIM' });
    const values = { externalId: input.externalId, attributes: this.attributes(input, email), deletedAt: null };
    if (row.scim) await tx.update(ScimUserEntity, { userId: user.id }, Object.assign({}, values, { version: () => 'version + 1' }));
    else await tx.insert(ScimUserEntity, { userId: user.id, ...values });
    return this.find(tx, user.id);
  }

  /**
   * `userName` and the primary email are one value (SPEC §19): a changed userName wins; else a
   * changed primary email becomes the userName.
   */
  private signInEmail(input: UserInput, row: UserRow | null): string {
    if (!row || input.userName.toLowerCase() !== row.user.emailKey) return input.userName;
    const before = primaryOf(this.emails(row))?.['value'];
    const after = primaryOf(input.emails)?.['value'];
    if (typeof after === 'string' && after.toLowerCase() !== String(before).toLowerCase()) {
      if (!isEmail(after.trim())) throw scimErrors.invalidValue('The primary email must be an email address.');
      return after.trim();
    }
    return input.userName;
  }

  private attributes(input: UserInput, email: string): JsonObject {
    const emails = input.emails ? input.emails.map((e) => ({ ...e })) : null;
    const primary = primaryOf(emails);
    if (primary) primary['value'] = email;
    const attributes: JsonObject = {};
    if (input.name) attributes['name'] = input.name;
    if (emails) attributes['emails'] = emails;
    if (input.enterprise) attributes['enterprise'] = input.enterprise;
    return attributes;
  }

  private emails(row: UserRow): JsonObject[] {
    const stored = row.scim?.attributes['emails'];
    if (!Array.isArray(stored) || stored.length === 0) return [{ value: row.user.email, type: 'work', primary: true }];
    const emails = (stored as JsonObject[]).map((e) => ({ ...e }));
    primaryOf(emails)!['value'] = row.user.email;
    return emails;
  }

  /** The User representation (RFC 7643 §4.1), without `meta`'s location (the router adds it). */
  document(row: UserRow): JsonObject {
    const { user, scim } = row;
    const enterprise = scim?.attributes['enterprise'] as JsonObject | undefined;
    return {
      schemas: enterprise ? [SCHEMA.user, SCHEMA.enterpriseUser] : [SCHEMA.user],
      id: user.id,
      ...(scim?.externalId ? { externalId: scim.externalId } : {}),
      userName: user.email,
      name: (scim?.attributes['name'] as JsonObject | undefined) ?? { formatted: user.displayName },
      displayName: user.displayName,
      emails: this.emails(row),
      active: user.isActive,
      ...(enterprise ? { [SCHEMA.enterpriseUser]: enterprise } : {}),
      meta: {
        resourceType: 'User',
        created: user.createdAt.toISOString(),
        lastModified: new Date(Math.max(user.updatedAt.getTime(), scim?.updatedAt.getTime() ?? 0)).toISOString(),
        version: versionTag(scim?.version ?? 0, user.email, user.displayName, user.isActive, user.updatedAt.getTime()),
      },
    };
  }
}

/** One `eq` leaf as SQL over `user_account u` / `scim_user s`. */
function userLeaf(attr: string, value: string | boolean, param: string): [string, unknown] {
  if (attr === 'active') {
    if (typeof value !== 'boolean') throw scimErrors.invalidFilter('"active" is compared with true or false.');
    return [`u.isActive = :${param}`, value];
  }
  if (typeof value !== 'string') throw scimErrors.invalidFilter(`"${attr}" is compared with a string.`);
  switch (attr) {
    case 'userName':
    case 'emails.value':
      return [`u.emailKey = :${param}`, value.trim().toLowerCase()];
    case 'displayName':
      return [`u.nameKey = :${param}`, value.trim().toLowerCase()];
    case 'externalId':
      return [`s.externalId = :${param}`, value];
    default:
      return isUuid(value) ? [`u.id = :${param}`, value] : ['1 = 0', null];
  }
}

export type Leaf = (attr: string, value: string | boolean, param: string) => [string, unknown];

/** A condition as query-builder brackets; parameters are named scimF0, scimF1, … */
export function brackets(c: Condition, leaf: Leaf, counter: { n: number }): Brackets {
  return new Brackets((qb) => {
    if (c.op === 'eq') {
      const param = `scimF${counter.n++}`;
      const [sql, value] = leaf(c.attr, c.value, param);
      qb.where(sql, value === null ? {} : { [param]: value });
      return;
    }
    c.filters.forEach((f, i) => {
      const b = brackets(f, leaf, counter);
      if (i === 0) qb.where(b);
      else if (c.op === 'and') qb.andWhere(b);
      else qb.orWhere(b);
    });
  });
}
