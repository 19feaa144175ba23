import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Red for what cannot be undone or takes something away. */
  danger?: boolean;
  loading?: boolean;
  /** Disables the confirm button (e.g. until a name is typed). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" with the consequence spelled out; Cancel has focus first. */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  danger = false,
  loading = false,
  confirmDisabled = false,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!confirmDisabled && !loading) onConfirm();
        }}
      >
        <Stack gap="md">
          {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={loading} data-autofocus>
              Cancel
            </Button>
            {/* Red shade 9: white text on the theme's default red falls short of WCAG AA contrast. */}
            <Button type="submit" color={danger ? 'red.9' : undefined} loading={loading} disabled={confirmDisabled}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
