import { In, type EntityManager } from 'typeorm';
import { authorize, can } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { cleanName, isUuid, Problems } from '../../common/validate';
import type { Db } from '../../db/db';
import { isUniqueViolation } from '../../db/errors';
import { userLabel } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import { GroupEntity } from '../groups/group.entity';
import { currentGroupIdsAmong } from '../memberships/membership.repository';
import { UserEntity } from '../users/user.entity';
import { RANK, type Level } from '../access/access.rule';
import type { AccessService } from '../access/access.service';
import { GrantEntity, type GrantLevel } from './grant.entity';
import { ResourceEntity, type Visibility } from './resource.entity';
import { NOT_FOUND_RESOURCE as NOT_FOUND, resourcePolicy } from './resource.policy';

export interface NewResource {
  kind: string;
  name: string;
  description?: string | null;
  externalId?: string | null;
  visibility?: Visibility | null;
}

export interface AccessList {
  visibility: Visibility;
  read: { userIds?: string[] | null; groupIds?: string[] | null };
  write: { userIds?: string[] | null; groupIds?: string[] | null };
}

const KIND = /^[a-z][a-z0-9-]{0,39}$/;

/** Names for grant principals (`user:<id>`, `group:<id>`), copied into audit rows. */
async function principalLabels(tx: EntityManager, keys: readonly string[]): Promise<Record<string, string>> {
  const ids = (prefix: string) => [...new Set(keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)))].filter(isUuid);
  const userIds = ids('user:');
  const groupIds = ids('group:');
  const labels: Record<string, string> = {};
  if (userIds.length) for (const u of await tx.findBy(UserEntity, { id: In(userIds) })) labels[`user:${u.id}`] = userLabel(u);
  if (groupIds.length) for (const g of await tx.findBy(GroupEntity, { id: In(groupIds) })) labels[`group:${g.id}`] = g.name;
  return labels;
}

