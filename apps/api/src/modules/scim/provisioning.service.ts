import { authorize } from '../../authz/authorize';
import { settingsPolicy } from '../settings/settings.policy';
import type { Viewer } from '../../authz/viewer';
import { errors } from '../../common/errors';
import type { Db } from '../../db/db';
import type { PermissionsService } from '../permissions/permissions.service';
import { UserPermissionEntity } from '../permissions/user-permission.entity';
import type { ApiTokenEntity } from '../tokens/api-token.entity';
import type { TokensService } from '../tokens/tokens.service';
import { UserEntity } from '../users/user.entity';
import type { UsersService } from '../users/users.service';

/** The service account Gatehouse makes for an identity provider's provisioning (SPEC §19). */
export const PROVISIONING_EMAIL = 'scim-provisioning@gatehouse.invalid';
const PROVISIONING_NAME = 'SCIM provisioning';

/**
 * The admin Provisioning page's use-cases: the service account made for SCIM (created on first
 * use, holding exactly `scim.provision`) and its tokens. Revoking is `revokeApiToken`.
 */
export class ProvisioningService {
  constructor(
    private readonly db: Db,
    private readonly users: UsersService,
    private readonly permissions: PermissionsService,
    private readonly tokens: TokensService,
  ) {}

  /** The provisioning account, if it was made. Admins only. */
  async account(viewer: Viewer): Promise<UserEntity | null> {
    authorize(settingsPolicy, 'manageProvisioning', viewer);
    return this.db.manager.findOneBy(UserEntity, { emailKey: PROVISIONING_EMAIL });
  }

  /**
   * `createScimToken`: makes the provisioning account when there is none (a service account with
   * `scim.provision`), then a token for it — one transaction, all audited. The secret is shown once.
   */
  async createToken(viewer: Viewer, name: string | null | undefined): Promise<{ token: string; entity: ApiTokenEntity }> {
    authorize(settingsPolicy, 'manageProvisioning', viewer);
    const label = (name ?? '').trim() || 'Identity provider';
    if (label.length > 100) throw errors.badInput('Name the token in at most 100 characters.', 'VALIDATION');
    return this.db.transaction(async (tx) => {
      let account = await tx.findOneBy(UserEntity, { emailKey: PROVISIONING_EMAIL });
      if (account && account.kind !== 'SERVICE') throw errors.conflict('EMAIL_TAKEN', `${PROVISIONING_EMAIL} belongs to a person; rename that account first.`);
      if (!account) account = await this.users.insert(tx, viewer.actor, { email: PROVISIONING_EMAIL, displayName: PROVISIONING_NAME, kind: 'SERVICE', cause: 'SCIM' });
      if (!account.isActive) throw errors.badInput('The provisioning account is deactivated; reactivate it (Admin → Users) first.', 'USER_INACTIVE');
      const held = (await tx.findBy(UserPermissionEntity, { userId: account.id })).map((p) => p.permissionKey);
      if (!held.includes('scim.provision')) await this.permissions.replaceForUser(tx, viewer, account, [...held, 'scim.provision']);
      return this.tokens.createIn(tx, viewer, label, account.id, null);
    });
  }
}
