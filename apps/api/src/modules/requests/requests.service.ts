import { In, type EntityManager } from 'typeorm';
import { LIMITS } from '@gatehouse/shared';
import { authorize } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import type { Page } from '../../common/pagination';
import { isUuid } from '../../common/validate';
import type { Db } from '../../db/db';
import { isUniqueViolation } from '../../db/errors';
import { userLabel } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import { GroupEntity } from '../groups/group.entity';
import { groupPolicy, NOT_FOUND_GROUP, type GroupFacts } from '../groups/group.policy';
import type { GroupsService } from '../groups/groups.service';
import { leaderIdsOf } from '../groups/leadership.repository';
import { isCurrentMembership } from '../memberships/current';
import { expiryText } from '../memberships/membership-expiry.service';
import type { MembershipEntity } from '../memberships/membership.entity';
import { currentMemberCount, membershipRow } from '../memberships/membership.repository';
import type { MembershipsService } from '../memberships/memberships.service';
import { notify, settleRequestNotifications } from '../notifications/notify';
import { activeHoldersOf } from '../permissions/effective-permissions.repository';
import { readSettings } from '../settings/settings.repository';
import { UserEntity } from '../users/user.entity';
import { GroupRequestEntity } from './group-request.entity';
import { assertEligible, assertExtendable } from './requester-eligibility';
import { NOT_FOUND_REQUEST, requestPolicy } from './request.policy';
import { requestPage, type RequestColumns, type RequestFilterInput, type RequestRow } from './requests.repository';
import { asked, optionalText } from './request-text';

export type JoinOutcome = 'JOINED' | 'REQUESTED' | 'ALREADY_MEMBER' | 'ALREADY_REQUESTED';
export type LeaveOutcome = 'LEFT' | 'REQUESTED' | 'NOT_MEMBER' | 'ALREADY_REQUESTED';

export interface JoinResult {
  outcome: JoinOutcome;
  group: GroupEntity;
  request: GroupRequestEntity | null;
  membership: MembershipEntity | null;
}

export interface LeaveResult {
  outcome: LeaveOutcome;
  group: GroupEntity;
  request: GroupRequestEntity | null;
}

export interface BulkResult {
  requestId: string;
  request: GroupRequestEntity | null;
  error: { code: string; reason: string | null; message: string } | null;
}


/**
 * Joining, leaving and deciding (SPEC §4–§6), each check in the order the spec gives. Every
 * method is one transaction; the request row being decided is locked (PostgreSQL) and the final
 * status change is conditional on PENDING, so two approvers racing produce exactly one decision.
 */
export class RequestsService {
  constructor(
    private readonly db: Db,
    private readonly groups: GroupsService,
    private readonly memberships: MembershipsService,
  ) {}

  private async loadGroupFor(tx: EntityManager, viewer: Viewer, groupId: string): Promise<{ group: GroupEntity; facts: GroupFacts }> {
    if (!isUuid(groupId)) throw errors.notFound(NOT_FOUND_GROUP);
    const lock = this.db.lockClause();
    // The group row is locked so maxMembers checks and joins into it are serialized.
    const group = await tx.findOne(GroupEntity, { where: { id: groupId }, ...(lock ? { lock: { mode: lock } } : {}) });
    if (!group) throw errors.notFound(NOT_FOUND_GROUP);
    const facts = await this.groups.facts(viewer, group, tx);
    authorize(groupPolicy, 'read', viewer, facts);
    return { group, facts };
  }

  private async pendingOf(tx: EntityManager, userId: string, groupId: string): Promise<GroupRequestEntity | null> {
    return tx.findOneBy(GroupRequestEntity, { userId, groupId, status: 'PENDING' });
  }

  private async subject(tx: EntityManager, userId: string): Promise<{ id: string; label: string; user: UserEntity }> {
    const user = await tx.findOneByOrFail(UserEntity, { id: userId });
    return { id: user.id, label: userLabel(user), user };
  }

