import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { LIMITS } from '@gatehouse/shared';
import type { Viewer } from '../../authz/viewer';
import { cleanName, isUuid } from '../../common/validate';
import type { JsonObject } from '../../db/columns';
import { isUniqueViolation } from '../../db/errors';
import { userLabel } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import { GroupEntity } from '../groups/group.entity';
import type { GroupsService } from '../groups/groups.service';
import { memberNamesFrom, rowsOfGroupFrom } from '../memberships/membership.repository';
import type { MemberRef, MembershipsService, MembershipUnit } from '../memberships/memberships.service';
import { UserEntity } from '../users/user.entity';
import { memberIdsOfFilter, parsePath, type Condition } from './scim.filter';
import type { PatchOperation } from './scim.patch';
import { MAX_MEMBERS_PER_REQUEST, SCHEMA, scimErrors, versionTag } from './scim.protocol';
import { ScimGroupEntity, ScimUserEntity } from './scim.entity';
import { brackets, ScimUsers } from './scim.users';

/** Attributes a group filter may compare (SPEC §19), lower-cased → canonical. */
export const GROUP_FILTER_ATTRS: Record<string, string> = { displayname: 'displayName', externalid: 'externalId', id: 'id' };

export interface GroupInput {
  displayName: string;
  externalId: string | null;
  /** null: the body did not mention members. */
  memberIds: string[] | null;
}

export interface GroupRow {
  group: GroupEntity;
  scim: ScimGroupEntity;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (obj: JsonObject, name: string): unknown => {
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : obj[key];
};

function readDisplayName(value: unknown): string {
  if (typeof value !== 'string') throw scimErrors.invalidValue('"displayName" is required: the group\'s name.');
  const name = cleanName(value);
  if (name.length < 1 || name.length > LIMITS.groupNameMax) throw scimErrors.invalidValue(`"displayName" must be 1–${LIMITS.groupNameMax} characters.`);
  return name;
}

function readExternalId(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > 255) throw scimErrors.invalidValue('"externalId" must be a string of at most 255 characters.');
  return value;
}

/** `[{ value: "<user id>" }, …]` → ids. */
export function readMemberValues(value: unknown): string[] {
  const list = Array.isArray(value) ? value : isObject(value) ? [value] : null;
  if (!list) throw scimErrors.invalidValue('"members" must be a list of { "value": "<user id>" }.');
  if (list.length > MAX_MEMBERS_PER_REQUEST) throw scimErrors.invalidValue(`At most ${MAX_MEMBERS_PER_REQUEST} members per request.`);
  return list.map((m) => {
    const v = isObject(m) ? m['value'] : undefined;
    if (typeof v !== 'string' || !v) throw scimErrors.invalidValue('Each member needs a string "value": a user id.');
    return v;
  });
}

/** Reads a Group body (POST, PUT). */
export function readGroup(body: JsonObject): GroupInput {
  const members = get(body, 'members');
  const schemas = get(body, 'schemas');
  if (schemas !== undefined && (!Array.isArray(schemas) || !schemas.every((s) => typeof s === 'string'))) throw scimErrors.invalidSyntax('"schemas" must be a list of schema URNs.');
  return {
    displayName: readDisplayName(get(body, 'displayName')),
    externalId: readExternalId(get(body, 'externalId')),
    memberIds: members === undefined || members === null ? null : readMemberValues(members),
  };
}

/**
 * SCIM's own groups (SPEC §19): internal groups of source `SCIM`. Their `members` are the
 * memberships SCIM made; SCIM ends only those, through the memberships service's set-based
 * methods (a PATCH of thousands of members is a few statements per 500).
 */
export class ScimGroups {
  constructor(
    private readonly groups: GroupsService,
    private readonly memberships: MembershipsService,
  ) {}

  private base(tx: EntityManager): SelectQueryBuilder<GroupEntity> {
    return tx.createQueryBuilder(GroupEntity, 'g').innerJoin(ScimGroupEntity, 'sg', 'sg.groupId = g.id').where("g.source = 'SCIM'");
  }

  async find(tx: EntityManager, id: string, lock = false): Promise<GroupRow> {
    if (!isUuid(id)) throw scimErrors.notFound('group');
    const pg = tx.connection.options.type === 'postgres';
    const group = await tx.findOne(GroupEntity, { where: { id, source: 'SCIM' }, ...(lock && pg ? { lock: { mode: 'for_no_key_update' as const } } : {}) });
    const scim = group ? await tx.findOneBy(ScimGroupEntity, { groupId: id }) : null;
    if (!group || !scim) throw scimErrors.notFound('group');
    return { group, scim };
  }

