import { ActionIcon, Code, CopyButton, Group, List, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { SectionCard } from '../../components/SectionCard';

export interface ScimConnectionCardProps {
  /** The SCIM base URL the identity provider is given. */
  baseUrl: string;
}

/** Where an identity provider connects, and how the common ones map attributes. */
export function ScimConnectionCard({ baseUrl }: ScimConnectionCardProps) {
  return (
    <SectionCard title="Connection" description="Give your identity provider (Okta, Microsoft Entra ID, …) this base URL and a provisioning token.">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="center">
          <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="scim-base-url">
            {baseUrl}
          </Code>
          <CopyButton value={baseUrl} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
                <ActionIcon variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} size="lg" onClick={copy} aria-label={copied ? 'Base URL copied' : 'Copy base URL'}>
                  {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <List size="sm" spacing={4}>
          <List.Item>
            <Text size="sm" span fw={500}>Okta:</Text> SCIM connector base URL = this URL, unique identifier = <Code>userName</Code>, authentication = HTTP Header (the token).
          </List.Item>
          <List.Item>
            <Text size="sm" span fw={500}>Entra ID:</Text> Tenant URL = this URL, Secret Token = the token; map the person’s email to <Code>userName</Code>.
          </List.Item>
          <List.Item>
            People are matched by email (<Code>userName</Code>). Groups the provider pushes are its own; it never ends a membership someone else made.
          </List.Item>
        </List>
      </Stack>
    </SectionCard>
  );
}
