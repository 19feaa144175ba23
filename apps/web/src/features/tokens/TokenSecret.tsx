import { ActionIcon, Alert, Button, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';

export interface TokenSecretProps {
  name: string;
  secret: string;
  onDone: () => void;
}

/** The secret of a token just made, shown this once with a copy button. */
export function TokenSecret({ name, secret, onDone }: TokenSecretProps) {
  return (
    <Alert color="yellow" variant="light" icon={<IconKey aria-hidden />} title={`Copy the secret of “${name}” now`}>
      <Stack gap="sm">
        <Text size="sm">
          You will not see this again: Gatehouse keeps only a hash of it. Send it as{' '}
          <Code>Authorization: Bearer …</Code>
        </Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="token-secret">
            {secret}
          </Code>
          <CopyButton value={secret} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
                <ActionIcon
                  variant={copied ? 'filled' : 'default'}
                  color={copied ? 'teal' : undefined}
                  size="lg"
                  onClick={copy}
                  aria-label={copied ? 'Secret copied' : 'Copy secret'}
                >
                  {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Group>
          <Button variant="default" size="xs" onClick={onDone}>
            I have copied it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
