import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { authChecker } from './authz/auth-checker';
import { guardArguments } from './common/argument-guard';
import { SCALARS_MAP } from './common/scalars';
import './common/enums';
import { AccessReasonResolver, AccessResolver } from './modules/access/access.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { GroupResolver } from './modules/groups/group.resolver';
import { MembershipResolver } from './modules/memberships/membership.resolver';
import { NotificationResolver } from './modules/notifications/notification.resolver';
import { ImpactResolver } from './modules/permissions/impact.resolver';
import { PermissionResolver } from './modules/permissions/permission.resolver';
import { RequestResolver } from './modules/requests/request.resolver';
import { AccessorResolver, GrantResolver, ResourceResolver } from './modules/resources/resource.resolver';
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
  GroupResolver,
  ImpactResolver,
  MembershipResolver,
  NotificationResolver,
  PermissionResolver,
  RequestResolver,
  ResourceResolver,
  GrantResolver,
  AccessorResolver,
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
  }).then(guardArguments);
  return cached;
}
