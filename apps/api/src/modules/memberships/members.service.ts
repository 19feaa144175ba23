import { Brackets, In, type EntityManager } from 'typeorm';
import { LIMITS } from '@gatehouse/shared';
import { authorize, can } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { expiryText } from '../../common/days';
import { errors } from '../../common/errors';
import { decodeCursor, emptyPage, toPage, type Page } from '../../common/pagination';
import { isUuid, Problems } from '../../common/validate';
import type { Db } from '../../db/db';
import { userLabel } from '../audit/actor';
import { GroupPermissionEntity } from '../groups/group-permission.entity';
import type { GroupEntity } from '../groups/group.entity';
import { actingRole, groupPolicy, type GroupFacts } from '../groups/group.policy';
import type { GroupsService } from '../groups/groups.service';
import { emailReadableSql } from '../users/email-visibility';
import { UserEntity } from '../users/user.entity';
import { likePattern } from '../users/users.service';
import { whereCurrentMembership } from './current';
import { MembershipEntity } from './membership.entity';
import { currentMemberCount, currentMemberIdsAmong, rowsOfGroup } from './membership.repository';
import type { MembershipsService } from './memberships.service';

/** The person who acted, as a message names them ("Ada Admin", not "Ada Admin <ada@…>"). */
const byName = (viewer: Viewer) => viewer.actor.label.replace(/ <.*>$/, '');

/** Escalation guard (SPEC §2): non-admins may not grow a group that carries a permission they lack. */
export async function escalationGuard(tx: EntityManager, actor: Viewer, group: GroupEntity): Promise<void> {
  if (actor.isAdmin) return;
  const carried = (await tx.findBy(GroupPermissionEntity, { groupId: group.id })).map((p) => p.permissionKey);
  authorize(groupPolicy, 'growCarrying', actor, { groupName: group.name, missing: carried.filter((k) => !actor.permissions.has(k)) });
}

/**
 * Managing a group's members directly (SPEC §7) and listing them: leaders, managers and admins.
 * Every change is one membership unit of work (memberships.service.ts).
 */
export class MembersService {
  constructor(
    private readonly db: Db,
    private readonly groups: GroupsService,
    private readonly memberships: MembershipsService,
  ) {}

  /**
   * `addGroupMembers` (SPEC §7): admins; managers and leaders of self-service groups. Escalation
   * guard: a non-admin may not add members to a group carrying a permission they lack. Current
   * members are skipped; an unknown or inactive user refuses the whole call; `maxMembers` holds.
   */
  async add(viewer: Viewer, groupId: string, userIds: readonly string[], expiresAt: Date | null | undefined): Promise<MembershipEntity[]> {
    const ids = [...new Set(userIds)];
    new Problems()
      .check(ids.length >= 1 && ids.length <= LIMITS.maxPageSize, 'userIds', `Add between 1 and ${LIMITS.maxPageSize} users at a time.`)
      .check(ids.every(isUuid), 'userIds', 'Some user ids are not valid ids.')
      .check(!expiresAt || expiresAt.getTime() > Date.now(), 'expiresAt', 'The expiry must be in the future.')
      .throwIfAny();
    return this.db.transaction(async (tx) => {
      const { group, facts } = await this.groups.authorize(tx, viewer, groupId, 'addMembers');
      await escalationGuard(tx, viewer, group);
      const users = await tx.findBy(UserEntity, { id: In(ids) });
      const unknown = ids.filter((i) => !users.some((u) => u.id === i));
      const inactive = users.filter((u) => !u.isActive);
      const problems = new Problems();
      if (unknown.length) problems.add('userIds', `No user has these ids: ${unknown.join(', ')}.`);
      if (inactive.length) problems.add('userIds', `These accounts are deactivated: ${inactive.map((u) => u.displayName).join(', ')}.`);
      if (group.system && users.some((u) => u.kind !== 'SERVICE')) problems.add('userIds', 'Only service accounts may be members of the System group.');
      problems.throwIfAny();
      const current = await currentMemberIdsAmong(tx, group.id, ids);
      const toAdd = users.filter((u) => !current.has(u.id));
      if (group.maxMembers !== null && toAdd.length > 0) {
        const count = await currentMemberCount(tx, group.id);
        if (count + toAdd.length > group.maxMembers) {
          throw errors.conflict('GROUP_FULL', `${group.name} allows ${group.maxMembers} members and has ${count}; adding ${toAdd.length} would exceed it.`);
        }
      }
      const { result } = await this.memberships.change(tx, {}, async (unit) => {
        const added: MembershipEntity[] = [];
        for (const user of toAdd) {
          const m = await unit.add({ user: { id: user.id, label: userLabel(user) }, group, source: 'ADDED', actor: viewer.actor, expiresAt: expiresAt ?? null, cause: actingRole(viewer, facts) });
          if (m) added.push(m);
        }
        unit.notify(toAdd.map((u) => u.id), { kind: 'MEMBERSHIP_ADDED', title: `You were added to ${group.name}`, body: `${byName(viewer)} added you${expiresAt ? `; your membership ends on ${expiryText(expiresAt)}` : ''}.`, link: `/groups/${group.id}` });
        return added;
      });
      return result;
    });
  }

