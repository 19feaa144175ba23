import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface ErrorAlertProps {
  title?: string;
  children: ReactNode;
}

/** A failure the person should read: announced by screen readers as it appears. */
export function ErrorAlert({ title, children }: ErrorAlertProps) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      {children}
    </Alert>
  );
}