export class ResourcesService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessService,
  ) {}

  private validate(input: { kind?: string; name?: string | null; description?: string | null; externalId?: string | null }, creating: boolean): Problems {
    const problems = new Problems();
    if (creating) problems.check(KIND.test(input.kind ?? ''), 'kind', 'The kind is a lowercase slug such as model, knowledge, tool or document (letters, digits, -; up to 40).');
    if (creating || input.name != null) {
      const name = cleanName(input.name ?? '');
      problems.check(name.length >= 1 && name.length <= 200, 'name', 'The name must be 1–200 characters.');
    }
    if (input.description != null) problems.check(input.description.length <= 2000, 'description', 'The description must be at most 2,000 characters.');
    if (input.externalId != null) problems.check(input.externalId.trim().length >= 1 && input.externalId.length <= 200, 'externalId', 'The external id must be 1–200 characters.');
    return problems;
  }

  /** `createResource`: holders of resources.create; the creator owns it. */
  async create(viewer: Viewer, input: NewResource): Promise<ResourceEntity> {
    authorize(resourcePolicy, 'create', viewer);
    this.validate(input, true).throwIfAny();
    const name = cleanName(input.name);
    const externalId = input.externalId?.trim() || null;
    return this.db
      // A taken external id is found by its unique index (UQ_resource_external), not by a read
      // first: the insert fails, the transaction rolls back, and the catch below names the conflict.
      .transaction(async (tx) => {
        const resource = await tx.save(
          tx.create(ResourceEntity, { kind: input.kind, name, nameKey: name.toLowerCase(), description: input.description ?? '', externalId, ownerId: viewer.userId, visibility: input.visibility ?? 'PRIVATE' }),
        );
        await audit(tx, { action: 'RESOURCE_CREATED', actor: viewer.actor, resource, details: { kind: resource.kind, name, externalId, visibility: resource.visibility } });
        return resource;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? errors.conflict('EXTERNAL_ID_TAKEN', `A ${input.kind} with external id ${externalId} is already registered.`) : error;
      });
  }

  /** Loads a resource for the viewer: invisible ones are NOT_FOUND. Returns the viewer's level too. */
  async visible(viewer: Viewer, id: string): Promise<{ resource: ResourceEntity; level: Level } | null> {
    if (!isUuid(id)) return null;
    const resource = await this.db.manager.findOneBy(ResourceEntity, { id });
    if (!resource) return null;
    const level = await this.access.level(viewer, id);
    return can(resourcePolicy, 'read', viewer, level) ? { resource, level } : null;
  }

  async byExternalId(viewer: Viewer, kind: string, externalId: string): Promise<{ resource: ResourceEntity; level: Level } | null> {
    const resource = await this.db.manager.findOneBy(ResourceEntity, { kind: kind.trim().toLowerCase(), externalId: externalId.trim() });
    return resource ? this.visible(viewer, resource.id) : null;
  }

  /**
   * `resourceKinds`: the kinds of the resources the viewer reaches (at READ), sorted — what the
   * Resources page offers as its kind filter. Each kind is asked of `resources` itself (one row,
   * page columns), so the answer follows the one access rule and names no kind of a resource the
   * viewer cannot see. Kinds are a short vocabulary (model, dataset, tool…): one small page
   * statement per kind registered.
   */
  async kinds(viewer: Viewer): Promise<string[]> {
    const rows = await this.db.manager.createQueryBuilder(ResourceEntity, 'r').select('r.kind', 'kind').distinct(true).orderBy('r.kind', 'ASC').getRawMany<{ kind: string }>();
    const kinds = rows.map((r) => r.kind);
    const reached = await Promise.all(kinds.map((kind) => this.access.reachable(viewer, null, { kind }, 1, null, { withTotal: false, columns: 'listed' })));
    return kinds.filter((_, i) => reached[i]!.nodes.length > 0);
  }

  /**
   * Loads and locks the resource a change decides on, then authorizes `rule` on what `tx` sees with
   * the lock held: changes to one resource queue on its row, and each decides on the state the one
   * before it committed. Everything is read through `tx` — a read through the pool or the access
   * cache here would wait for a second connection while holding this one (db/transaction-guard.ts).
   * Invisible resources are NOT_FOUND, visible-but-not-allowed FORBIDDEN.
   */
  private async forChange(tx: EntityManager, viewer: Viewer, id: string, rule: 'edit' | 'own'): Promise<ResourceEntity> {
    if (!isUuid(id)) throw errors.notFound(NOT_FOUND);
    const lock = this.db.lockClause();
    const resource = await tx.findOne(ResourceEntity, { where: { id: id.toLowerCase() }, ...(lock ? { lock: { mode: lock } } : {}) });
    if (!resource) throw errors.notFound(NOT_FOUND);
    const level = await this.access.levelIn(tx, viewer, resource.id);
    authorize(resourcePolicy, 'read', viewer, level);
    if (rule === 'edit') authorize(resourcePolicy, 'edit', viewer, level);
    else authorize(resourcePolicy, 'own', viewer, resource);
    return resource;
  }

  /** `updateResource`: name and description (owner, admins, WRITE holders). */
  async update(viewer: Viewer, id: string, input: { name?: string | null; description?: string | null }): Promise<ResourceEntity> {
    this.validate(input, false).throwIfAny();
    return this.db.transaction(async (tx) => {
      const resource = await this.forChange(tx, viewer, id, 'edit');
      const fields: string[] = [];
      if (input.name != null && cleanName(input.name) !== resource.name) {
        resource.name = cleanName(input.name);
        resource.nameKey = resource.name.toLowerCase();
        fields.push('name');
      }
      if (input.description != null && input.description !== resource.description) {
        resource.description = input.description;
        fields.push('description');
      }
      if (fields.length === 0) return resource;
      await tx.save(resource);
      await audit(tx, { action: 'RESOURCE_UPDATED', actor: viewer.actor, resource, details: { fields } });
      return resource;
    });
  }

  /** `deleteResource` (owner, admins): its grants go with it, audited. */
  async delete(viewer: Viewer, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const resource = await this.forChange(tx, viewer, id, 'own');
      const grants = await tx.countBy(GrantEntity, { resourceId: resource.id });
      await tx.delete(ResourceEntity, { id: resource.id });
      await audit(tx, { action: 'RESOURCE_DELETED', actor: viewer.actor, resource, details: { kind: resource.kind, name: resource.name, grantsRemoved: grants } });
      return true;
    });
  }

  /** `transferResourceOwnership` (owner, admins) to an active user. */
  async transfer(viewer: Viewer, id: string, newOwnerId: string): Promise<ResourceEntity> {
    return this.db.transaction(async (tx) => {
      const resource = await this.forChange(tx, viewer, id, 'own');
      const owner = isUuid(newOwnerId) ? await tx.findOneBy(UserEntity, { id: newOwnerId, isActive: true }) : null;
      if (!owner) throw errors.validation([{ field: 'userId', message: 'The new owner must be an active user.' }]);
      const previous = resource.ownerId;
      resource.ownerId = owner.id;
      await tx.save(resource);
      await audit(tx, { action: 'RESOURCE_OWNER_CHANGED', actor: viewer.actor, resource, user: { id: owner.id, label: userLabel(owner) }, details: { previousOwnerId: previous } });
      return resource;
    });
  }

  /**
   * `setResourceAccess`: replaces visibility and the whole grant list in one call (Open WebUI's
   * shape). A principal in both lists gets WRITE. Unknown principals refuse the call; a group
   * grant needs the group's consent (`shareable`). Unchanged grants keep their expiry and grantor.
   */
  async setAccess(viewer: Viewer, id: string, list: AccessList): Promise<ResourceEntity> {
    const wanted = new Map<string, GrantLevel>();
    const key = (kind: 'user' | 'group', principalId: string) => `${kind}:${principalId}`;
    for (const [level, principals] of [['READ', list.read], ['WRITE', list.write]] as const) {
      for (const u of principals.userIds ?? []) wanted.set(key('user', u), level === 'WRITE' || wanted.get(key('user', u)) === 'WRITE' ? 'WRITE' : 'READ');
      for (const g of principals.groupIds ?? []) wanted.set(key('group', g), level === 'WRITE' || wanted.get(key('group', g)) === 'WRITE' ? 'WRITE' : 'READ');
    }
    if (wanted.size > 1000) throw errors.validation([{ field: 'input', message: 'At most 1,000 principals per resource in one call.' }]);
    const userIds = [...wanted.keys()].filter((k) => k.startsWith('user:')).map((k) => k.slice(5));
    const groupIds = [...wanted.keys()].filter((k) => k.startsWith('group:')).map((k) => k.slice(6));
    return this.db.transaction(async (tx) => {
      const resource = await this.forChange(tx, viewer, id, 'edit');
      const users = userIds.filter(isUuid).length ? await tx.findBy(UserEntity, { id: In(userIds.filter(isUuid)) }) : [];
      const groups = groupIds.filter(isUuid).length ? await tx.findBy(GroupEntity, { id: In(groupIds.filter(isUuid)) }) : [];
      const problems = new Problems();
      const unknownUsers = userIds.filter((u) => !users.some((x) => x.id === u));
      const unknownGroups = groupIds.filter((g) => !groups.some((x) => x.id === g));
      if (unknownUsers.length) problems.add('userIds', `No user has these ids: ${unknownUsers.join(', ')}.`);
      if (unknownGroups.length) problems.add('groupIds', `No group has these ids: ${unknownGroups.join(', ')}.`);
      problems.throwIfAny();

      const current = await tx.findBy(GrantEntity, { resourceId: resource.id });
      const currentKey = (g: GrantEntity) => (g.userId ? key('user', g.userId) : key('group', g.groupId!));
      const currentByKey = new Map(current.map((g) => [currentKey(g), g]));
      // Consent is checked for groups being newly granted or raised; what is already there stays.
      const newOrRaised = groups.filter((g) => {
        const existing = currentByKey.get(key('group', g.id));
        return !existing || RANK[existing.level] < RANK[wanted.get(key('group', g.id))!];
      });
      await this.assertShareable(tx, viewer, newOrRaised);

      const added: string[] = [];
      const changed: string[] = [];
      const removed: string[] = [];
      for (const grant of current) {
        const level = wanted.get(currentKey(grant));
        if (!level) {
          await tx.delete(GrantEntity, { id: grant.id });
          removed.push(currentKey(grant));
        } else if (level !== grant.level) {
          await tx.update(GrantEntity, { id: grant.id }, { level, grantedById: viewer.userId });
          changed.push(`${currentKey(grant)}=${level}`);
        }
      }
      for (const [k, level] of wanted) {
        if (currentByKey.has(k)) continue;
        const [kind, principalId] = [k.slice(0, k.indexOf(':')), k.slice(k.indexOf(':') + 1)];
        await tx.insert(GrantEntity, { resourceId: resource.id, userId: kind === 'user' ? principalId : null, groupId: kind === 'group' ? principalId : null, level, grantedById: viewer.userId });
        added.push(`${k}=${level}`);
      }
      if (list.visibility !== resource.visibility) {
        await audit(tx, { action: 'VISIBILITY_CHANGED', actor: viewer.actor, resource, details: { from: resource.visibility, to: list.visibility } });
        resource.visibility = list.visibility;
        await tx.save(resource);
      }
      if (added.length || changed.length || removed.length) {
        const labels = await principalLabels(tx, [...added, ...changed, ...removed].map((entry) => entry.replace(/=(READ|WRITE)$/, '')));
        await audit(tx, { action: 'GRANT_CHANGED', actor: viewer.actor, resource, details: { added, changed, removed, labels } });
      }
      return resource;
    });
  }

  /**
   * Group consent (SPEC §11): NOBODY — admins only; MEMBERS — the actor must be a current member;
   * ANYONE — no condition.
   */
  private async assertShareable(tx: EntityManager, viewer: Viewer, groups: GroupEntity[]): Promise<void> {
    if (viewer.isAdmin || groups.length === 0) return;
    const memberOf = await currentGroupIdsAmong(tx, viewer.userId, groups.map((g) => g.id));
    authorize(resourcePolicy, 'shareWithAll', viewer, groups.map((group) => ({ group, viewerIsMember: memberOf.has(group.id) })));
  }


  /** `grantAccess`: one grant with an optional expiry (the access editor's per-row control). */
  async grant(viewer: Viewer, id: string, principal: { userId?: string | null; groupId?: string | null }, level: GrantLevel, expiresAt: Date | null | undefined): Promise<GrantEntity> {
    // An empty id names nobody: `userId: "u", groupId: ""` is one principal, and '' must not be stored.
    principal = { userId: principal.userId || null, groupId: principal.groupId || null };
    if (!!principal.userId === !!principal.groupId) throw errors.validation([{ field: 'userId', message: 'Name exactly one principal: a userId or a groupId.' }]);
    if (expiresAt && expiresAt <= new Date()) throw errors.validation([{ field: 'expiresAt', message: 'The expiry must be in the future.' }]);
    return this.db.transaction(async (tx) => {
      const resource = await this.forChange(tx, viewer, id, 'edit');
      // The grantee, named in the audit row (the user or group column, so their own log shows it).
      let grantee: { user: { id: string; label: string } } | { group: GroupEntity };
      if (principal.userId) {
        const user = isUuid(principal.userId) ? await tx.findOneBy(UserEntity, { id: principal.userId }) : null;
        if (!user) throw errors.validation([{ field: 'userId', message: 'No user has this id.' }]);
        grantee = { user: { id: user.id, label: userLabel(user) } };
      } else {
        const group = isUuid(principal.groupId!) ? await tx.findOneBy(GroupEntity, { id: principal.groupId! }) : null;
        if (!group) throw errors.validation([{ field: 'groupId', message: 'No group has this id.' }]);
        await this.assertShareable(tx, viewer, [group]);
        grantee = { group };
      }
      const where = principal.userId ? { resourceId: resource.id, userId: principal.userId } : { resourceId: resource.id, groupId: principal.groupId! };
      const existing = await tx.findOneBy(GrantEntity, where);
      if (existing) {
        // A new expiry is warned of again (SPEC §10, §20); the same one is not.
        const expiryChanged = (existing.expiresAt?.getTime() ?? null) !== (expiresAt?.getTime() ?? null);
        await tx.update(GrantEntity, { id: existing.id }, { level, expiresAt: expiresAt ?? null, grantedById: viewer.userId, ...(expiryChanged ? { expiryWarnedAt: null } : {}) });
      } else {
        await tx.insert(GrantEntity, Object.assign({}, where, { userId: principal.userId ?? null, groupId: principal.groupId ?? null, level, expiresAt: expiresAt ?? null, grantedById: viewer.userId }));
      }
      await audit(tx, { action: 'GRANT_CHANGED', actor: viewer.actor, resource, ...grantee, details: { set: Object.assign({}, principal, { level, expiresAt: expiresAt?.toISOString() ?? null }) } });
      return tx.findOneByOrFail(GrantEntity, where);
    });
  }

  /** `revokeAccess`: removes one grant (the resource's editors). */
  async revoke(viewer: Viewer, grantId: string): Promise<boolean> {
    if (!isUuid(grantId)) throw errors.notFound('No grant has this id.');
    const grant = await this.db.manager.findOneBy(GrantEntity, { id: grantId });
    if (!grant) throw errors.notFound('No grant has this id.');
    return this.db.transaction(async (tx) => {
      const resource = await this.forChange(tx, viewer, grant.resourceId, 'edit');
      // Read again under the resource's lock: a concurrent revoke may have removed it meanwhile.
      if (!(await tx.existsBy(GrantEntity, { id: grant.id }))) throw errors.notFound('No grant has this id.');
      await tx.delete(GrantEntity, { id: grant.id });
      const key = grant.userId ? `user:${grant.userId}` : `group:${grant.groupId}`;
      const labels = await principalLabels(tx, [key]);
      const label = labels[key];
      const grantee = !label ? {} : grant.userId ? { user: { id: grant.userId, label } } : { group: { id: grant.groupId!, name: label } };
      await audit(tx, { action: 'GRANT_CHANGED', actor: viewer.actor, resource, ...grantee, details: { removed: [key], labels } });
      return true;
    });
  }
}