  /** `removeGroupMembers` (SPEC §7): ids that are not members are ignored; returns how many were removed. */
  async remove(viewer: Viewer, groupId: string, userIds: readonly string[], reason: string | null | undefined): Promise<number> {
    const ids = [...new Set(userIds)];
    new Problems()
      .check(ids.length >= 1 && ids.length <= LIMITS.maxPageSize, 'userIds', `Remove between 1 and ${LIMITS.maxPageSize} users at a time.`)
      .check(ids.every(isUuid), 'userIds', 'Some user ids are not valid ids.')
      .check((reason ?? '').length <= LIMITS.reasonMax, 'reason', `The reason must be at most ${LIMITS.reasonMax} characters.`)
      .throwIfAny();
    return this.db.transaction(async (tx) => {
      const { group, facts } = await this.groups.authorize(tx, viewer, groupId, 'removeMembers');
      const rows = await rowsOfGroup(tx, group.id, ids);
      const cascade = { userIds: rows.map((m) => m.userId), actor: viewer.actor, cause: `removed from ${group.name}` };
      const { result } = await this.memberships.change(tx, { cascade }, async (unit) => {
        let removed = 0;
        for (const m of rows) {
          const user = { id: m.userId, label: userLabel(m.user!) };
          const ok = await unit.end({ user, group, actor: viewer.actor, action: 'MEMBER_REMOVED', cause: actingRole(viewer, facts), reason: reason ?? null });
          if (ok) removed += 1;
        }
        unit.notify(rows.map((m) => m.userId), { kind: 'MEMBERSHIP_REMOVED', title: `You were removed from ${group.name}`, body: reason ?? `${byName(viewer)} removed you.`, link: `/groups/${group.id}` });
        return removed;
      });
      return result;
    });
  }

  /** `Group.members`: current members by name, for those `listMembers` allows (else an empty page). */
  async page(viewer: Viewer, facts: GroupFacts, groupId: string, first: number, after: string | null | undefined, search: string | null | undefined): Promise<Page<MembershipEntity>> {
    if (!can(groupPolicy, 'listMembers', viewer, facts)) return emptyPage();
    const cursor = after ? decodeCursor(after, ['text', 'uuid']) : null;
    const qb = whereCurrentMembership(this.db.manager.createQueryBuilder(MembershipEntity, 'm').innerJoinAndSelect('m.user', 'u').where('m.groupId = :groupId', { groupId }), 'm');
    const term = search?.trim();
    if (term) {
      // Emails only where the viewer may read them (email-visibility.ts), as in users(search).
      const readable = await emailReadableSql(this.db.manager, viewer, 'u.id');
      qb.andWhere(
        new Brackets((w) =>
          w.where("u.nameKey LIKE :term ESCAPE '\\'", { term: likePattern(term) }).orWhere(`(u.emailKey LIKE :term ESCAPE '\\' AND ${readable.sql})`, readable.params),
        ),
      );
    }
    const totalCount = await qb.getCount();
    if (cursor) {
      const [name, id] = cursor;
      qb.andWhere(new Brackets((w) => w.where('u.nameKey > :cName', { cName: name }).orWhere('u.nameKey = :cName AND u.id > :cId', { cId: id })));
    }
    // limit, not take: the join is many-to-one, so rows are not multiplied and no DISTINCT pass is needed.
    const rows = await qb.orderBy('u.nameKey', 'ASC').addOrderBy('u.id', 'ASC').limit(first + 1).getMany();
    return Object.assign(toPage(rows, first, (m) => [m.user!.nameKey, m.userId]), { totalCount });
  }
}
