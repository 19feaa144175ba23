import { useApolloClient, useSubscription } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { graphql } from '../../gql';

const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      title
      body
    }
  }
`);

/**
 * The queries a new notification can change: the bell and, for approvers, the queue count and the
 * count of review items waiting (a review to do arrives as a notification).
 */
export const LIVE_NOTIFICATION_QUERIES = ['NotificationBell', 'QueueCount', 'ReviewItemsWaiting'];

/**
 * The viewer's new notifications as they arrive (SPEC §17): each one asks the bell and the
 * counts again (they read the server's numbers, so nothing is counted twice) and shows a toast —
 * once per notification, whatever reconnects happen (a reconnected stream starts afresh and the
 * screen catches up by refetching, without toasts for what it missed).
 */
export function useLiveNotifications(): void {
  const client = useApolloClient();
  const shown = useRef(new Set<string>());
  useSubscription(NotificationAddedSubscription, {
    onData: ({ data }) => {
      const added = data.data?.notificationAdded;
      if (!added) return;
      void client.refetchQueries({ include: LIVE_NOTIFICATION_QUERIES }).catch(() => undefined);
      if (shown.current.has(added.id)) return;
      shown.current.add(added.id);
      notifications.show({ id: `notification-${added.id}`, title: added.title, message: added.body, autoClose: 6000 });
    },
    // A dropped socket reconnects by itself (live-link.ts); nothing to show here.
    onError: () => undefined,
  });
}
