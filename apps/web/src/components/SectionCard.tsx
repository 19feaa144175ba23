import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export interface SectionCardProps {
  /** The section's h2. */
  title: string;
  /** One or two sentences saying what the section is for. */
  description?: ReactNode;
  /** Buttons beside the heading. */
  actions?: ReactNode;
  /** Badges or notes beside the title. */
  titleExtra?: ReactNode;
  children?: ReactNode;
}

/** One titled part of a page (profile, tokens, members …). */
export function SectionCard({ title, description, actions, titleExtra, children }: SectionCardProps) {
  const headingId = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 20rem' }}>
            <Group gap="xs">
              <Title order={2} size="h3" id={headingId}>
                {title}
              </Title>
              {titleExtra}
            </Group>
            {description ? (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            ) : null}
          </Stack>
          {actions ? <Group gap="xs">{actions}</Group> : null}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
