import type { EntityManager } from 'typeorm';
import { authorize, can } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import { cleanName, isUuid, Problems } from '../../common/validate';
import type { Db } from '../../db/db';
import { userLabel } from '../audit/actor';
import { audit } from '../audit/audit.writer';
import { hashSecret, newSecret } from '../auth/secrets';
import { UserEntity } from '../users/user.entity';
import { ApiTokenEntity } from './api-token.entity';
import { NOT_FOUND_TOKEN, tokenPolicy } from './token.policy';

/** Tokens start with this, so secret scanners and people can recognise a Gatehouse token. */
export const TOKEN_PREFIX = 'ghp_';

export class TokensService {
  constructor(private readonly db: Db) {}

  /**
   * `createApiToken`: a personal token, or (admins) a token for a service account. Returns the
   * secret, which is never shown again: only its hash is stored.
   */
  async create(viewer: Viewer, name: string, userId: string | null | undefined, expiresAt: Date | null | undefined): Promise<{ token: string; entity: ApiTokenEntity }> {
    const label = cleanName(name);
    const problems = new Problems()
      .check(label.length >= 1 && label.length <= 100, 'name', 'Name the token (1–100 characters) so you can recognise it later.')
      .check(!expiresAt || expiresAt.getTime() > Date.now(), 'expiresAt', 'The expiry must be in the future.');
    problems.throwIfAny();
    const ownerId = userId ?? viewer.userId;
    if (!isUuid(ownerId)) throw errors.notFound('No user has this id.');
    return this.db.transaction((tx) => this.createIn(tx, viewer, label, ownerId, expiresAt));
  }

  /** `create` in the caller's transaction (SCIM's provisioning token), `label` already checked. */
  async createIn(tx: EntityManager, viewer: Viewer, label: string, ownerId: string, expiresAt: Date | null | undefined): Promise<{ token: string; entity: ApiTokenEntity }> {
    {
      const owner = await tx.findOneBy(UserEntity, { id: ownerId });
      if (!owner) throw errors.notFound('No user has this id.');
      authorize(tokenPolicy, 'mint', viewer, owner);
      if (!owner.isActive) throw errors.badInput('This account is deactivated; activate it before making tokens.', 'USER_INACTIVE');
      const token = newSecret(TOKEN_PREFIX);
      const entity = await tx.save(
        tx.create(ApiTokenEntity, {
          userId: owner.id,
          name: label,
          tokenHash: hashSecret(token),
          prefix: token.slice(0, 10),
          createdById: viewer.userId,
          expiresAt: expiresAt ?? null,
        }),
      );
      await audit(tx, {
        action: 'TOKEN_CREATED',
        actor: viewer.actor,
        user: { id: owner.id, label: userLabel(owner) },
        details: { tokenId: entity.id, name: label, expiresAt: expiresAt?.toISOString() ?? null },
      });
      return { token, entity };
    }
  }

  /** `revokeApiToken`: the owner, or an admin. Unknown or foreign ids are NOT_FOUND alike. */
  async revoke(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUuid(id)) throw errors.notFound(NOT_FOUND_TOKEN);
    return this.db.transaction(async (tx) => {
      const token = await tx.findOne(ApiTokenEntity, { where: { id }, relations: { user: true } });
      if (!token) throw errors.notFound(NOT_FOUND_TOKEN);
      authorize(tokenPolicy, 'revoke', viewer, { id: token.userId });
      if (token.revokedAt) return true;
      await tx.update(ApiTokenEntity, { id }, { revokedAt: new Date() });
      await audit(tx, {
        action: 'TOKEN_REVOKED',
        actor: viewer.actor,
        user: token.user ? { id: token.user.id, label: userLabel(token.user) } : null,
        details: { tokenId: id, name: token.name },
      });
      return true;
    });
  }

  /** Whose tokens the viewer may list (User.apiTokens, read through its loader): their own; admins', anyone's. */
  mayList(viewer: Viewer, userId: string): boolean {
    return can(tokenPolicy, 'list', viewer, { id: userId });
  }
}
