import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Box, Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useCompleteFragment } from '../../app/use-complete-fragment';
import { formatDateTime } from '../../components/format-date';
import { graphql } from '../../gql';
import type { NotificationList_NotificationFragment } from '../../gql/graphql';

export const NotificationListFragment = graphql(`
  fragment NotificationList_notification on Notification {
    id
    title
    body
    link
    createdAt
    readAt
  }
`);

type Notification = NotificationList_NotificationFragment;

export interface NotificationListProps {
  notifications: readonly FragmentType<typeof NotificationListFragment>[];
  /** Follow a notification's link (and mark it read). */
  onOpen: (notification: Notification) => void;
  onMarkRead: (notification: Notification) => void;
}

/** Recent notifications, newest first; unread ones stand out and can be marked read one by one. */
export function NotificationList({ notifications, ...rest }: NotificationListProps) {
  const data = useCompleteFragment(
    useFragment({ fragment: NotificationListFragment, fragmentName: 'NotificationList_notification', from: [...notifications] }),
  );
  return data ? <NotificationListView {...rest} notifications={data} /> : null;
}

interface NotificationListViewProps extends Omit<NotificationListProps, 'notifications'> {
  notifications: readonly Notification[];
}

/** An expiry warning links to the group page's "Request extension" (SPEC §20): `/groups/{id}?extend=1`. */
function isExtensionLink(link: string): boolean {
  return /^\/groups\/[^/?#]+\?(.*&)?extend=1(&|$)/.test(link);
}

function NotificationListView({ notifications, onOpen, onMarkRead }: NotificationListViewProps) {
  return (
    <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Recent notifications">
      {notifications.map((notification) => {
        const unread = !notification.readAt;
        return (
          <Box
            component="li"
            key={notification.id}
            py="xs"
            px="sm"
            style={{
              borderBottom: '1px solid var(--mantine-color-default-border)',
              borderInlineStart: unread ? '3px solid var(--mantine-primary-color-filled)' : '3px solid transparent',
            }}
          >
            <Stack gap={2}>
              {notification.link ? (
                <UnstyledButton onClick={() => onOpen(notification)}>
                  <Text size="sm" fw={unread ? 700 : 500} td="underline">
                    {notification.title}
                  </Text>
                </UnstyledButton>
              ) : (
                <Text size="sm" fw={unread ? 700 : 500}>
                  {notification.title}
                </Text>
              )}
              <Text size="sm">{notification.body}</Text>
              <Group justify="space-between" gap="xs">
                <Text size="xs" c="dimmed">
                  {formatDateTime(notification.createdAt)}
                  {unread ? ' · unread' : ''}
                </Text>
                {notification.link && isExtensionLink(notification.link) ? (
                  <Button size="compact-xs" variant="light" onClick={() => onOpen(notification)}>
                    Request extension
                  </Button>
                ) : null}
                {unread ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => onMarkRead(notification)}
                    aria-label={`Mark read: ${notification.title}`}
                  >
                    Mark read
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </Box>
        );
      })}
    </Stack>
  );
}

