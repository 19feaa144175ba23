import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { SignInLimitEntity } from '../modules/auth/sign-in-limit.entity';
import { GroupLeaderGroupEntity } from '../modules/groups/group-leader-group.entity';
import { GroupLeaderEntity } from '../modules/groups/group-leader.entity';
import { GroupPermissionEntity } from '../modules/groups/group-permission.entity';
import { GroupEntity } from '../modules/groups/group.entity';
import { MembershipEntity } from '../modules/memberships/membership.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { GroupRequestEntity } from '../modules/requests/group-request.entity';
import { PermissionEntity } from '../modules/permissions/permission.entity';
import { UserPermissionEntity } from '../modules/permissions/user-permission.entity';
import { GrantEntity } from '../modules/resources/grant.entity';
import { ResourceEntity } from '../modules/resources/resource.entity';
import { SettingEntity } from '../modules/settings/setting.entity';
import { OidcLoginEntity } from '../modules/sso/oidc-login.entity';
import { SsoIdentityEntity } from '../modules/sso/sso-identity.entity';
import { ApiTokenEntity } from '../modules/tokens/api-token.entity';
import { UserEntity } from '../modules/users/user.entity';

/** Every entity the data source maps. A new entity is added here and gets a migration per dialect. */
export const ENTITIES = [
  AuditEventEntity,
  SessionEntity,
  SignInLimitEntity,
  GroupEntity,
  GroupLeaderEntity,
  GroupLeaderGroupEntity,
  GroupPermissionEntity,
  MembershipEntity,
  NotificationEntity,
  GroupRequestEntity,
  PermissionEntity,
  UserPermissionEntity,
  ResourceEntity,
  GrantEntity,
  SettingEntity,
  SsoIdentityEntity,
  OidcLoginEntity,
  ApiTokenEntity,
  UserEntity,
];
