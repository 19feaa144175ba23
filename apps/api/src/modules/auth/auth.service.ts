import type { Request, Response } from 'express';
import { Not } from 'typeorm';
import type { JsonObject } from '../../db/columns';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import type { Db } from '../../db/db';
import { isUniqueViolation } from '../../db/errors';
import { SYSTEM_ACTOR, userLabel } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import { SettingEntity } from '../settings/setting.entity';
import { readSettings } from '../settings/settings.repository';
import { UserEntity } from '../users/user.entity';
import type { NewUser, UsersService } from '../users/users.service';
import { clearSessionCookie, setSessionCookie } from './cookies';
import { DUMMY_HASH_PROMISE, hashPassword, passwordProblem, verifyPassword } from './password';
import { hashSecret, newSecret } from './secrets';
import { SessionEntity } from './session.entity';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session.settings';
import type { SignInLimit } from './sign-in-limit';

const WRONG_CREDENTIALS = 'The email or password is incorrect.';
/** Inserted by the one setup that wins; its primary key makes a second setup fail in the database. */
const SETUP_MARKER = 'setup.completed';

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly users: UsersService,
    /** Failed sign-ins, per account and per client address, for the whole deployment (sign-in-limit.ts). */
    private readonly limit: SignInLimit,
  ) {}

  /**
   * `signIn`: the same answer for an unknown email, a wrong password and an inactive account, and
   * the same work (a hash comparison) in each case, so neither the message nor the timing tells
   * which emails exist.
   */
  async signIn(req: Request, res: Response, email: string, password: string): Promise<UserEntity> {
    if (email.length > 254 || password.length > 256) {
      throw errors.validation([{ field: email.length > 254 ? 'email' : 'password', message: 'That is longer than any email or password here.' }]);
    }
    const emailKey = email.trim().toLowerCase();
    // The address the trusted proxies vouch for (TRUST_PROXY, config.ts), else the socket's.
    const address = req.ip ?? 'unknown';
    const turn = await this.limit.begin(emailKey, address);
    if (!turn.allowed) {
      throw errors.rateLimited(`Too many failed sign-ins. Try again in ${Math.ceil(turn.retryAfterMs / 60_000)} minute(s).`);
    }
    // Counted as a failure from here on (sign-in-limit.ts); an error before the answer is known is
    // none, and the error itself is what the caller hears.
    const { user, ok } = await this.checkPassword(emailKey, password).catch(async (error: unknown) => {
      await turn.abandoned().catch(() => undefined);
      throw error;
    });
    if (!user || !ok || !user.isActive || user.kind !== 'HUMAN') {
      await this.db.transaction((tx) =>
        audit(tx, {
          action: 'SIGN_IN_FAILED',
          actor: user ? { id: user.id, label: userLabel(user) } : { id: null, label: `unknown <${email.slice(0, 254)}>` },
          user: user ? { id: user.id, label: userLabel(user) } : null,
          details: { address, reason: !user ? 'unknown email' : !ok ? 'wrong password' : 'account inactive' },
        }),
      );
      throw errors.unauthenticated(WRONG_CREDENTIALS);
    }
    await turn.succeeded();
    await this.startSession(req, res, user);
    return user;
  }

  /** The account and whether the password is its own: one hash comparison whether or not the account exists. */
  private async checkPassword(emailKey: string, password: string): Promise<{ user: UserEntity | null; ok: boolean }> {
    const user = await this.db.manager.findOneBy(UserEntity, { emailKey });
    const ok = user?.passwordHash
      ? await verifyPassword(password, user.passwordHash)
      : (await verifyPassword(password, await DUMMY_HASH_PROMISE), false);
    return { user, ok };
  }

  /** Starts a session (cookie + row) for a user who has proven who they are (password or single sign-on). */
  async startSession(req: Request, res: Response, user: UserEntity, method: 'password' | 'oidc' = 'password'): Promise<void> {
    const secret = newSecret();
    const now = new Date();
    const session = {
      tokenHash: hashSecret(secret),
      userId: user.id,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
      absoluteExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ipAddress: req.ip?.slice(0, 64) ?? null,
      userAgent: req.headers['user-agent']?.slice(0, 255) ?? null,
    };
    await this.db.transaction(async (tx) => {
      await tx.insert(SessionEntity, session);
      await tx.update(UserEntity, { id: user.id }, { lastSignInAt: now });
      await audit(tx, {
        action: 'SIGN_IN',
        actor: { id: user.id, label: userLabel(user) },
        user: { id: user.id, label: userLabel(user) },
        details: { method, address: session.ipAddress },
      });
    });
    // The cookie lives as long as the absolute limit; the server-side expiry is what counts.
    setSessionCookie(req, res, secret, session.absoluteExpiresAt);
  }

  /** `signOut`: ends this browser's session (the row goes, so the cookie is worthless) and clears the cookie. */
  async signOut(req: Request, res: Response, sessionHash: string | null): Promise<boolean> {
    if (sessionHash) await this.db.manager.delete(SessionEntity, { tokenHash: sessionHash });
    clearSessionCookie(req, res);
    return true;
  }

  /** True until the first admin exists (then the setup screen is gone for good). */
  async needsSetup(): Promise<boolean> {
    return !(await this.db.manager.existsBy(UserEntity, { isAdmin: true }));
  }

  /**
   * `completeSetup`: creates the first admin and signs them in. Refused once any admin exists;
   * two racing setups are settled by the marker row's primary key — exactly one wins.
   */
  async completeSetup(req: Request, res: Response, input: Omit<NewUser, 'kind' | 'isAdmin'>): Promise<UserEntity> {
    const done = () => errors.conflict('SETUP_DONE', 'Gatehouse is already set up; sign in instead.');
    if (!input.password) throw errors.validation([{ field: 'password', message: 'Choose a password.' }]);
    const user = await this.db
      .transaction(async (tx) => {
        if (await tx.existsBy(UserEntity, { isAdmin: true })) throw done();
        await tx.insert(SettingEntity, { key: SETUP_MARKER, value: { at: new Date().toISOString() } as JsonObject });
        return this.users.insert(tx, SYSTEM_ACTOR, Object.assign({}, input, { kind: 'HUMAN' as const, isAdmin: true }));
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? done() : error;
      });
    await this.startSession(req, res, user);
    return user;
  }

  /** `signUp`: self-registration, only while `settings.registration` is OPEN. */
  async signUp(req: Request, res: Response, input: Omit<NewUser, 'kind' | 'isAdmin'>): Promise<UserEntity> {
    if (!input.password) throw errors.validation([{ field: 'password', message: 'Choose a password.' }]);
    const user = await this.db.transaction(async (tx) => {
      if ((await readSettings(tx)).registration !== 'OPEN') {
        throw errors.forbidden('REGISTRATION_CLOSED', 'Sign-up is closed here; ask an administrator for an account.');
      }
      const created = await this.users.insert(tx, SYSTEM_ACTOR, Object.assign({}, input, { kind: 'HUMAN' as const, isAdmin: false }));
      return created;
    });
    await this.startSession(req, res, user);
    return user;
  }

  /** `changePassword`: the signed-in person, with their current password; other sessions end. */
  async changePassword(viewer: Viewer, sessionHash: string | null, current: string, next: string): Promise<boolean> {
    if (current.length > 256 || next.length > 256) {
      throw errors.validation([{ field: 'newPassword', message: 'Passwords are at most 256 characters.' }]);
    }
    const user = await this.db.manager.findOneByOrFail(UserEntity, { id: viewer.userId });
    if (!user.passwordHash || !(await verifyPassword(current, user.passwordHash))) {
      throw errors.validation([{ field: 'currentPassword', message: 'The current password is incorrect.' }]);
    }
    const problem = passwordProblem(next, user.email);
    if (problem) throw errors.validation([{ field: 'newPassword', message: problem }]);
    const passwordHash = await hashPassword(next);
    await this.db.transaction(async (tx) => {
      await tx.update(UserEntity, { id: user.id }, { passwordHash });
      // Every other session ends; the one changing the password stays signed in.
      await tx.delete(SessionEntity, sessionHash ? { userId: user.id, tokenHash: Not(sessionHash) } : { userId: user.id });
      await audit(tx, { action: 'PASSWORD_CHANGED', actor: viewer.actor, user: { id: user.id, label: userLabel(user) }, details: {} });
    });
    return true;
  }
}
