import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/db';
import { AuditService } from './modules/audit/audit.service';
import { AuthService } from './modules/auth/auth.service';
import { SignInLimit } from './modules/auth/sign-in-limit';
import { PermissionCascade } from './modules/cascade/permission-cascade';
import { GroupsService } from './modules/groups/groups.service';
import { NotificationsService } from './modules/notifications/notifications.service';
import { PermissionsService } from './modules/permissions/permissions.service';
import { cancelRequestsOnPermissionLoss } from './modules/requests/cascade-requests';
import { RequestsService } from './modules/requests/requests.service';
import { AccessService } from './modules/resources/access.service';
import { ResourcesService } from './modules/resources/resources.service';
import { SweeperService } from './modules/sweeper/sweeper.service';
import { SsoService } from './modules/sso/sso.service';
import { SettingsService } from './modules/settings/settings.service';
import { TokensService } from './modules/tokens/tokens.service';
import { UsersService } from './modules/users/users.service';

/**
 * The composition root: builds every service once per process with exactly the dependencies it
 * uses. No DI container; a constructor says what a service needs.
 */
export interface Services {
  db: Db;
  cascade: PermissionCascade;
  users: UsersService;
  auth: AuthService;
  tokens: TokensService;
  permissions: PermissionsService;
  groups: GroupsService;
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
  const users = new UsersService(db, cascade);
  const permissions = new PermissionsService(db, cascade);
  const groups = new GroupsService(db, permissions, cascade);
  const access = new AccessService(db, config.accessCacheSize);
  // Counted in the database, so every process and server shares one limit (SPEC §16).
  const auth = new AuthService(db, users, new SignInLimit(db));
  return {
    db,
    cascade,
    users,
    auth,
    tokens: new TokensService(db),
    permissions,
    groups,
    audit: new AuditService(db),
    settings: new SettingsService(db),
    requests: new RequestsService(db, groups, cascade),
    notifications: new NotificationsService(db),
    sweeper: new SweeperService(db, cascade),
    access,
    resources: new ResourcesService(db, access),
    sso: new SsoService(db, config.oidc, config.publicUrl, users, auth, cascade, log.child({ component: 'sso' })),
  };
}
