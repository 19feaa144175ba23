import { Brackets, In, IsNull, type EntityManager } from 'typeorm';
import { LIMITS } from '@gatehouse/shared';
import { authorize, can } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { decodeCursor, toPage, type Page } from '../../common/pagination';
import { cleanName, isEmail, isUuid, Problems } from '../../common/validate';
import type { Db } from '../../db/db';
import { isUniqueViolation } from '../../db/errors';
import { userLabel, type Actor } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import { hashPassword, passwordProblem } from '../auth/password';
import { SessionEntity } from '../auth/session.entity';
import { builtInGroup } from '../groups/built-in-groups';
import { GroupEntity } from '../groups/group.entity';
import { rowsOfUser } from '../memberships/membership.repository';
import type { MembershipsService } from '../memberships/memberships.service';
import { readSettings } from '../settings/settings.repository';
import { ApiTokenEntity } from '../tokens/api-token.entity';
import { emailReadableSql } from './email-visibility';
import { UserEntity, type UserKind } from './user.entity';
import { userPolicy } from './user.policy';

export interface NewUser {
  email: string;
  displayName: string;
  password?: string | null;
  kind?: UserKind | null;
  isAdmin?: boolean | null;
  /** Why, in the audit row (SCIM). */
  cause?: string;
}