  /** `joinGroup` (SPEC §4). */
  async join(viewer: Viewer, groupId: string, reason: string | null | undefined): Promise<JoinResult> {
    const text = optionalText(reason, 'reason');
    return this.db
      .transaction(async (tx) => {
        const { group, facts } = await this.loadGroupFor(tx, viewer, groupId); // 1
        authorize(groupPolicy, 'joinYourself', viewer, facts); // 2
        if (facts.isMember) return { outcome: 'ALREADY_MEMBER' as const, group, request: null, membership: null }; // 3
        authorize(groupPolicy, 'joinWithoutPublic', viewer, facts); // 4
        const me = await this.subject(tx, viewer.userId);
        if (group.open && !group.restricted) {
          // 5: open groups are joined at once
          await this.assertRoom(tx, group);
          const { result: membership } = await this.memberships.change(tx, {}, async (unit) => {
            const added = await unit.add({ user: me, group, source: 'OPEN_JOIN', actor: viewer.actor, cause: 'SELF' });
            await this.cancelPending(tx, viewer.userId, group, viewer, 'joined the open group');
            return added;
          });
          return { outcome: 'JOINED' as const, group, request: null, membership };
        }
        const pending = await this.pendingOf(tx, viewer.userId, group.id);
        // An extension left from a membership that has ended since asks for nothing now (SPEC §20).
        if (pending?.kind === 'EXTEND') await this.cancel(tx, pending, viewer, group, 'no longer a member');
        else if (pending) return { outcome: 'ALREADY_REQUESTED' as const, group, request: pending, membership: null }; // 6
        if (!text && (await readSettings(tx)).requireRequestReason) {
          throw errors.validation([{ field: 'reason', message: `Say why you want to join ${group.name}.` }]); // 7
        }
        const request = await tx.save(tx.create(GroupRequestEntity, { kind: 'JOIN', status: 'PENDING', userId: viewer.userId, groupId: group.id, reason: text })); // 8
        await audit(tx, { action: 'REQUEST_CREATED', actor: viewer.actor, group, user: me, details: { requestId: request.id, kind: 'JOIN', reason: text } });
        await this.notifyApprovers(tx, group, { title: `${me.user.displayName} asks to join ${group.name}`, body: text ?? 'No reason given.', link: '/queue', requestId: request.id });
        return { outcome: 'REQUESTED' as const, group, request, membership: null };
      })
      .catch(async (error: unknown) => Object.assign({}, await this.lostRace(error, viewer, groupId), { membership: null }));
  }

  /** `leaveGroup` (SPEC §5). Leaving never depends on groups.request, public, or anything else. */
  async leave(viewer: Viewer, groupId: string, reason: string | null | undefined): Promise<LeaveResult> {
    const text = optionalText(reason, 'reason');
    return this.db
      .transaction(async (tx) => {
        const { group, facts } = await this.loadGroupFor(tx, viewer, groupId); // 1
        authorize(groupPolicy, 'leaveYourself', viewer, facts); // 2
        if (!facts.isMember) return { outcome: 'NOT_MEMBER' as const, group, request: null }; // 3
        const leaveNow = async () => {
          const me = await this.subject(tx, viewer.userId);
          await this.memberships.change(tx, { cascade: { userIds: [viewer.userId], actor: viewer.actor, cause: `left ${group.name}` } }, async (unit) => {
            await unit.end({ user: me, group, actor: viewer.actor, action: 'MEMBER_LEFT', cause: 'SELF', reason: text });
            await this.cancelPending(tx, viewer.userId, group, viewer, 'left the group');
          });
          return { outcome: 'LEFT' as const, group, request: null };
        };
        if (group.open) return leaveNow(); // 4
        const pending = await this.pendingOf(tx, viewer.userId, group.id);
        if (pending?.kind === 'LEAVE') return { outcome: 'ALREADY_REQUESTED' as const, group, request: pending }; // 5
        if ((await readSettings(tx)).autoLeave) return leaveNow(); // 6
        if (pending) await this.cancel(tx, pending, viewer, group, 'asked to leave instead');
        const me = await this.subject(tx, viewer.userId);
        const request = await tx.save(tx.create(GroupRequestEntity, { kind: 'LEAVE', status: 'PENDING', userId: viewer.userId, groupId: group.id, reason: text })); // 7
        await audit(tx, { action: 'REQUEST_CREATED', actor: viewer.actor, group, user: me, details: { requestId: request.id, kind: 'LEAVE', reason: text } });
        await this.notifyApprovers(tx, group, { title: `${me.user.displayName} asks to leave ${group.name}`, body: text ?? 'No reason given.', link: '/queue', requestId: request.id });
        return { outcome: 'REQUESTED' as const, group, request };
      })
      .catch((error: unknown) => this.lostRace(error, viewer, groupId));
  }

