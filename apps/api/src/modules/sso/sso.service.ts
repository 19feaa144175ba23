import type { Request, Response } from 'express';
import { LessThan, type EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import * as oidc from 'openid-client';
import { authorize } from '../../authz/authorize';
import { settingsPolicy } from '../settings/settings.policy';
import type { Viewer } from '../../authz/viewer';
import type { OidcConfig } from '../../config';
import { errors } from '../../common/errors';
import { hasControlCharacter } from '../../common/request-path';
import { unstorableText } from '../../common/storable-text';
import { isUuid } from '../../common/validate';
import type { Db } from '../../db/db';
import { userLabel, type Actor } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import type { AuthService } from '../auth/auth.service';
import { GroupEntity } from '../groups/group.entity';
import { currentMembershipsOf } from '../memberships/membership.repository';
import type { MembershipsService } from '../memberships/memberships.service';
import { readSettings } from '../settings/settings.repository';
import { UserEntity } from '../users/user.entity';
import type { UsersService } from '../users/users.service';
import { planSync, readGroupsClaim, type SyncPlan } from './group-sync.plan';
import { OidcLoginEntity } from './oidc-login.entity';
import { SsoIdentityEntity } from './sso-identity.entity';

export const OIDC_STATE_COOKIE = 'gh_oidc';
const LOGIN_TTL_MS = 10 * 60_000;
const SSO_ACTOR: Actor = { id: null, label: 'SSO sync' };

/**
 * What `start` puts in the state cookie (openid-client's randomState: base64url). Anything else
 * in the query or the cookie did not come from here, and is never looked up.
 */
const STATE = /^[\w-]{1,64}$/;

/** A refusal shown to the person on the sign-in page, in plain words. */
class SsoRefusal extends Error {}

/**
 * OpenID Connect sign-in (authorization code + PKCE, state and nonce checked) with group sync
 * from claims (SPEC §12). Users are found by (issuer, subject).
 */
export class SsoService {
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly db: Db,
    private readonly config: OidcConfig | null,
    private readonly publicUrl: string | null,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly memberships: MembershipsService,
    private readonly log: Logger,
  ) {}

  get enabled(): boolean {
    return this.config !== null;
  }

  get displayName(): string | null {
    return this.config?.displayName ?? null;
  }

  /** Discovery once, retried on the next sign-on if the provider was unreachable. */
  private discover(): Promise<oidc.Configuration> {
    const c = this.config!;
    this.configuration ??= oidc
      .discovery(new URL(c.issuer), c.clientId, c.clientSecret, undefined, c.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        this.configuration = null;
        throw error;
      });
    return this.configuration;
  }

  private redirectUri(req: Request): string {
    return `${this.publicUrl ?? `${req.protocol}://${req.get('host')}`}/auth/oidc/callback`;
  }

  /** GET /auth/oidc/start → the provider's login page. */
  async start(req: Request, res: Response): Promise<void> {
    if (!this.config) {
      res.redirect(303, '/sign-in?sso_error=' + encodeURIComponent('Single sign-on is not configured here.'));
      return;
    }
    try {
      const configuration = await this.discover();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const next = landingPath(req.query['next']);
      await this.db.transaction(async (tx) => {
        await tx.delete(OidcLoginEntity, { createdAt: LessThan(new Date(Date.now() - LOGIN_TTL_MS)) });
        await tx.insert(OidcLoginEntity, { state, nonce, codeVerifier, next });
      });
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: this.redirectUri(req),
        scope: this.config.scopes,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      res.cookie(OIDC_STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/auth/oidc', maxAge: LOGIN_TTL_MS });
      res.redirect(303, url.href);
    } catch (error) {
      this.log.warn({ err: error }, 'single sign-on could not start');
      res.redirect(303, '/sign-in?sso_error=' + encodeURIComponent('The sign-on provider could not be reached. Try again in a moment.'));
    }
  }

  /** GET /auth/oidc/callback → signed in (same cookie as signIn), then into the SPA. */
  async callback(req: Request, res: Response): Promise<void> {
    const fail = (message: string) => res.redirect(303, '/sign-in?sso_error=' + encodeURIComponent(message));
    res.clearCookie(OIDC_STATE_COOKIE, { path: '/auth/oidc' });
    if (!this.config) return fail('Single sign-on is not configured here.');
    if (typeof req.query['error'] === 'string') return fail(`The sign-on provider refused: ${String(req.query['error_description'] ?? req.query['error']).slice(0, 200)}`);
    const state = typeof req.query['state'] === 'string' ? req.query['state'] : '';
    const cookieState = readStateCookie(req);
    if (!STATE.test(state) || state !== cookieState) return fail('This sign-on did not start in this browser (or took too long). Please start again.');
    // One-time use: the row is taken whatever happens next.
    const login = await this.db.transaction(async (tx) => {
      const row = await tx.findOneBy(OidcLoginEntity, { state });
      if (row) await tx.delete(OidcLoginEntity, { state });
      return row;
    });
    if (!login || login.createdAt.getTime() < Date.now() - LOGIN_TTL_MS) return fail('This sign-on expired. Please start again.');
    try {
      const configuration = await this.discover();
      const current = new URL(`${this.redirectUri(req)}${req.originalUrl.slice(req.originalUrl.indexOf('?'))}`);
      const tokens = await oidc.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims() as Record<string, unknown> | undefined;
      if (!claims || typeof claims['sub'] !== 'string') return fail('The sign-on provider sent no identity.');
      const user = await this.signOn(String(claims['iss']), claims['sub'], claims);
      await this.auth.startSession(req, res, user, 'oidc');
      res.redirect(303, login.next);
    } catch (error) {
      if (error instanceof SsoRefusal) return fail(error.message);
      this.log.warn({ err: error }, 'single sign-on failed');
      return fail('The sign-on could not be completed (the provider’s answer did not check out). Please start again.');
    }
  }

  /** Finds or creates the user for (issuer, subject), then syncs groups — one transaction. */
  async signOn(issuer: string, subject: string, claims: Record<string, unknown>): Promise<UserEntity> {
    return this.db.transaction(async (tx) => {
      const settings = (await readSettings(tx)).sso;
      const identity = await tx.findOneBy(SsoIdentityEntity, { issuer, subject: subject.slice(0, 255) });
      let user = identity ? await tx.findOneBy(UserEntity, { id: identity.userId }) : null;
      const email = typeof claims['email'] === 'string' ? claims['email'].trim() : null;
      if (!user) {
        const existing = email ? await tx.findOneBy(UserEntity, { emailKey: email.toLowerCase() }) : null;
        if (existing) {
          if (!settings.linkByEmail || claims['email_verified'] !== true) {
            throw new SsoRefusal('An account with your email already exists here. Ask an administrator to link it (or sign in with your password).');
          }
          user = existing;
        } else {
          if (!settings.createUsers) throw new SsoRefusal('You have no account here yet. Ask an administrator to create one.');
          if (!email) throw new SsoRefusal('The sign-on provider did not share your email, which Gatehouse needs for a new account.');
          const name = [claims['name'], claims['preferred_username'], email.split('@')[0]].find((v): v is string => typeof v === 'string' && v.trim().length > 0)!;
          user = await this.users.insert(tx, SSO_ACTOR, { email, displayName: name.slice(0, 200), kind: 'HUMAN' });
        }
        await tx.insert(SsoIdentityEntity, { issuer, subject: subject.slice(0, 255), userId: user.id });
        await audit(tx, { action: 'SSO_LINKED', actor: SSO_ACTOR, user: { id: user.id, label: userLabel(user) }, details: { issuer, subject, cause: 'SSO' } });
      }
      if (!user.isActive) throw new SsoRefusal('Your account here is deactivated.');
      await this.applySync(tx, user, readGroupsClaim(claims, settings.claim));
      return user;
    });
  }

  private async planFor(tx: EntityManager, user: UserEntity, claimed: string[] | null): Promise<SyncPlan> {
    const settings = (await readSettings(tx)).sso;
    if (settings.groupSync === 'OFF' || !claimed) return planSync({ claimed, settings, groupsByKey: new Map(), memberOf: new Set(), ssoMemberships: [] });
    const groups = (await tx.findBy(GroupEntity, { system: false })).map((g) => ({ id: g.id, name: g.name, key: g.nameKey }));
    const memberships = await currentMembershipsOf(tx, user.id);
    const byId = new Map(groups.map((g) => [g.id, g]));
    return planSync({
      claimed,
      settings,
      groupsByKey: new Map(groups.map((g) => [g.key, { id: g.id, name: g.name }])),
      memberOf: new Set(memberships.map((m) => m.groupId)),
      ssoMemberships: memberships.filter((m) => m.source === 'SSO' && byId.has(m.groupId)).map((m) => ({ id: m.groupId, name: byId.get(m.groupId)!.name })),
    });
  }

  /**
   * Applies the plan in `tx`: creates, joins (source SSO), ends SSO memberships; audited with cause
   * SSO. One membership unit of work; the cascade runs when a membership ends.
   */
  private async applySync(tx: EntityManager, user: UserEntity, claimed: string[] | null): Promise<SyncPlan> {
    const plan = await this.planFor(tx, user, claimed);
    const subject = { id: user.id, label: userLabel(user) };
    for (const name of plan.create) {
      const group = await tx.save(tx.create(GroupEntity, { name, nameKey: name.toLowerCase(), description: 'Created by single sign-on group sync.', internal: true, source: 'SSO', metadata: {} }));
      await audit(tx, { action: 'GROUP_CREATED', actor: SSO_ACTOR, group, details: { cause: 'SSO' } });
      plan.join.push({ id: group.id, name: group.name });
    }
    if (plan.join.length === 0 && plan.leave.length === 0) return plan;
    const cascade = plan.leave.length ? { userIds: [user.id], actor: SSO_ACTOR, cause: 'SSO group sync' } : null;
    await this.memberships.change(tx, { cascade }, async (unit) => {
      for (const group of plan.join) await unit.add({ user: subject, group, source: 'SSO', actor: SSO_ACTOR, cause: 'SSO' });
      for (const group of plan.leave) {
        await unit.end({ user: subject, group, actor: SSO_ACTOR, action: 'MEMBER_REMOVED', cause: 'SSO', reason: 'No longer in the sign-on provider’s groups.' });
      }
    });
    return plan;
  }

  /** The admin dry run: what a sign-on with this claim value would change for this user. Nothing is written. */
  async preview(viewer: Viewer, userId: string, claimValue: string): Promise<SyncPlan> {
    authorize(settingsPolicy, 'previewGroupSync', viewer);
    if (!isUuid(userId)) throw errors.notFound('No user has this id.');
    const user = await this.db.manager.findOneBy(UserEntity, { id: userId });
    if (!user) throw errors.notFound('No user has this id.');
    if (claimValue.length > 20_000) throw errors.validation([{ field: 'claimValue', message: 'The claim value is too long (20,000 characters at most).' }]);
    let parsed: unknown = claimValue;
    try {
      parsed = JSON.parse(claimValue);
    } catch {
      // not JSON: a delimited string, as providers send it
    }
    const claimed = readGroupsClaim({ value: parsed }, 'value');
    return this.planFor(this.db.manager, user, claimed);
  }
}

/** The state cookie's value; null when absent or not one that `start` could have set. */
function readStateCookie(req: Request): string | null {
  const header = req.headers.cookie ?? '';
  const match = header.split(';').map((p) => p.trim()).find((p) => p.startsWith(`${OIDC_STATE_COOKIE}=`));
  const value = match?.slice(OIDC_STATE_COOKIE.length + 1) ?? '';
  return STATE.test(value) ? value : null;
}

/**
 * Where to land after signing on (`?next=`): a path on this site, else the home page. A browser
 * reads `//host`, `/\host` and a path with a tab or newline in it (which it strips) as another
 * site, so they are refused with every other control character; so is anything longer than the
 * column that keeps it.
 */
function landingPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || hasControlCharacter(value)) return '/';
  return unstorableText(value, 'next') ? '/' : value;
}
