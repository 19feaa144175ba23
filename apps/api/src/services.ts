import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/db';
import { AccessCache } from './modules/access/access-cache';
import { AccessService } from './modules/access/access.service';
import { AuditService } from './modules/audit/audit.service';
import { AuthService } from './modules/auth/auth.service';
import { SignInLimit } from './modules/auth/sign-in-limit';
import { GroupsService } from './modules/groups/groups.service';
import { LeadershipService } from './modules/groups/leadership.service';
import { MembersService } from './modules/memberships/members.service';
import { MembershipsService } from './modules/memberships/memberships.service';
import { PermissionCascade } from './modules/memberships/permission-cascade';
import { NotificationsService } from './modules/notifications/notifications.service';
import { PermissionsService } from './modules/permissions/permissions.service';
import { cancelRequestsOnPermissionLoss } from './modules/requests/cascade-requests';
import { RequestsService } from './modules/requests/requests.service';
import { ResourcesService } from './modules/resources/resources.service';
import { SweeperService } from './modules/sweeper/sweeper.service';
import { SsoService } from './modules/sso/sso.service';
import { SettingsService } from './modules/settings/settings.service';
import { TokensService } from './modules/tokens/tokens.service';
import { UsersService } from './modules/users/users.service';

/**
 * The composition root: builds every service once per process with exactly the dependencies it
 * uses. No DI container; a constructor says what a service needs. What a process keeps in memory
 * across requests (the access cache) is made here too and handed to its one user, so a second
 * server in the same process (the tests) has its own.
 */
export interface Services {
  db: Db;
  /** The owner of membership: every membership change is one of its units of work. */
  memberships: MembershipsService;
  users: UsersService;
  auth: AuthService;
  tokens: TokensService;
  permissions: PermissionsService;
  groups: GroupsService;
  leadership: LeadershipService;
  members: MembersService;
  audit: AuditService;
  settings: SettingsService;
  requests: RequestsService;
  notifications: NotificationsService;
  sweeper: SweeperService;
  access: AccessService;
  resources: ResourcesService;
  sso: SsoService;
}

export interface ServiceDeps {
  config: Config;
  db: Db;
  log: Logger;
}

export function createServices({ db, config, log }: ServiceDeps): Services {
  const cascade = new PermissionCascade();
  cascade.extend(cancelRequestsOnPermissionLoss);
  const memberships = new MembershipsService(cascade);
  const users = new UsersService(db, memberships);
  const permissions = new PermissionsService(db, memberships);
  const groups = new GroupsService(db, permissions, memberships);
  // ACCESS_CACHE_SIZE=0: no cache, every access fact read afresh.
  const access = new AccessService(db, config.accessCacheSize > 0 ? new AccessCache(db.dataSource, config.accessCacheSize) : null);
  // Counted in the database, so every process and server shares one limit (SPEC §16).
  const auth = new AuthService(db, users, new SignInLimit(db));
  return {
    db,
    memberships,
    users,
    auth,
    tokens: new TokensService(db),
    permissions,
    groups,
    leadership: new LeadershipService(db, groups),
    members: new MembersService(db, groups, memberships),
    audit: new AuditService(db),
    settings: new SettingsService(db),
    requests: new RequestsService(db, groups, memberships),
    notifications: new NotificationsService(db),
    sweeper: new SweeperService(db, memberships),
    access,
    resources: new ResourcesService(db, access),
    sso: new SsoService(db, config.oidc, config.publicUrl, users, auth, memberships, log.child({ component: 'sso' })),
  };
}
