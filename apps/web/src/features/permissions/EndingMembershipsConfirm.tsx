import { useApolloClient } from '@apollo/client/react';
import { Text } from '@mantine/core';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { fetchPermissionImpact, type ImpactTarget } from './PermissionImpactNotice';

const memberships = (n: number) => (n === 1 ? '1 membership' : `${n} memberships`);

export interface EndingMembershipsGate {
  /** Asking the server what the save would end. */
  checking: boolean;
  /** How many memberships the save would end, while the confirmation is open; else null. */
  ending: number | null;
  /**
   * Before saving `permissions`: true when the save may go ahead now; false when it would end
   * memberships, and the confirmation is open instead (its Confirm saves).
   */
  mayProceed: (permissions: readonly string[]) => Promise<boolean>;
  close: () => void;
}

/**
 * A save that ends memberships waits for a second, explicit yes naming how many (SPEC §8, issue 21
 * item 7). The impact is asked of the server at the moment of saving, so the count never comes
 * from a preview of an older value. Used by every form that changes permissions someone holds.
 */
export function useEndingMembershipsGate(target: ImpactTarget): EndingMembershipsGate {
  const client = useApolloClient();
  const [ending, setEnding] = useState<number | null>(null);
  const [checking, setChecking] = useState(false);
  const mayProceed = async (permissions: readonly string[]) => {
    setChecking(true);
    try {
      const impact = await fetchPermissionImpact(client, target, permissions);
      if (impact && impact.membershipsEnded > 0) {
        setEnding(impact.membershipsEnded);
        return false;
      }
    } catch {
      // The preview failed: the notice says so; saving still goes through the server's own checks.
    } finally {
      setChecking(false);
    }
    return true;
  };
  return { checking, ending, mayProceed, close: () => setEnding(null) };
}

export interface EndingMembershipsConfirmProps {
  gate: EndingMembershipsGate;
  /** The save in progress. */
  loading: boolean;
  onConfirm: () => void;
}

/** The confirmation itself: "End 61 memberships?". Render it outside the form it guards. */
export function EndingMembershipsConfirm({ gate, loading, onConfirm }: EndingMembershipsConfirmProps) {
  const ending = memberships(gate.ending ?? 0);
  return (
    <ConfirmDialog
      opened={gate.ending !== null}
      title={`End ${ending}?`}
      confirmLabel={`Save and end ${ending}`}
      danger
      loading={loading}
      onClose={gate.close}
      onConfirm={onConfirm}
    >
      <Text size="sm">
        Saving these permissions ends {ending} at once under the permission-loss policy. The people affected are notified; the
        memberships do not come back if you change the permissions again.
      </Text>
    </ConfirmDialog>
  );
}
