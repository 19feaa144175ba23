import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../src/db/data-source';
import { hashSecret, newSecret } from '../../src/modules/auth/secrets';
import { UserPermissionEntity } from '../../src/modules/permissions/user-permission.entity';
import { ApiTokenEntity } from '../../src/modules/tokens/api-token.entity';
import { UserEntity } from '../../src/modules/users/user.entity';

/** A service account to make: an admin, or a holder of `permissions`. */
export interface BenchServiceAccount {
  name: string;
  isAdmin?: boolean;
  permissions?: string[];
}

/**
 * Service accounts with one API token each, inserted straight into the bench database in one
 * transaction (the benches measure the API, not how accounts are made). Tokens in the order asked.
 */
export async function serviceTokens(databaseUrl: string, accounts: readonly BenchServiceAccount[]): Promise<string[]> {
  const ds = await openDatabase({ dialect: 'postgres', url: databaseUrl }, { migrate: false });
  try {
    return await ds.transaction(async (tx) => {
      const secrets: string[] = [];
      for (const who of accounts) {
        const id = randomUUID();
        const email = `${who.name.toLowerCase().replace(/\W+/g, '-')}-${id.slice(0, 8)}@bench.example`;
        await tx.insert(UserEntity, { id, email, emailKey: email, displayName: who.name, nameKey: who.name.toLowerCase(), kind: 'SERVICE', isActive: true, isAdmin: who.isAdmin ?? false, passwordHash: null });
        for (const permissionKey of who.permissions ?? []) await tx.insert(UserPermissionEntity, { userId: id, permissionKey });
        const secret = newSecret('ghp_');
        await tx.insert(ApiTokenEntity, { userId: id, name: who.name, tokenHash: hashSecret(secret), prefix: secret.slice(0, 10), createdById: null });
        secrets.push(secret);
      }
      return secrets;
    });
  } finally {
    await ds.destroy();
  }
}

/** One service account (an admin, or holding `permissions`) with an API token. */
export async function serviceToken(databaseUrl: string, who: BenchServiceAccount): Promise<string> {
  const [secret] = await serviceTokens(databaseUrl, [who]);
  return secret!;
}
