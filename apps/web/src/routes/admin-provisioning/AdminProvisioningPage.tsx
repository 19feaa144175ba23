import { useQuery } from '@apollo/client/react';
import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { problemMessage } from '../../app/graphql-errors';
import { localTimeZone } from '../../components/dates';
import { EmptyMessage } from '../../components/EmptyMessage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SectionCard } from '../../components/SectionCard';
import { AuditTable } from '../../features/audit/AuditTable';
import { CreateScimTokenButton } from '../../features/provisioning/CreateScimTokenButton';
import { ScimConnectionCard } from '../../features/provisioning/ScimConnectionCard';
import { ApiTokensCard } from '../../features/tokens/ApiTokensCard';
import { TokenSecret } from '../../features/tokens/TokenSecret';
import { graphql } from '../../gql';

const AdminProvisioningQuery = graphql(`
  query AdminProvisioning {
    scimProvisioning {
      baseUrl
      scimPath
      account {
        id
        displayName
        ...ApiTokensCard_user
      }
    }
  }
`);

const ScimActivityQuery = graphql(`
  query ScimActivity($actorId: ID!, $timeZone: String) {
    auditEvents(filter: { actorId: $actorId }, first: 20) {
      edges {
        node {
          id
          ...AuditTable_event
        }
      }
    }
  }
`);

/** How often the page reads provisioning state and activity again. */
const REFRESH_MS = 10_000;

/** The recent changes the provisioning account made (newest first), from the audit log. */
function ScimActivity({ actorId }: { actorId: string }) {
  const navigate = useNavigate();
  const { data, error } = useQuery(ScimActivityQuery, { variables: { actorId, timeZone: localTimeZone() }, fetchPolicy: 'cache-and-network', pollInterval: REFRESH_MS });
  const events = data?.auditEvents.edges.map((e) => e.node) ?? [];
  return (
    <SectionCard title="Recent SCIM activity" description="The last changes your identity provider made through SCIM. The audit log has the rest.">
      {error && !data ? <ErrorAlert title="The activity could not be loaded">{problemMessage(error)}</ErrorAlert> : null}
      {data && events.length === 0 ? <EmptyMessage title="No SCIM activity yet">Changes appear here once your identity provider starts provisioning.</EmptyMessage> : null}
      {events.length > 0 ? (
        <AuditTable events={events} onFilter={(key, id) => void navigate(`/admin/audit?${new URLSearchParams({ [key]: id }).toString()}`)} />
      ) : null}
    </SectionCard>
  );
}

/** Admin → Provisioning (SPEC §19): the SCIM base URL, the provisioning token, recent activity. */
export function AdminProvisioningPage() {
  // Refreshed every 10 s: the tokens' "last used" and their state follow the identity provider's
  // calls (and a revocation here) without a reload.
  const { data, error } = useQuery(AdminProvisioningQuery, { pollInterval: REFRESH_MS });
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const info = data?.scimProvisioning;
  const baseUrl = info ? (info.baseUrl ?? `${window.location.origin}${info.scimPath}`) : '';
  return (
    <Page title="Provisioning" description="Let your identity provider create, update and deactivate people and keep its groups’ members current (SCIM 2.0).">
      {error && !data ? <ErrorAlert title="Provisioning could not be loaded">{problemMessage(error)}</ErrorAlert> : null}
      {!data && !error ? <PageSkeleton /> : null}
      {info ? (
        <Stack gap="lg">
          <ScimConnectionCard baseUrl={baseUrl} />
          {created ? <TokenSecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} /> : null}
          {info.account ? (
            <>
              <SectionCard title="Provisioning token" description={`Tokens of the service account “${info.account.displayName}”, which holds scim.provision and nothing else.`}>
                <CreateScimTokenButton onCreated={setCreated} />
              </SectionCard>
              <ApiTokensCard user={info.account} canCreate={false} description="Revoke a token and the identity provider is refused at its next request." />
              <ScimActivity actorId={info.account.id} />
            </>
          ) : (
            <SectionCard title="Provisioning token" description="No identity provider is connected yet.">
              <Stack gap="sm">
                <Text size="sm">Creating the first token also creates a service account for provisioning, holding only scim.provision.</Text>
                <CreateScimTokenButton onCreated={setCreated} />
              </Stack>
            </SectionCard>
          )}
        </Stack>
      ) : null}
    </Page>
  );
}
