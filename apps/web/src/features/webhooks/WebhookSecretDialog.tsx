import { ActionIcon, Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';

export interface ShownSecret {
  /** Why it is shown: a new endpoint, or a rotation. */
  reason: 'created' | 'rotated';
  url: string;
  secret: string;
}

export interface WebhookSecretDialogProps {
  /** The secret to show; null keeps the dialog closed. */
  shown: ShownSecret | null;
  onDone: () => void;
}

/**
 * A webhook's signing secret, shown this once with a copy button. Clicking outside does not
 * close it: losing the secret by a stray click would mean rotating it again.
 */
export function WebhookSecretDialog({ shown, onDone }: WebhookSecretDialogProps) {
  return (
    <Modal
      opened={shown !== null}
      onClose={onDone}
      title={shown?.reason === 'rotated' ? 'The new signing secret' : 'The webhook’s signing secret'}
      size="lg"
      closeOnClickOutside={false}
      centered
    >
      {shown ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Copy it now: you will not see it again">
            <Text size="sm">
              Receivers at <Code>{shown.url}</Code> verify each delivery with this secret (any Standard Webhooks library).
              {shown.reason === 'rotated' ? ' The old secret keeps signing beside it for 24 hours, so switch before then.' : ''}
            </Text>
          </Alert>
          <Group gap="xs" wrap="nowrap" align="center">
            <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="webhook-secret">
              {shown.secret}
            </Code>
            <CopyButton value={shown.secret} timeout={2000}>
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
          <Group justify="flex-end">
            <Button onClick={onDone} data-autofocus>
              I have copied it
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