  async list(tx: EntityManager, filter: Condition | null, startIndex: number, count: number): Promise<{ total: number; rows: GroupRow[] }> {
    const qb = this.base(tx);
    if (filter) qb.andWhere(brackets(filter, groupLeaf, { n: 0 }));
    const total = await qb.getCount();
    if (count === 0) return { total, rows: [] };
    const groups = await qb.orderBy('g.createdAt', 'ASC').addOrderBy('g.id', 'ASC').offset(startIndex - 1).limit(count).getMany();
    const scims = groups.length ? await tx.findBy(ScimGroupEntity, { groupId: In(groups.map((g) => g.id)) }) : [];
    const byId = new Map(scims.map((s) => [s.groupId, s]));
    return { total, rows: groups.map((group) => ({ group, scim: byId.get(group.id)! })) };
  }

  /** The SCIM-made members of these groups, with display names. */
  async membersOf(tx: EntityManager, groupIds: readonly string[]): Promise<Map<string, { value: string; display: string }[]>> {
    const out = new Map<string, { value: string; display: string }[]>(groupIds.map((id) => [id, []]));
    if (groupIds.length === 0) return out;
    const rows = await memberNamesFrom(tx, groupIds, 'SCIM');
    for (const r of rows) out.get(r.groupId)?.push({ value: r.userId, display: r.displayName });
    return out;
  }

