import { EmptyState } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface EmptyMessageProps {
  title: string;
  children?: ReactNode;
}

/** What a list shows when it has nothing in it, and why. */
export function EmptyMessage({ title, children }: EmptyMessageProps) {
  return (
    <EmptyState
      size="sm"
      variant="light"
      icon={<IconInbox aria-hidden />}
      title={title}
      description={children}
    />
  );
}