  /**
   * `requestExtension` (SPEC §20): a current member asks for a later expiry — a pending EXTEND
   * request in the group's queue, decided like any other (§6); approving sets exactly `until`.
   */
  async requestExtension(viewer: Viewer, groupId: string, until: Date, reason: string | null | undefined): Promise<GroupRequestEntity> {
    const text = optionalText(reason, 'reason');
    if (Number.isNaN(until.getTime()) || until.getTime() <= Date.now()) throw errors.validation([{ field: 'until', message: 'Ask for an expiry in the future.' }]);
    return this.db
      .transaction(async (tx) => {
        const { group } = await this.loadGroupFor(tx, viewer, groupId);
        const row = await membershipRow(tx, viewer.userId, group.id);
        if (!row || !isCurrentMembership(row.expiresAt)) throw errors.conflict('NOT_MEMBER', `You are not a current member of ${group.name}.`);
        if (row.expiresAt === null) throw errors.conflict('NOT_EXPIRING', `Your membership of ${group.name} does not expire; there is nothing to extend.`);
        if (until.getTime() <= row.expiresAt.getTime()) {
          throw errors.validation([{ field: 'until', message: `Ask for an expiry after the current one (${expiryText(row.expiresAt)}).` }]);
        }
        if (await this.pendingOf(tx, viewer.userId, group.id)) throw errors.conflict('ALREADY_REQUESTED', `You already have a pending request for ${group.name}; withdraw it first.`);
        const me = await this.subject(tx, viewer.userId);
        const request = await tx.save(
          tx.create(GroupRequestEntity, { kind: 'EXTEND', status: 'PENDING', userId: viewer.userId, groupId: group.id, reason: text, requestedUntil: until }),
        );
        await audit(tx, {
          action: 'REQUEST_CREATED',
          actor: viewer.actor,
          group,
          user: me,
          details: { requestId: request.id, kind: 'EXTEND', reason: text, requestedUntil: until.toISOString(), currentExpiresAt: row.expiresAt.toISOString() },
        });
        await this.notifyApprovers(tx, group, { title: `${me.user.displayName} asks to ${asked(request, group, 'their')}`, body: text ?? 'No reason given.', link: '/queue', requestId: request.id });
        return request;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw errors.conflict('ALREADY_REQUESTED', 'You already have a pending request for this group; withdraw it first.');
        throw error;
      });
  }

  /** A concurrent identical request won the one-pending unique index: answer as step 6 would have. */
  private async lostRace(error: unknown, viewer: Viewer, groupId: string) {
    if (!isUniqueViolation(error)) throw error;
    const group = await this.db.manager.findOneByOrFail(GroupEntity, { id: groupId });
    return { outcome: 'ALREADY_REQUESTED' as const, group, request: await this.pendingOf(this.db.manager, viewer.userId, groupId) };
  }

  private async assertRoom(tx: EntityManager, group: GroupEntity, adding = 1): Promise<void> {
    if (group.maxMembers === null) return;
    const count = await currentMemberCount(tx, group.id);
    if (count + adding > group.maxMembers) throw errors.conflict('GROUP_FULL', `${group.name} is full (${group.maxMembers} members).`);
  }

  private async cancel(tx: EntityManager, request: GroupRequestEntity, actor: Viewer | null, group: GroupEntity, why: string): Promise<void> {
    await tx.update(GroupRequestEntity, { id: request.id, status: 'PENDING' }, { status: 'CANCELLED', decidedAt: new Date(), decisionComment: why });
    await settleRequestNotifications(tx, request.id);
    const user = await tx.findOneBy(UserEntity, { id: request.userId });
    await audit(tx, {
      action: 'REQUEST_CANCELLED',
      actor: actor?.actor ?? { id: null, label: 'System' },
      group,
      user: user ? { id: user.id, label: userLabel(user) } : null,
      details: { requestId: request.id, kind: request.kind, cause: why },
    });
  }

  private async cancelPending(tx: EntityManager, userId: string, group: GroupEntity, actor: Viewer, why: string): Promise<void> {
    const pending = await this.pendingOf(tx, userId, group.id);
    if (pending) await this.cancel(tx, pending, actor, group, why);
  }

