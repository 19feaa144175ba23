import { problemMessage } from '../../app/graphql-errors';
import { notifySuccess } from '../../components/notify';
import { formatExpiry } from '../../components/dates';
import { ExpiryEditor } from './ExpiryEditor';
import { useUpdateMembership } from './use-update-membership';

export interface MemberExpiryCellProps {
  groupId: string;
  member: { expiresAt?: string | null; user: { id: string; displayName: string } };
  /** `viewerCan.changeExpiry` for the group. */
  canEdit: boolean;
}

/** A member's expiry on the member list, changed in place by leaders, managers and admins (SPEC §20). */
export function MemberExpiryCell({ groupId, member, canEdit }: MemberExpiryCellProps) {
  const [updateMembership] = useUpdateMembership(groupId);
  const name = member.user.displayName;
  return (
    <ExpiryEditor
      expiresAt={member.expiresAt}
      subject={name}
      canEdit={canEdit}
      onSave={async (expiresAt) => {
        try {
          await updateMembership({ variables: { groupId, userId: member.user.id, expiresAt } });
        } catch (error) {
          throw new Error(problemMessage(error));
        }
        notifySuccess(expiresAt ? `${name}'s membership now ends on ${formatExpiry(expiresAt)}.` : `${name}'s membership no longer expires.`);
      }}
    />
  );
}
