import type { ApolloCache } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const CreateWebhookMutation = graphql(`
  mutation CreateWebhook($input: WebhookInput!) {
    createWebhook(input: $input) {
      secret
      webhook {
        id
        url
      }
    }
  }
`);

// The form starts over from the saved answer, so its fragment is unmasked here (@unmask).
const UpdateWebhookMutation = graphql(`
  mutation UpdateWebhook($id: ID!, $input: WebhookInput!) {
    updateWebhook(id: $id, input: $input) {
      id
      failingSince
      ...WebhookSettingsForm_webhook @unmask
      ...WebhooksTable_webhook
    }
  }
`);

const DeleteWebhookMutation = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhook(id: $id)
  }
`);

const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      webhook {
        id
      }
    }
  }
`);

const SendTestWebhookMutation = graphql(`
  mutation SendTestWebhook($id: ID!) {
    sendTestWebhook(id: $id) {
      id
      eventId
    }
  }
`);

const RedeliverEventMutation = graphql(`
  mutation RedeliverEvent($webhookId: ID!, $eventId: ID!) {
    redeliverEvent(webhookId: $webhookId, eventId: $eventId) {
      id
      eventId
    }
  }
`);

/** The list of webhooks is fetched again where it is shown (a row came or went). */
function dropList(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'webhooks' });
}

/** A webhook's delivery log (every filter) is fetched again: a new delivery heads it. */
function dropDeliveries(cache: ApolloCache, webhookId: string): void {
  cache.evict({ id: cache.identify({ __typename: 'Webhook', id: webhookId }), fieldName: 'deliveries' });
}

/** Registers an endpoint; the answer holds its secret, shown once by the caller. */
export function useCreateWebhook() {
  return useMutation(CreateWebhookMutation, { update: dropList });
}

/** Changes an endpoint; the webhook updates from the answer, the list is fetched again. */
export function useUpdateWebhook() {
  return useMutation(UpdateWebhookMutation, { update: dropList });
}

/**
 * Deletes an endpoint. The list is fetched again; the webhook's own entry stays until the page
 * that showed it is gone (evicting it first would flash "not found").
 */
export function useDeleteWebhook() {
  return useMutation(DeleteWebhookMutation, { update: dropList });
}

/** A new signing secret, shown once by the caller; the old one signs beside it for 24 hours. */
export function useRotateWebhookSecret() {
  return useMutation(RotateWebhookSecretMutation);
}

/** Queues a `webhook.test` delivery; the log shows it at once, PENDING until it is sent. */
export function useSendTestWebhook(webhookId: string) {
  return useMutation(SendTestWebhookMutation, { update: (cache) => dropDeliveries(cache, webhookId) });
}

/** Sends an event again (same `webhook-id`); the log shows the new delivery at once. */
export function useRedeliverEvent(webhookId: string) {
  return useMutation(RedeliverEventMutation, { update: (cache) => dropDeliveries(cache, webhookId) });
}
