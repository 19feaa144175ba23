import { useQuery } from '@apollo/client/react';
import { Stack } from '@mantine/core';
import { problemMessage } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { EmailDeliveryCard } from '../../features/settings/EmailDeliveryCard';
import { SettingsForm } from '../../features/settings/SettingsForm';
import { graphql } from '../../gql';

const AdminSettingsQuery = graphql(`
  query AdminSettings {
    settings {
      ...SettingsForm_settings
      ...EmailDeliveryCard_settings
    }
  }
`);

export function AdminSettingsPage() {
  // network-only first: the form starts from what is saved now, not from an older cached copy.
  const { data, error } = useQuery(AdminSettingsQuery, { fetchPolicy: 'network-only' });
  return (
    <Page
      title="Settings"
      description="Service-wide rules: approvals, the permission-loss policy, registration and single sign-on."
    >
      {error && !data ? <ErrorAlert title="The settings could not be loaded">{problemMessage(error)}</ErrorAlert> : null}
      {!data && !error ? <PageSkeleton /> : null}
      {data ? (
        <Stack gap="lg">
          <SettingsForm settings={data.settings} />
          <EmailDeliveryCard settings={data.settings} />
        </Stack>
      ) : null}
    </Page>
  );
}