export interface UserChanges {
  displayName?: string | null;
  email?: string | null;
  isActive?: boolean | null;
  isAdmin?: boolean | null;
  password?: string | null;
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class UsersService {
  constructor(
    private readonly db: Db,
    private readonly memberships: MembershipsService,
  ) {}

  /** Creates an account (no authorization here: callers — admin, setup, sign-up, bootstrap — decide). */
  async create(actor: Actor, input: NewUser): Promise<UserEntity> {
    return this.db.transaction((tx) => this.insert(tx, actor, input));
  }

  /** `createUser`: admins only. */
  async createByAdmin(viewer: Viewer, input: NewUser): Promise<UserEntity> {
    authorize(userPolicy, 'create', viewer);
    return this.create(viewer.actor, input);
  }

  /**
   * Inserts the user, then puts them in their starting groups: humans join `settings.defaultGroups`
   * (the Member group unless changed), service accounts join System. All in `tx`, all audited.
   */
  async insert(tx: EntityManager, actor: Actor, input: NewUser): Promise<UserEntity> {
    const kind = input.kind ?? 'HUMAN';
    const email = input.email.trim();
    const displayName = cleanName(input.displayName);
    const problems = new Problems()
      .check(isEmail(email) && email.length <= LIMITS.emailMax, 'email', 'Enter a valid email address.')
      .check(displayName.length >= 1 && displayName.length <= LIMITS.displayNameMax, 'displayName', `The display name must be 1–${LIMITS.displayNameMax} characters.`);
    if (kind === 'SERVICE' && input.password) problems.add('password', 'Service accounts use API tokens, not passwords.');
    if (kind === 'SERVICE' && input.isAdmin) problems.add('isAdmin', 'Service accounts cannot be administrators.');
    if (kind === 'HUMAN' && input.password) {
      const problem = passwordProblem(input.password, email);
      if (problem) problems.add('password', problem);
    }
    problems.throwIfAny();

    if (await tx.existsBy(UserEntity, { emailKey: email.toLowerCase() })) {
      throw errors.conflict('EMAIL_TAKEN', 'Another account already uses this email address.');
    }
    let user: UserEntity;
    try {
      user = await tx.save(
        tx.create(UserEntity, {
          email,
          emailKey: email.toLowerCase(),
          displayName,
          nameKey: displayName.toLowerCase(),
          passwordHash: input.password ? await hashPassword(input.password) : null,
          kind,
          isAdmin: input.isAdmin ?? false,
          isActive: true,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw errors.conflict('EMAIL_TAKEN', 'Another account already uses this email address.');
      throw error;
    }
    const subject = { id: user.id, label: userLabel(user) };
    await audit(tx, { action: 'USER_CREATED', actor, user: subject, details: { kind, isAdmin: user.isAdmin, ...(input.cause ? { cause: input.cause } : {}) } });

    const starting =
      kind === 'SERVICE'
        ? [await builtInGroup(tx, 'SYSTEM')]
        : await this.defaultGroups(tx);
    if (starting.length > 0) {
      await this.memberships.change(tx, {}, async (unit) => {
        for (const group of starting) {
          await unit.add({ user: subject, group, source: 'DEFAULT', actor, cause: kind === 'SERVICE' ? 'service account' : 'default group' });
        }
      });
    }
    return user;
  }

  private async defaultGroups(tx: EntityManager): Promise<GroupEntity[]> {
    const settings = await readSettings(tx);
    if (settings.defaultGroupIds === null) return [await builtInGroup(tx, 'MEMBER')];
    if (settings.defaultGroupIds.length === 0) return [];
    // The System group only takes service accounts, even if listed as a default.
    return (await tx.findBy(GroupEntity, { id: In(settings.defaultGroupIds) })).filter((g) => !g.system);
  }

  /** `updateUser`: admins change anything; a person may change their own display name. */
  async update(viewer: Viewer, id: string, changes: UserChanges): Promise<UserEntity> {
    return this.db.transaction((tx) => this.updateIn(tx, viewer, id, changes));
  }

  /**
   * `update` in the caller's transaction. `authorized`: the caller has already authorized the
   * change (SCIM: its caller holds scim.provision), so the admin-only rule is not re-applied; the
   * invariants (last admin, unique email) still are. `cause` is recorded in the audit row.
   */
  async updateIn(tx: EntityManager, viewer: Viewer, id: string, changes: UserChanges, options: { authorized?: boolean; cause?: string } = {}): Promise<UserEntity> {
    {
      // Changes that can remove an admin lock the admin rows first, always in id order, so two
      // such changes queue instead of deadlocking on each other's target row.
      const mayRemoveAdmin = changes.isAdmin === false || changes.isActive === false;
      if (mayRemoveAdmin) await this.lockActiveAdmins(tx);
      const user = await this.lockedById(tx, id);
      if (!options.authorized) {
        authorize(userPolicy, 'update', viewer, user);
        const adminOnly = (['email', 'isActive', 'isAdmin', 'password'] as const).filter((f) => changes[f] !== undefined && changes[f] !== null);
        authorize(userPolicy, 'changeAdminFields', viewer, adminOnly);
        if (changes.email != null) authorize(userPolicy, 'setEmail', viewer, user);
        if (changes.isActive != null && changes.isActive !== user.isActive) authorize(userPolicy, 'setActive', viewer, user);
        if (changes.isAdmin != null && changes.isAdmin !== user.isAdmin) authorize(userPolicy, 'setAdmin', viewer, user);
        if (changes.password != null) authorize(userPolicy, 'resetPassword', viewer, user);
      }
      const problems = new Problems();
      const updated: string[] = [];
      if (changes.displayName != null) {
        const name = cleanName(changes.displayName);
        problems.check(name.length >= 1 && name.length <= LIMITS.displayNameMax, 'displayName', `The display name must be 1–${LIMITS.displayNameMax} characters.`);
        if (name !== user.displayName) {
          user.displayName = name;
          user.nameKey = name.toLowerCase();
          updated.push('displayName');
        }
      }
      if (changes.email != null) {
        const email = changes.email.trim();
        problems.check(isEmail(email) && email.length <= LIMITS.emailMax, 'email', 'Enter a valid email address.');
        if (email !== user.email) {
          if (email.toLowerCase() !== user.emailKey && (await tx.existsBy(UserEntity, { emailKey: email.toLowerCase() }))) {
            throw errors.conflict('EMAIL_TAKEN', 'Another account already uses this email address.');
          }
          user.email = email;
          user.emailKey = email.toLowerCase();
          updated.push('email');
        }
      }
      if (changes.password != null) {
        if (user.kind === 'SERVICE') problems.add('password', 'Service accounts use API tokens, not passwords.');
        const problem = passwordProblem(changes.password, user.email);
        if (problem) problems.add('password', problem);
      }
      if (changes.isAdmin === true && user.kind === 'SERVICE') problems.add('isAdmin', 'Service accounts cannot be administrators.');
      problems.throwIfAny();

      const losingAdmin = (changes.isAdmin === false && user.isAdmin) || (changes.isActive === false && user.isActive && user.isAdmin);
      if (losingAdmin) await this.guardLastAdmin(tx, user.id);
      if (changes.password != null) {
        user.passwordHash = await hashPassword(changes.password);
        updated.push('password');
        // A reset password ends every session: whoever had the old one is signed out.
        await tx.delete(SessionEntity, { userId: user.id });
      }
      if (changes.isAdmin != null && changes.isAdmin !== user.isAdmin) {
        user.isAdmin = changes.isAdmin;
        updated.push('isAdmin');
      }
      const deactivating = changes.isActive === false && user.isActive;
      const reactivating = changes.isActive === true && !user.isActive;
      if (changes.isActive != null && changes.isActive !== user.isActive) {
        user.isActive = changes.isActive;
        updated.push('isActive');
      }
      if (updated.length === 0) return user;

      // Deactivation and a lost admin role can cost groups.request: one membership unit of work.
      const shrinks = deactivating || updated.includes('isAdmin');
      const cascade = shrinks ? { userIds: [user.id], actor: viewer.actor, cause: deactivating ? 'deactivated' : 'admin role changed' } : null;
      await this.memberships.change(tx, { cascade }, async (unit) => {
        try {
          await tx.save(user);
        } catch (error) {
          if (isUniqueViolation(error)) throw errors.conflict('EMAIL_TAKEN', 'Another account already uses this email address.');
          throw error;
        }
        const subject = { id: user.id, label: userLabel(user) };
        if (deactivating) {
          // Sessions and tokens end at once (SPEC: deactivating ends their sessions and tokens).
          await tx.delete(SessionEntity, { userId: user.id });
          await tx.update(ApiTokenEntity, { userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
        }
        await audit(tx, {
          action: deactivating ? 'USER_DEACTIVATED' : 'USER_UPDATED',
          actor: viewer.actor,
          user: subject,
          details: { fields: updated, ...(options.cause ? { cause: options.cause } : {}) },
        });
        if (reactivating && user.kind === 'HUMAN') {
          // Deactivation's cascade took them out of non-public groups; coming back puts them in the
          // default groups again (as a new account would be), so they are not left with nothing.
          for (const group of await this.defaultGroups(tx)) {
            await unit.add({ user: subject, group, source: 'DEFAULT', actor: viewer.actor, cause: 'reactivated' });
          }
        }
      });
      return user;
    }
  }

  /** Hard delete (admins): the account goes; audit rows keep its copied label. */
  async delete(viewer: Viewer, id: string): Promise<boolean> {
    authorize(userPolicy, 'delete', viewer);
    return this.db.transaction(async (tx) => {
      await this.lockActiveAdmins(tx);
      const user = await this.lockedById(tx, id);
      if (user.isAdmin && user.isActive) await this.guardLastAdmin(tx, user.id);
      authorize(userPolicy, 'deleteAccount', viewer, user);
      const subject = { id: user.id, label: userLabel(user) };
      // Each membership ends audited, as one unit of work, before the row goes (the foreign key
      // would end them silently). Nobody else's permissions depend on this user's: no cascade.
      await this.memberships.change(tx, {}, async (unit) => {
        for (const m of await rowsOfUser(tx, user.id)) {
          await unit.end({ user: subject, group: m.group!, actor: viewer.actor, action: 'MEMBER_REMOVED', cause: 'USER_DELETED' });
        }
      });
      await tx.delete(UserEntity, { id: user.id });
      await audit(tx, { action: 'USER_DELETED', actor: viewer.actor, user: subject, details: {} });
      return true;
    });
  }

  /**
   * Named guard (SPEC §14): at least one active admin always exists. Active admins' rows are locked
   * first, so two admins demoting each other at once cannot both pass the check.
   */
  private async guardLastAdmin(tx: EntityManager, leavingId: string): Promise<void> {
    const admins = await this.lockActiveAdmins(tx);
    if (admins.filter((a) => a.id !== leavingId).length === 0) {
      throw errors.conflict('LAST_ADMIN', 'This is the last active administrator; make someone else an administrator first.');
    }
  }

  /** Locks (PostgreSQL) and returns the active admins, in id order. */
  private async lockActiveAdmins(tx: EntityManager): Promise<UserEntity[]> {
    const qb = tx.createQueryBuilder(UserEntity, 'u').select(['u.id']).where('u.isAdmin = :t AND u.isActive = :t', { t: true }).orderBy('u.id');
    const lock = this.db.lockClause();
    return (lock ? qb.setLock(lock) : qb).getMany();
  }

  private async lockedById(tx: EntityManager, id: string): Promise<UserEntity> {
    if (!isUuid(id)) throw errors.notFound('No user has this id.');
    const lock = this.db.lockClause();
    const user = await tx.findOne(UserEntity, { where: { id }, ...(lock ? { lock: { mode: lock } } : {}) });
    if (!user) throw errors.notFound('No user has this id.');
    return user;
  }

  /** `user(id)`: admins see everyone; others see active users (as in search) and themselves. */
  async byId(viewer: Viewer, id: string): Promise<UserEntity | null> {
    if (!isUuid(id)) return null;
    const user = await this.db.manager.findOneBy(UserEntity, { id });
    return user && can(userPolicy, 'read', viewer, user) ? user : null;
  }

  /**
   * `users(search)`: signed-in users find active people by name, and by email only where they may
   * read it (userPolicy.readEmail, in SQL: email-visibility.ts) — otherwise a hidden email could be
   * rebuilt one substring at a time. Admins see all.
   */
  async search(
    viewer: Viewer,
    search: string | null | undefined,
    first: number,
    after: string | null | undefined,
    filter: { isActive?: boolean | null; kind?: string | null; isAdmin?: boolean | null } = {},
  ): Promise<Page<UserEntity>> {
    const cursor = after ? decodeCursor(after, ['text', 'uuid']) : null;
    const qb = this.db.manager.createQueryBuilder(UserEntity, 'u');
    // Others see active accounts only; the filters narrow within what the viewer may list.
    if (!viewer.isAdmin) qb.andWhere('u.isActive = :active', { active: true });
    if (filter.isActive != null) qb.andWhere('u.isActive = :isActive', { isActive: filter.isActive });
    if (filter.kind != null) qb.andWhere('u.kind = :kind', { kind: filter.kind });
    if (filter.isAdmin != null) qb.andWhere('u.isAdmin = :isAdmin', { isAdmin: filter.isAdmin });
    const term = search?.trim();
    if (term) {
      const readable = await emailReadableSql(this.db.manager, viewer, 'u.id');
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("u.nameKey LIKE :term ESCAPE '\\'", { term: likePattern(term) })
            .orWhere(`(u.emailKey LIKE :term ESCAPE '\\' AND ${readable.sql})`, readable.params),
        ),
      );
    }
    const totalCount = await qb.getCount();
    if (cursor) {
      const [name, id] = cursor;
      qb.andWhere(new Brackets((w) => w.where('u.nameKey > :name', { name }).orWhere('u.nameKey = :name AND u.id > :id', { id })));
    }
    const rows = await qb.orderBy('u.nameKey', 'ASC').addOrderBy('u.id', 'ASC').take(first + 1).getMany();
    return Object.assign(toPage(rows, first, (u) => [u.nameKey, u.id]), { totalCount });
  }
}
