import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/audit/actor';
import { hashSecret, newSecret } from '../src/modules/auth/secrets';
import { GroupLeaderEntity } from '../src/modules/groups/group-leader.entity';
import { GroupPermissionEntity } from '../src/modules/groups/group-permission.entity';
import { GroupEntity } from '../src/modules/groups/group.entity';
import { MembershipEntity } from '../src/modules/memberships/membership.entity';
import { UserPermissionEntity } from '../src/modules/permissions/user-permission.entity';
import { ApiTokenEntity } from '../src/modules/tokens/api-token.entity';
import type { UserEntity } from '../src/modules/users/user.entity';
import type { GqlResult, RequestAs, TestApp } from './harness';

/**
 * Factories with overrides. Users are made through the real service (so they land in their
 * default groups, audited); credentials are API tokens inserted directly — fast, and Bearer
 * auth is the same path every request takes.
 */
export interface TestUser {
  user: UserEntity;
  token: string;
  as: RequestAs;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeUser(
  app: TestApp,
  overrides: { email?: string; displayName?: string; isAdmin?: boolean; kind?: 'HUMAN' | 'SERVICE'; permissions?: string[]; password?: string } = {},
): Promise<TestUser> {
  const id = unique();
  const user = await app.services.users.create(SYSTEM_ACTOR, {
    email: overrides.email ?? `user-${id}@example.com`,
    displayName: overrides.displayName ?? `User ${id}`,
    isAdmin: overrides.isAdmin ?? false,
    kind: overrides.kind ?? 'HUMAN',
    password: overrides.password ?? null,
  });
  for (const permissionKey of overrides.permissions ?? []) {
    await app.dataSource.manager.insert(UserPermissionEntity, { userId: user.id, permissionKey });
  }
  const token = await tokenFor(app, user.id);
  return { user, token, as: { token } };
}

export async function tokenFor(app: TestApp, userId: string): Promise<string> {
  const token = newSecret('ghp_');
  await app.dataSource.manager.insert(ApiTokenEntity, {
    userId,
    name: 'test',
    tokenHash: hashSecret(token),
    prefix: token.slice(0, 10),
    createdById: userId,
  });
  return token;
}

export async function makeGroup(
  app: TestApp,
  overrides: Partial<Pick<GroupEntity, 'name' | 'internal' | 'hidden' | 'open' | 'public' | 'restricted' | 'maxMembers' | 'shareable'>> & {
    permissions?: string[];
    leaders?: string[];
    members?: string[];
  } = {},
): Promise<GroupEntity> {
  const name = overrides.name ?? `Group ${unique()}`;
  const m = app.dataSource.manager;
  const group = await m.save(
    m.create(GroupEntity, {
      name,
      nameKey: name.toLowerCase(),
      description: '',
      internal: overrides.internal ?? false,
      hidden: overrides.hidden ?? false,
      open: overrides.open ?? false,
      public: overrides.public ?? false,
      restricted: overrides.restricted ?? false,
      maxMembers: overrides.maxMembers ?? null,
      shareable: overrides.shareable ?? 'MEMBERS',
      metadata: {},
      source: 'MANUAL',
      createdById: null,
    }),
  );
  for (const permissionKey of overrides.permissions ?? []) await m.insert(GroupPermissionEntity, { groupId: group.id, permissionKey });
  for (const userId of overrides.leaders ?? []) await m.insert(GroupLeaderEntity, { groupId: group.id, userId });
  for (const userId of overrides.members ?? []) await addMember(app, group.id, userId);
  return group;
}

export async function addMember(app: TestApp, groupId: string, userId: string, expiresAt: Date | null = null): Promise<void> {
  await app.dataSource.manager.insert(MembershipEntity, { groupId, userId, source: 'ADDED', addedById: null, expiresAt });
}

/** The five actors of every authorization matrix. The leader leads `group`. */
export interface Cast {
  anonymous: RequestAs;
  user: TestUser;
  leader: TestUser;
  manager: TestUser;
  admin: TestUser;
  group: GroupEntity;
}

export async function makeCast(app: TestApp, groupOverrides: Parameters<typeof makeGroup>[1] = {}): Promise<Cast> {
  const user = await makeUser(app, { displayName: 'Plain User' });
  const leader = await makeUser(app, { displayName: 'Lea Leader' });
  const manager = await makeUser(app, { displayName: 'Max Manager', permissions: ['groups.manage'] });
  const admin = await makeUser(app, { displayName: 'Ada Admin', isAdmin: true });
  const group = await makeGroup(app, { ...groupOverrides, leaders: [leader.user.id] });
  return { anonymous: {}, user, leader, manager, admin, group };
}

export type Role = 'anonymous' | 'user' | 'leader' | 'manager' | 'admin';
export const ROLES: Role[] = ['anonymous', 'user', 'leader', 'manager', 'admin'];
/** 'OK' or the expected `extensions.code`. */
export type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT';

export function asOf(cast: Cast, role: Role): RequestAs {
  return role === 'anonymous' ? {} : cast[role].as;
}

export function outcome(result: GqlResult<unknown>): Outcome {
  const code = result.errors?.[0]?.extensions?.['code'];
  return (code as Outcome | undefined) ?? 'OK';
}

/**
 * Runs one operation as each of the five actors and checks the outcome table. `vars` is called
 * per actor, so each call can work on its own fresh row.
 */
export async function expectMatrix(
  app: TestApp,
  cast: Cast,
  query: string,
  vars: (role: Role) => Promise<Record<string, unknown>> | Record<string, unknown>,
  expected: Record<Role, Outcome>,
): Promise<void> {
  const actual: Partial<Record<Role, Outcome>> = {};
  for (const role of ROLES) {
    actual[role] = outcome(await app.gql(query, await vars(role), asOf(cast, role)));
  }
  expect(actual).toEqual(expected);
}

export const newId = () => randomUUID();
