import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from './use-document-title';

export interface PageProps {
  /** The page's h1 and the first part of the browser tab title. */
  title: string;
  /** One sentence under the heading saying what the page is for. */
  description?: ReactNode;
  children?: ReactNode;
}

/** Frame shared by every page: one h1, an optional summary, then the content. */
export function Page({ title, description, children }: PageProps) {
  useDocumentTitle(title);
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        {description ? <Text c="dimmed">{description}</Text> : null}
      </Stack>
      {children}
    </Stack>
  );
}
