import { readProblem } from '../../app/graphql-errors';
import { formatExpiry } from '../../components/dates';
import { notifySuccess } from '../../components/notify';
import { ExpiryEditor } from '../memberships/ExpiryEditor';
import type { GrantRow } from './GrantsTable';
import { shareProblemText } from './share-problem';
import { useGrantAccess } from './use-grant-access';

export interface GrantExpiryCellProps {
  resourceId: string;
  grant: GrantRow;
  /** Whom the grant names, for labels. */
  label: string;
  expired: boolean;
}

/**
 * A grant's expiry on the access list, changed in place (SPEC §20): granting the same level again
 * with the new expiry — whoever may edit the resource's access sees this table at all.
 */
export function GrantExpiryCell({ resourceId, grant, label, expired }: GrantExpiryCellProps) {
  const [grantAccess] = useGrantAccess();
  return (
    <ExpiryEditor
      expiresAt={grant.expiresAt}
      subject={label}
      canEdit
      neverLabel="No expiry"
      expired={expired}
      onSave={async (expiresAt) => {
        try {
          await grantAccess({
            variables: { resourceId, level: grant.level, userId: grant.user?.id ?? null, groupId: grant.group?.id ?? null, expiresAt },
          });
        } catch (error) {
          throw new Error(shareProblemText(readProblem(error)) ?? 'The expiry could not be changed.');
        }
        notifySuccess(expiresAt ? `The access of ${label} now ends on ${formatExpiry(expiresAt)}.` : `The access of ${label} no longer expires.`);
      }}
    />
  );
}
