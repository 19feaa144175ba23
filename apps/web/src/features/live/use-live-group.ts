import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useRef } from 'react';
import { graphql } from '../../gql';
import { useViewer } from '../../app/session/viewer-context';

const GroupEventsSubscription = graphql(`
  subscription GroupEvents($types: [String!]) {
    events(types: $types) {
      id
      data
    }
  }
`);

const GroupNotificationsSubscription = graphql(`
  subscription GroupPageNotifications {
    notificationAdded {
      id
    }
  }
`);

/** The event types that change what a group page shows. */
export const GROUP_PAGE_EVENT_TYPES = [
  'membership.added',
  'membership.removed',
  'membership.updated',
  'group.updated',
  'group.leaders_changed',
  'group.permissions_changed',
  'request.created',
  'request.approved',
  'request.rejected',
  'request.withdrawn',
  'request.cancelled',
];

/** True when an event's data names this group. */
export function eventNamesGroup(data: unknown, groupId: string): boolean {
  if (!data || typeof data !== 'object') return false;
  const group = (data as { group?: { id?: unknown } }).group;
  return typeof group === 'object' && group !== null && group.id === groupId;
}

/**
 * An open group page follows its membership (SPEC §17): who may read the event feed (admins,
 * audit.read) refetches on every event naming this group; anyone else on each of their own new
 * notifications (joining, leaving, a decision, a removal each notify the person concerned).
 * What is on screen is asked again — the page, its members, the viewer's own permissions (a
 * membership can change them) — coalesced, so a burst of events asks once.
 */
export function useLiveGroup(groupId: string): void {
  const client = useApolloClient();
  const { me } = useViewer();
  const readsEvents = !!me && (me.isAdmin || me.effectivePermissions.includes('audit.read'));
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const soon = () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void client.refetchQueries({ include: 'active' }).catch(() => undefined);
    }, 150);
  };
  useSubscription(GroupEventsSubscription, {
    variables: { types: GROUP_PAGE_EVENT_TYPES },
    skip: !readsEvents || !groupId,
    onData: ({ data }) => {
      if (eventNamesGroup(data.data?.events.data, groupId)) soon();
    },
    onError: () => undefined,
  });
  useSubscription(GroupNotificationsSubscription, {
    skip: readsEvents || !me || !groupId,
    onData: () => soon(),
    onError: () => undefined,
  });
}
