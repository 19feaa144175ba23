import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/db';
import { AccessCache } from './modules/access/access-cache';
import { AccessService } from './modules/access/access.service';
import { AuditService } from './modules/audit/audit.service';
import { AuthService } from './modules/auth/auth.service';
import { SignInLimit } from './modules/auth/sign-in-limit';
import { EmailService } from './modules/email/email.service';
import { GroupsService } from './modules/groups/groups.service';
import { LeadershipService } from './modules/groups/leadership.service';
import { MembersService } from './modules/memberships/members.service';
import { MembershipExpiryService } from './modules/memberships/membership-expiry.service';
import { MembershipsService } from './modules/memberships/memberships.service';
import { PermissionCascade } from './modules/memberships/permission-cascade';
import { NotificationsService } from './modules/notifications/notifications.service';
import { PermissionsService } from './modules/permissions/permissions.service';
import { cancelRequestsOnPermissionLoss } from './modules/requests/cascade-requests';
import { RequestsService } from './modules/requests/requests.service';
import { ResourcesService } from './modules/resources/resources.service';
import { ProvisioningService } from './modules/scim/provisioning.service';
import { ScimService } from './modules/scim/scim.service';
import { EventOutbox } from './modules/events/event-outbox';
import { EventSignals } from './modules/events/event-signals';
import { EventsService } from './modules/events/events.service';
import { OutboundWorker } from './modules/outbound/outbound.worker';
import { dispatchWebhookEvents } from './modules/webhooks/webhook-dispatch';
import { WebhookSender } from './modules/webhooks/webhook.sender';
import { WebhooksService } from './modules/webhooks/webhooks.service';
import { SweeperService } from './modules/sweeper/sweeper.service';
import { ReviewsService } from './modules/reviews/reviews.service';
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
  /** `updateMembership` (SPEC §20). */
  membershipExpiry: MembershipExpiryService;
  audit: AuditService;
  settings: SettingsService;
  requests: RequestsService;
  notifications: NotificationsService;
  /** Email copies of notifications (SPEC §18): preferences, unsubscribe, the test email, the EMAIL channel. */
  email: EmailService;
  sweeper: SweeperService;
  /** Access reviews (SPEC §21); their deadlines and reminders run in the sweeper's pass. */
  reviews: ReviewsService;
  access: AccessService;
  resources: ResourcesService;
  sso: SsoService;
  /** SCIM 2.0 provisioning (SPEC §19), served at /scim/v2. */
  scim: ScimService;
  /** The admin Provisioning page: SCIM's service account and its tokens. */
  provisioning: ProvisioningService;
  /** PUBLIC_URL, for answers that name this server's own URLs. */
  publicUrl: string | null;
  /** The event feed (SPEC §17). */
  events: EventsService;
  webhooks: WebhooksService;
  /** "Events committed somewhere": wakes the outbound worker and live subscriptions. */
  signals: EventSignals;
  /** Sends what the outbox holds (webhooks, email); started where the sweeper is. */
  outbound: OutboundWorker;
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
  // Every transaction ends by writing its events; its commit wakes whoever waits for them.
  const signals = new EventSignals(config.database.dialect === 'postgres' ? config.database.url : null);
  const outbox = new EventOutbox(db.dialect, signals.tag);
  db.onCommit({ before: (tx) => outbox.flush(tx), after: () => signals.signal() });
  const outbound = new OutboundWorker(db);
  outbound.register('WEBHOOK', new WebhookSender(db, config.webhooks.retryDelaysMs, config.webhooks.allowPrivate));
  outbound.feed((tx) => dispatchWebhookEvents(tx, db.claimLock()));
  signals.listen(() => outbound.nudge());
  // Email copies of notifications go out through the same queue (SPEC §18); none without SMTP_URL.
  const email = new EmailService(db, config);
  if (email.channelHandler) outbound.register('EMAIL', email.channelHandler);
  const tokens = new TokensService(db);
  const requests = new RequestsService(db, groups, memberships);
  const reviews = new ReviewsService(db, groups, memberships, requests);
  return {
    db,
    memberships,
    users,
    auth,
    tokens,
    permissions,
    groups,
    leadership: new LeadershipService(db, groups),
    members: new MembersService(db, groups, memberships),
    membershipExpiry: new MembershipExpiryService(db, groups, memberships),
    audit: new AuditService(db),
    settings: new SettingsService(db),
    requests,
    notifications: new NotificationsService(db),
    email,
    sweeper: new SweeperService(db, memberships, reviews),
    reviews,
    access,
    resources: new ResourcesService(db, access),
    scim: new ScimService(db, users, groups, memberships),
    provisioning: new ProvisioningService(db, users, permissions, tokens),
    publicUrl: config.publicUrl,
    events: new EventsService(db),
    webhooks: new WebhooksService(db),
    signals,
    outbound,
    sso: new SsoService(db, config.oidc, config.publicUrl, users, auth, memberships, log.child({ component: 'sso' })),
  };
}
