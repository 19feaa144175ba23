import { useQuery } from '@apollo/client/react';
import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyFailure } from '../../components/notify';
import { NotificationList } from '../../features/notifications/NotificationList';
import { useLiveNotifications } from '../../features/live/use-live-notifications';
import { useMarkNotificationsRead } from '../../features/notifications/use-mark-notifications-read';
import { graphql } from '../../gql';
import { problemMessage } from '../graphql-errors';

/**
 * How often the bell (and the queue count) ask again by themselves. New notifications arrive
 * live (useLiveNotifications, SPEC §17); the poll only settles what no notification announces
 * (a request withdrawn, a notification read in another tab).
 */
export const POLL_INTERVAL_MS = 60_000;

// The shell's own query, like the server version: the header owns it.
const NotificationBellQuery = graphql(`
  query NotificationBell {
    notifications(first: 15) {
      unreadCount
      edges {
        cursor
        node {
          id
          ...NotificationList_notification
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The header's bell: how many notifications are unread, and the recent ones in a popover. */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const { data, error } = useQuery(NotificationBellQuery, { pollInterval: POLL_INTERVAL_MS });
  // New notifications ring the bell (and move the queue count) without waiting for the poll.
  useLiveNotifications();
  const [markRead, { loading: marking }] = useMarkNotificationsRead();
  const unread = data?.notifications.unreadCount ?? 0;
  const list = data?.notifications.edges.map((edge) => edge.node) ?? [];

  const mark = async (ids: string[] | null) => {
    try {
      await markRead({ variables: { ids } });
    } catch (failure) {
      notifyFailure(problemMessage(failure));
    }
  };

  return (
    // The indicator wraps the popover, so the popover's ARIA wiring lands on the button itself.
    <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} offset={4} color="red.8">
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} withinPortal shadow="md" trapFocus>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
            data-testid="notification-bell"
          >
            <IconBell size={20} stroke={1.75} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} role="dialog" aria-label="Notifications">
          <Group justify="space-between" px="sm" py="xs">
            <Text fw={700} size="sm">
              Notifications
            </Text>
            <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={marking} onClick={() => void mark(null)}>
              Mark all read
            </Button>
          </Group>
          <ScrollArea.Autosize mah={420}>
            {error && !data ? (
              <Stack p="sm">
                <ErrorAlert>{problemMessage(error)}</ErrorAlert>
              </Stack>
            ) : list.length === 0 ? (
              <Stack p="sm">
                <EmptyMessage title="No notifications">Decisions on your requests and changes to your groups show here.</EmptyMessage>
              </Stack>
            ) : (
              <NotificationList
                notifications={list}
                onMarkRead={(notification) => void mark([notification.id])}
                onOpen={(notification) => {
                  setOpened(false);
                  if (!notification.readAt) void mark([notification.id]);
                  if (notification.link) void navigate(notification.link);
                }}
              />
            )}
          </ScrollArea.Autosize>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