  /** POST /Groups: an internal group of source SCIM; a taken name answers 409 uniqueness. */
  async create(tx: EntityManager, viewer: Viewer, input: GroupInput): Promise<GroupRow> {
    await this.assertNameFree(tx, input.displayName);
    const members = input.memberIds ? await this.visibleUsers(tx, input.memberIds) : [];
    let group: GroupEntity;
    try {
      group = await tx.save(
        tx.create(GroupEntity, {
          name: input.displayName,
          nameKey: input.displayName.toLowerCase(),
          description: '',
          internal: true,
          metadata: {},
          source: 'SCIM',
          createdById: viewer.userId,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw scimErrors.uniqueness(`A group named "${input.displayName}" already exists.`);
      throw error;
    }
    await tx.insert(ScimGroupEntity, { groupId: group.id, externalId: input.externalId, version: 1 });
    await audit(tx, { action: 'GROUP_CREATED', actor: viewer.actor, group, details: { source: 'SCIM', cause: 'SCIM' } });
    if (members.length) await this.memberships.change(tx, {}, (unit) => this.add(unit, viewer, group, members));
    return this.find(tx, group.id);
  }

  /** PUT /Groups/{id}: name, externalId, and (when given) exactly these SCIM-made members. */
  async replace(tx: EntityManager, viewer: Viewer, id: string, input: GroupInput): Promise<GroupRow> {
    const row = await this.find(tx, id, true);
    await this.rename(tx, viewer, row.group, input.displayName);
    if (input.memberIds !== null) {
      const wanted = await this.visibleUsers(tx, input.memberIds);
      await this.replaceMembers(tx, viewer, row.group, wanted);
    }
    await this.touch(tx, row.group.id, { externalId: input.externalId });
    return this.find(tx, id);
  }

  /**
   * PATCH /Groups/{id}: `members` (add; remove by filter, by value list or all; replace),
   * `displayName`, `externalId`. Every member id is checked before anything changes.
   */
  async patch(tx: EntityManager, viewer: Viewer, id: string, ops: readonly PatchOperation[]): Promise<GroupRow> {
    const row = await this.find(tx, id, true);
    // Plan first: every operation read and every member id checked, so a bad one changes nothing.
    type Step = { kind: 'add' | 'remove' | 'replace'; ids: string[] | null } | { kind: 'name'; name: string } | { kind: 'externalId'; value: string | null };
    const steps: Step[] = [];
    const attribute = (op: PatchOperation, attr: string, value: unknown) => {
      switch (attr) {
        case 'displayname':
          if (op.op === 'remove') throw scimErrors.mutability('"displayName" is required and cannot be removed.');
          steps.push({ kind: 'name', name: readDisplayName(value) });
          return;
        case 'externalid':
          steps.push({ kind: 'externalId', value: op.op === 'remove' ? null : readExternalId(value) });
          return;
        case 'members':
          steps.push({ kind: op.op, ids: op.op === 'remove' && (value === undefined || value === null) ? null : readMemberValues(value) });
          return;
        case 'id':
          if (value !== row.group.id) throw scimErrors.mutability('"id" cannot be changed.');
          return;
        case 'schemas':
        case 'meta':
          return;
        default:
          throw scimErrors.invalidPath(`Groups have no attribute "${attr}" that can be changed.`);
      }
    };
    for (const op of ops) {
      if (op.path === null) {
        if (!isObject(op.value)) throw scimErrors.invalidValue(`An "${op.op}" without a path needs an object of attributes as its value.`);
        for (const [k, v] of Object.entries(op.value)) attribute(op, k.toLowerCase(), v);
        continue;
      }
      const p = parsePath(op.path, SCHEMA.group);
      if (p.filter) {
        if (p.attr !== 'members' || p.sub !== null || op.op !== 'remove') throw scimErrors.invalidPath('Only "remove" of members[value eq "…"] takes a filter.');
        const ids = memberIdsOfFilter(p.filter);
        if (!ids) throw scimErrors.invalidFilter('A members filter compares value with eq (or-joined).');
        steps.push({ kind: 'remove', ids });
        continue;
      }
      if (p.sub !== null) throw scimErrors.invalidPath(`The path "${op.path}" is not supported.`);
      attribute(op, p.attr, op.value);
    }
    const named = [...new Set(steps.flatMap((s) => ('ids' in s && s.ids ? s.ids : [])))];
    const users = new Map((await this.visibleUsers(tx, named)).map((u) => [u.id, u]));
    const refs = (ids: string[]) => ids.map((i) => users.get(i)!);

    for (const step of steps) {
      if (step.kind === 'name') await this.rename(tx, viewer, row.group, step.name);
      else if (step.kind === 'externalId') await tx.update(ScimGroupEntity, { groupId: id }, { externalId: step.value });
      else if (step.kind === 'replace') await this.replaceMembers(tx, viewer, row.group, refs(step.ids ?? []));
      else if (step.kind === 'add') await this.memberships.change(tx, {}, (unit) => this.add(unit, viewer, row.group, refs(step.ids ?? [])));
      else await this.removeMembers(tx, viewer, row.group, step.ids ? refs(step.ids) : null);
    }
    await this.touch(tx, id, {});
    return this.find(tx, id);
  }

  /** DELETE /Groups/{id}: the group goes, its memberships (all of them) ending audited. */
  async delete(tx: EntityManager, viewer: Viewer, id: string): Promise<void> {
    const { group } = await this.find(tx, id, true);
    await this.groups.deleteIn(tx, viewer.actor, group, 'SCIM');
  }

  private async add(unit: MembershipUnit, viewer: Viewer, group: GroupEntity, users: readonly MemberRef[]): Promise<void> {
    const added = await unit.addMany({ id: group.id, name: group.name }, users, { source: 'SCIM', actor: viewer.actor, cause: 'SCIM' });
    for (const ids of slices(added)) unit.notify(ids, { kind: 'MEMBERSHIP_ADDED', title: `You were added to ${group.name}`, body: 'Your identity provider added you (SCIM provisioning).', link: `/groups/${group.id}` });
  }

  /** Ends SCIM-made memberships of `users` (all of them when null); any other membership stays. */
  private async removeMembers(tx: EntityManager, viewer: Viewer, group: GroupEntity, users: MemberRef[] | null): Promise<void> {
    const targets = users ?? (await this.scimMembers(tx, group.id));
    if (targets.length === 0) return;
    await this.memberships.change(tx, {}, async (unit) => {
      const ended = await unit.endMany({ id: group.id, name: group.name }, targets, { actor: viewer.actor, action: 'MEMBER_REMOVED', cause: 'SCIM', onlySource: 'SCIM' });
      for (const ids of slices(ended)) unit.notify(ids, { kind: 'MEMBERSHIP_REMOVED', title: `You were removed from ${group.name}`, body: 'Your identity provider removed you (SCIM provisioning).', link: `/groups/${group.id}` });
    });
  }

  private async replaceMembers(tx: EntityManager, viewer: Viewer, group: GroupEntity, wanted: MemberRef[]): Promise<void> {
    const keep = new Set(wanted.map((u) => u.id));
    const leaving = (await this.scimMembers(tx, group.id)).filter((u) => !keep.has(u.id));
    if (leaving.length) await this.removeMembers(tx, viewer, group, leaving);
    if (wanted.length) await this.memberships.change(tx, {}, (unit) => this.add(unit, viewer, group, wanted));
  }

  private async scimMembers(tx: EntityManager, groupId: string): Promise<MemberRef[]> {
    const rows = await rowsOfGroupFrom(tx, groupId, 'SCIM');
    return rows.map((m) => ({ id: m.userId, label: userLabel(m.user!) }));
  }

  private async rename(tx: EntityManager, viewer: Viewer, group: GroupEntity, name: string): Promise<void> {
    if (name === group.name) return;
    await this.assertNameFree(tx, name, group.id);
    const before = group.name;
    group.name = name;
    group.nameKey = name.toLowerCase();
    try {
      await tx.update(GroupEntity, { id: group.id }, { name, nameKey: group.nameKey });
    } catch (error) {
      if (isUniqueViolation(error)) throw scimErrors.uniqueness(`A group named "${name}" already exists.`);
      throw error;
    }
    await audit(tx, { action: 'GROUP_UPDATED', actor: viewer.actor, group, details: { fields: ['name'], before: { name: before }, cause: 'SCIM' } });
  }

  private async assertNameFree(tx: EntityManager, name: string, exceptId?: string): Promise<void> {
    const existing = await tx.findOneBy(GroupEntity, { nameKey: name.toLowerCase() });
    if (existing && existing.id !== exceptId) throw scimErrors.uniqueness(`A group named "${existing.name}" already exists.`);
  }

  private async touch(tx: EntityManager, groupId: string, values: { externalId?: string | null }): Promise<void> {
    await tx.update(ScimGroupEntity, { groupId }, Object.assign({}, values, { version: () => 'version + 1' }));
  }

  /**
   * The accounts these ids name, each one SCIM may see (a human account SCIM did not delete); any
   * other id answers 400 invalidValue, before anything changes (SPEC §19).
   */
  async visibleUsers(tx: EntityManager, ids: readonly string[]): Promise<MemberRef[]> {
    const unique = [...new Set(ids)];
    const bad = unique.filter((i) => !isUuid(i));
    const found = new Map<string, MemberRef>();
    const valid = unique.filter((i) => isUuid(i));
    for (let i = 0; i < valid.length; i += 500) {
      const chunk = valid.slice(i, i + 500);
      const rows = await ScimUsers.visible(
        tx.createQueryBuilder(UserEntity, 'u').leftJoin(ScimUserEntity, 's', 's.userId = u.id').select(['u.id', 'u.email', 'u.displayName']).where('u.id IN (:...chunk)', { chunk }),
      ).getMany();
      for (const u of rows) found.set(u.id, { id: u.id, label: userLabel(u) });
    }
    const unknown = [...bad, ...valid.filter((i) => !found.has(i))];
    if (unknown.length) {
      const shown = unknown.slice(0, 5).map((u) => `"${u}"`).join(', ');
      throw scimErrors.invalidValue(`No user known to SCIM has the id ${shown}${unknown.length > 5 ? ` (and ${unknown.length - 5} more)` : ''}; nothing was changed.`);
    }
    return unique.map((i) => found.get(i)!);
  }

  /** The Group representation (RFC 7643 §4.2), without `meta.location` (the router adds it). */
  document(row: GroupRow, members: { value: string; display: string }[] | null): JsonObject {
    const { group, scim } = row;
    return {
      schemas: [SCHEMA.group],
      id: group.id,
      ...(scim.externalId ? { externalId: scim.externalId } : {}),
      displayName: group.name,
      ...(members ? { members } : {}),
      meta: {
        resourceType: 'Group',
        created: group.createdAt.toISOString(),
        lastModified: new Date(Math.max(group.updatedAt.getTime(), scim.updatedAt.getTime())).toISOString(),
        version: versionTag(scim.version, group.name, group.updatedAt.getTime()),
      },
    };
  }
}

/** Notifications go out 200 recipients per statement (SQLite bounds an insert's reload query). */
function slices(ids: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += 200) out.push(ids.slice(i, i + 200));
  return out;
}

function groupLeaf(attr: string, value: string | boolean, param: string): [string, unknown] {
  if (typeof value !== 'string') throw scimErrors.invalidFilter(`"${attr}" is compared with a string.`);
  switch (attr) {
    case 'displayName':
      return [`g.nameKey = :${param}`, cleanName(value).toLowerCase()];
    case 'externalId':
      return [`sg.externalId = :${param}`, value];
    default:
      return isUuid(value) ? [`g.id = :${param}`, value] : ['1 = 0', null];
  }
}