  /**
   * Approvers of G (SPEC §2): its leaders; when it has none, its managers and admins (admins only
   * for restricted groups) — nobody is ever left without an approver. Active users only.
   */
  async approverIds(tx: EntityManager, group: GroupEntity): Promise<string[]> {
    const leaders = (await leaderIdsOf(tx, [group.id])).get(group.id) ?? [];
    const active = leaders.length ? (await tx.findBy(UserEntity, { id: In(leaders), isActive: true })).map((u) => u.id) : [];
    if (active.length > 0) return active;
    const admins = (await tx.findBy(UserEntity, { isAdmin: true, isActive: true })).map((u) => u.id);
    if (group.restricted || group.internal) return admins;
    return [...new Set([...admins, ...(await activeHoldersOf(tx, 'groups.manage'))])];
  }

  private async notifyApprovers(tx: EntityManager, group: GroupEntity, message: { title: string; body: string; link: string; requestId: string }): Promise<void> {
    if (!(await readSettings(tx)).notifyApprovers) return;
    await notify(tx, await this.approverIds(tx, group), { kind: 'REQUEST_TO_DECIDE', ...message });
  }

  private async lockRequest(tx: EntityManager, viewer: Viewer, requestId: string): Promise<{ request: GroupRequestEntity; group: GroupEntity; facts: GroupFacts }> {
    if (!isUuid(requestId)) throw errors.notFound(NOT_FOUND_REQUEST);
    const lock = this.db.lockClause();
    const request = await tx.findOne(GroupRequestEntity, { where: { id: requestId }, ...(lock ? { lock: { mode: lock } } : {}) });
    if (!request) throw errors.notFound(NOT_FOUND_REQUEST);
    const group = await tx.findOneByOrFail(GroupEntity, { id: request.groupId });
    const facts = await this.groups.facts(viewer, group, tx);
    authorize(requestPolicy, 'read', viewer, { request, group: facts }); // 1
    return { request, group, facts };
  }

  /**
   * `approveRequest` / `rejectRequest` (SPEC §6). Approving a join may set the membership's expiry;
   * approving an extension sets exactly the asked expiry (§20).
   */
  async decide(viewer: Viewer, requestId: string, approve: boolean, comment: string | null | undefined, expiresAt?: Date | null): Promise<GroupRequestEntity> {
    const text = optionalText(comment, 'comment');
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw errors.validation([{ field: 'expiresAt', message: 'The expiry must be in the future.' }]);
    return this.db.transaction(async (tx) => {
      const { request, group, facts } = await this.lockRequest(tx, viewer, requestId);
      if (request.status !== 'PENDING') throw errors.conflict('ALREADY_DECIDED', `This request was already ${request.status.toLowerCase()}.`); // 2
      authorize(requestPolicy, 'decide', viewer, { request, group: facts }); // 3
      // 4: the settings are read only for one's own request, the one case the row can refuse.
      if (request.userId === viewer.userId) authorize(requestPolicy, 'decideOwn', viewer, { request, group: facts, allowSelfApproval: (await readSettings(tx)).allowSelfApproval });
      if (expiresAt && request.kind !== 'JOIN') {
        throw errors.validation([{ field: 'expiresAt', message: request.kind === 'EXTEND' ? 'An extension sets the expiry its requester asked for.' : 'A leave request has no expiry.' }]);
      }
      const requester = await this.subject(tx, request.userId);
      if (approve && request.kind === 'JOIN') await assertEligible(tx, viewer, group, requester.user); // 5
      if (approve && request.kind === 'EXTEND') await assertExtendable(tx, group, request, requester.user);
      // The conditional update is the final word: if another decision got here first, nothing changes.
      const decidedAt = new Date();
      const updated = await tx.update(
        GroupRequestEntity,
        { id: request.id, status: 'PENDING' },
        { status: approve ? 'APPROVED' : 'REJECTED', decidedAt, decidedById: viewer.userId, decisionComment: text },
      );
      if (updated.affected === 0) throw errors.conflict('ALREADY_DECIDED', 'This request was decided by someone else a moment ago.');
      await settleRequestNotifications(tx, request.id);

      let membershipChanged = false;
      if (approve && request.kind === 'JOIN') {
        const { result } = await this.memberships.change(tx, {}, (unit) =>
          unit.add({ user: requester, group, source: 'REQUEST', actor: viewer.actor, cause: 'REQUEST_APPROVED', expiresAt: expiresAt ?? null }),
        );
        membershipChanged = result !== null;
      }
      if (approve && request.kind === 'EXTEND') {
        const { result } = await this.memberships.change(tx, {}, (unit) =>
          unit.setExpiry({ user: requester, group, actor: viewer.actor, expiresAt: request.requestedUntil, cause: 'REQUEST_APPROVED' }),
        );
        membershipChanged = result !== null;
      }
      if (approve && request.kind === 'LEAVE') {
        const cascade = { userIds: [requester.id], actor: viewer.actor, cause: `left ${group.name}` };
        ({ result: membershipChanged } = await this.memberships.change(tx, { cascade }, (unit) =>
          unit.end({ user: requester, group, actor: viewer.actor, action: 'MEMBER_LEFT', cause: 'REQUEST_APPROVED', reason: request.reason }),
        ));
      }
      await audit(tx, {
        action: approve ? 'REQUEST_APPROVED' : 'REQUEST_REJECTED',
        actor: viewer.actor,
        group,
        user: requester,
        details: { requestId: request.id, kind: request.kind, comment: text, membershipChanged },
      });
      const verb = approve ? 'approved' : 'rejected';
      await notify(tx, [requester.id], {
        kind: 'REQUEST_DECIDED',
        title: `Your request to ${asked(request, group, 'your')} was ${verb}`,
        body: text ?? `Decided by ${viewer.actor.label.replace(/ <.*>$/, '')}.`,
        link: `/groups/${group.id}`,
      });
      return tx.findOneByOrFail(GroupRequestEntity, { id: request.id });
    });
  }

