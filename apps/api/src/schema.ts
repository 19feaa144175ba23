import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { authChecker } from './authz/auth-checker';
import { guardArguments } from './common/argument-guard';
import { leanFieldResolvers } from './common/lean-field-resolvers';
import { SCALARS_MAP } from './common/scalars';
import './common/enums';
import { AccessReasonResolver, AccessResolver } from './modules/access/access.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { EventsResolver } from './modules/events/events.resolver';
import { EventsSubscriptionResolver, NO_PUBSUB } from './modules/events/subscriptions.resolver';
import { WebhookResolver } from './modules/webhooks/webhook.resolver';
import { EmailResolver, SettingsEmailResolver, UserPreferencesResolver } from './modules/email/email.resolver';
import { GroupResolver } from './modules/groups/group.resolver';
import { MembershipResolver } from './modules/memberships/membership.resolver';
import { NotificationResolver } from './modules/notifications/notification.resolver';
import { ImpactResolver } from './modules/permissions/impact.resolver';
import { PermissionResolver } from './modules/permissions/permission.resolver';
import { RequestResolver } from './modules/requests/request.resolver';
import { AccessorResolver, GrantResolver, ResourceResolver } from './modules/resources/resource.resolver';
import { GroupGrantsResolver } from './modules/resources/group-grants.resolver';
import { GroupShareResolver } from './modules/resources/share.resolver';
import { ResourceReachResolver } from './modules/resources/reach.resolver';
import {
  AccessReviewGroupProgressResolver,
  AccessReviewItemResolver,
  AccessReviewResolver,
  AccessReviewReviewerProgressResolver,
} from './modules/reviews/review.resolver';
import { ProvisioningResolver } from './modules/scim/provisioning.resolver';
import { ServerInfoResolver } from './modules/server-info/server-info.resolver';
import { SettingsResolver } from './modules/settings/settings.resolver';
import { SsoResolver } from './modules/sso/sso.resolver';
import { TokenResolver } from './modules/tokens/token.resolver';
import { UserResolver } from './modules/users/user.resolver';

/** Every resolver of the API; the schema is code-first and printed to schema.graphql. */
export const RESOLVERS = [
  AccessResolver,
  AccessReasonResolver,
  AuditResolver,
  AuthResolver,
  EventsResolver,
  EventsSubscriptionResolver,
  WebhookResolver,
  EmailResolver,
  SettingsEmailResolver,
  UserPreferencesResolver,
  GroupResolver,
  ImpactResolver,
  MembershipResolver,
  NotificationResolver,
  PermissionResolver,
  RequestResolver,
  ResourceResolver,
  GrantResolver,
  AccessorResolver,
  GroupShareResolver,
  GroupGrantsResolver,
  ResourceReachResolver,
  AccessReviewResolver,
  AccessReviewItemResolver,
  AccessReviewGroupProgressResolver,
  AccessReviewReviewerProgressResolver,
  ProvisioningResolver,
  ServerInfoResolver,
  SettingsResolver,
  SsoResolver,
  TokenResolver,
  UserResolver,
] as const;

let cached: Promise<GraphQLSchema> | null = null;

/** Builds the schema once per process (type-graphql metadata is global anyway). */
export function createSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: SCALARS_MAP,
    authChecker,
    // Authorization failures throw (see auth-checker); nothing is silently nulled.
    authMode: 'error',
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
    emitSchemaFile: false,
    // Subscriptions read the database after their own position (subscriptions.live.ts); there is
    // no in-memory pub/sub, but type-graphql insists on one being named.
    pubSub: NO_PUBSUB,
  }).then((schema) => {
    leanFieldResolvers(schema, RESOLVERS);
    return guardArguments(schema);
  });
  return cached;
}
