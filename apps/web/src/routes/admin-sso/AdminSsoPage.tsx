import { useQuery } from '@apollo/client/react';
import { Alert, Code, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { problemMessage } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SectionCard } from '../../components/SectionCard';
import { SsoDryRunForm } from '../../features/sso/SsoDryRunForm';
import { SsoSettingsForm } from '../../features/sso/SsoSettingsForm';
import { graphql } from '../../gql';

const AdminSsoQuery = graphql(`
  query AdminSso {
    authConfig {
      ssoEnabled
      ssoDisplayName
    }
    settings {
      sso {
        groupSync
        ...SsoSettingsForm_sso
      }
    }
  }
`);

export function AdminSsoPage() {
  // network-only first: the form starts from what is saved now, not from an older cached copy.
  const { data, error } = useQuery(AdminSsoQuery, { fetchPolicy: 'network-only' });
  return (
    <Page
      title="Single sign-on"
      description="Sign-on through your organisation’s identity provider, and how its groups claim keeps memberships in step."
    >
      {error && !data ? <ErrorAlert title="The single sign-on settings could not be loaded">{problemMessage(error)}</ErrorAlert> : null}
      {!data && !error ? <PageSkeleton /> : null}
      {data ? (
        <Stack gap="lg">
          {data.authConfig.ssoEnabled ? (
            <Text>
              People can sign in with {data.authConfig.ssoDisplayName || 'your identity provider'} from the sign-in page.
            </Text>
          ) : (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title="Single sign-on is not set up on this server">
              Set <Code>OIDC_ISSUER</Code>, <Code>OIDC_CLIENT_ID</Code> and <Code>OIDC_CLIENT_SECRET</Code> in the server’s
              environment to offer it. These settings still apply once it is.
            </Alert>
          )}
          <SectionCard title="Settings" description="Who may sign on and what their groups claim changes.">
            <SsoSettingsForm sso={data.settings.sso} />
          </SectionCard>
          <SectionCard
            title="Dry run"
            description="Paste a groups claim for someone to see which memberships a sign-on would add or end. Nothing is changed."
          >
            <SsoDryRunForm groupSync={data.settings.sso.groupSync} />
          </SectionCard>
        </Stack>
      ) : null}
    </Page>
  );
}