  /** `withdrawRequest`: only the requester, only while pending. */
  async withdraw(viewer: Viewer, requestId: string): Promise<GroupRequestEntity> {
    return this.db.transaction(async (tx) => {
      const { request, group, facts } = await this.lockRequest(tx, viewer, requestId);
      authorize(requestPolicy, 'withdraw', viewer, { request, group: facts });
      if (request.status !== 'PENDING') throw errors.conflict('ALREADY_DECIDED', `This request was already ${request.status.toLowerCase()}.`);
      const updated = await tx.update(GroupRequestEntity, { id: request.id, status: 'PENDING' }, { status: 'WITHDRAWN', decidedAt: new Date(), decidedById: viewer.userId });
      if (updated.affected === 0) throw errors.conflict('ALREADY_DECIDED', 'This request was decided a moment ago.');
      await settleRequestNotifications(tx, request.id);
      await audit(tx, {
        action: 'REQUEST_WITHDRAWN',
        actor: viewer.actor,
        group,
        user: { id: viewer.userId, label: viewer.actor.label },
        details: { requestId: request.id, kind: request.kind },
      });
      return tx.findOneByOrFail(GroupRequestEntity, { id: request.id });
    });
  }

  /** Bulk deciding for the queue: each request on its own, by the same rules; the answer says which succeeded. */
  async decideMany(viewer: Viewer, requestIds: readonly string[], approve: boolean, comment: string | null | undefined): Promise<BulkResult[]> {
    const ids = [...new Set(requestIds)];
    if (ids.length < 1 || ids.length > LIMITS.maxPageSize) {
      throw errors.validation([{ field: 'requestIds', message: `Decide between 1 and ${LIMITS.maxPageSize} requests at a time.` }]);
    }
    const results: BulkResult[] = [];
    for (const requestId of ids) {
      try {
        results.push({ requestId, request: await this.decide(viewer, requestId, approve, comment), error: null });
      } catch (error) {
        const ext = (error as { extensions?: { code?: string; reason?: string } }).extensions;
        if (!ext?.code) throw error;
        results.push({ requestId, request: null, error: { code: ext.code, reason: ext.reason ?? null, message: (error as Error).message } });
      }
    }
    return results;
  }

  /** `groupRequests`: your own, or the queue you may decide (requests.repository.ts). */
  list(viewer: Viewer, filter: RequestFilterInput, first: number, after: string | null | undefined, withTotal: boolean, columns: RequestColumns): Promise<Page<RequestRow> & { totalCount?: number }> {
    return requestPage(this.db.manager, viewer, filter, first, after, withTotal, columns);
  }
}
