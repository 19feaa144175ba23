import { rule } from '../../authz/authorize';
import type { Viewer } from '../../authz/viewer';
import { holds } from '../../authz/viewer';
import { errors } from '../../common/errors';

// Named predicates: each rule below reads as a sentence of them.
const isAdmin = (v: Viewer) => v.isAdmin;
const adminsOnly = (message: string) => () => errors.forbidden('NOT_ADMIN', message);

/**
 * The instance's administration, one row each (authz/authorize.ts): settings and the admin screens
 * beside them (SSO, SCIM provisioning, webhooks, mail, the permission catalog, audit and events).
 * Deny by default.
 */
export const settingsPolicy = {
  read: rule(isAdmin, adminsOnly('Only administrators may read the settings.')),
  update: rule(isAdmin, adminsOnly('Only administrators may change the settings.')),
  /** Webhooks (SPEC §17): endpoints, secrets, delivery logs. */
  manageWebhooks: rule(isAdmin, adminsOnly('Only administrators manage webhooks.')),
  /** SCIM provisioning: its account and tokens. */
  manageProvisioning: rule(isAdmin, adminsOnly('Only administrators manage provisioning.')),
  /** The SSO group-sync dry run. */
  previewGroupSync: rule(isAdmin, adminsOnly('Only administrators may preview group sync.')),
  sendTestEmail: rule(isAdmin, adminsOnly('Only administrators send test emails.')),
  /** Add `area.verb` keys to the permission catalog. */
  definePermission: rule(isAdmin, adminsOnly('Only administrators may define permissions.')),
  /** Every audit event, not only one's own and one's groups' (SPEC §9). */
  readAudit: rule((v) => holds(v, 'audit.read')),
  /** The event feed (SPEC §17): admins and holders of audit.read (integrations' service accounts). */
  readEvents: rule(
    (v) => isAdmin(v) || holds(v, 'audit.read'),
    () => errors.forbidden('NOT_ALLOWED', 'Only administrators and holders of audit.read may read the event feed.'),
  ),
};
