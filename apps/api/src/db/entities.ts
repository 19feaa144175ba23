import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { EventEntity } from '../modules/events/event.entity';
import { OutboundAttemptEntity } from '../modules/outbound/outbound-attempt.entity';
import { OutboundMessageEntity } from '../modules/outbound/outbound-message.entity';
import { WebhookEntity } from '../modules/webhooks/webhook.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { SignInLimitEntity } from '../modules/auth/sign-in-limit.entity';
import { GroupLeaderGroupEntity } from '../modules/groups/group-leader-group.entity';
import { GroupLeaderEntity } from '../modules/groups/group-leader.entity';
import { GroupPermissionEntity } from '../modules/groups/group-permission.entity';
import { GroupEntity } from '../modules/groups/group.entity';
import { MembershipEntity } from '../modules/memberships/membership.entity';
import { NotificationPreferenceEntity } from '../modules/email/notification-preference.entity';
import { ServerSecretEntity } from '../modules/email/server-secret.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { GroupRequestEntity } from '../modules/requests/group-request.entity';
import { RequestTallyEntity } from '../modules/requests/request-tally.entity';
import { GroupTallyEntity } from '../modules/groups/group-tally.entity';
import { MemberTallyEntity } from '../modules/memberships/member-tally.entity';
import { PermissionEntity } from '../modules/permissions/permission.entity';
import { UserPermissionEntity } from '../modules/permissions/user-permission.entity';
import { GrantEntity } from '../modules/resources/grant.entity';
import { ResourceEntity } from '../modules/resources/resource.entity';
import { AccessReviewEntity, AccessReviewGroupEntity, AccessReviewItemEntity } from '../modules/reviews/access-review.entity';
import { ScimGroupEntity, ScimUserEntity } from '../modules/scim/scim.entity';
import { SettingEntity } from '../modules/settings/setting.entity';
import { OidcLoginEntity } from '../modules/sso/oidc-login.entity';
import { SsoIdentityEntity } from '../modules/sso/sso-identity.entity';
import { ApiTokenEntity } from '../modules/tokens/api-token.entity';
import { UserEntity } from '../modules/users/user.entity';

/** Every entity the data source maps. A new entity is added here and gets a migration per dialect. */
export const ENTITIES = [
  AuditEventEntity,
  EventEntity,
  OutboundMessageEntity,
  OutboundAttemptEntity,
  WebhookEntity,
  SessionEntity,
  SignInLimitEntity,
  GroupEntity,
  GroupLeaderEntity,
  GroupLeaderGroupEntity,
  GroupPermissionEntity,
  MembershipEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  ServerSecretEntity,
  GroupRequestEntity,
  RequestTallyEntity,
  GroupTallyEntity,
  MemberTallyEntity,
  PermissionEntity,
  UserPermissionEntity,
  ResourceEntity,
  GrantEntity,
  AccessReviewEntity,
  AccessReviewGroupEntity,
  AccessReviewItemEntity,
  SettingEntity,
  ScimUserEntity,
  ScimGroupEntity,
  SsoIdentityEntity,
  OidcLoginEntity,
  ApiTokenEntity,
  UserEntity,
];
