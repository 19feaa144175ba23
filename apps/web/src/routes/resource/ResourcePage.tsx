import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Breadcrumbs, Code, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { problemMessage } from '../../app/graphql-errors';
import { useSignedInViewer } from '../../app/session/viewer-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format-date';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SectionCard } from '../../components/SectionCard';
import { AccessEditor } from '../../features/resources/AccessEditor';
import { VISIBILITY_LABELS } from '../../features/resources/access-words';
import { DeleteResourceCard } from '../../features/resources/DeleteResourceCard';
import { LevelBadge } from '../../features/resources/LevelBadge';
import { ResourceDetailsForm } from '../../features/resources/ResourceDetailsForm';
import { TransferOwnershipCard } from '../../features/resources/TransferOwnershipCard';
import { userLabel } from '../../features/users/user-label';
import { graphql } from '../../gql';
import { ExplainAccessSection } from './ExplainAccessSection';
import { WhoCanReachSection } from './WhoCanReachSection';

const ResourcePageQuery = graphql(`
  query ResourcePage($id: ID!) {
    resource(id: $id) {
      id
      kind
      name
      description
      externalId
      visibility
      viewerLevel
      viewerCan {
        edit
        own
      }
      createdAt
      owner {
        id
        displayName
        email
      }
      ...ResourceDetailsForm_resource
      ...AccessEditor_resource
    }
  }
`);

export function ResourcePage() {
  const { resourceId = '' } = useParams();
  const me = useSignedInViewer();
  const { data, error } = useQuery(ResourcePageQuery, { variables: { id: resourceId } });
  const resource = data?.resource;
  const crumbs = (
    <Breadcrumbs>
      <Anchor component={Link} to="/resources" size="sm">
        Resources
      </Anchor>
      <Text size="sm">{resource?.name ?? 'Resource'}</Text>
    </Breadcrumbs>
  );

  if (!data) {
    return (
      <Page title="Resource">
        {crumbs}
        {error ? <ErrorAlert title="This resource could not be loaded">{problemMessage(error)}</ErrorAlert> : <PageSkeleton />}
      </Page>
    );
  }
  if (!resource) {
    return (
      <Page title="Resource not found">
        {crumbs}
        <Text>No resource has this id, or you may not read it.</Text>
      </Page>
    );
  }

  // What the viewer may do comes from the server's policy (Resource.viewerCan), never re-derived here:
  // with adminBypass off an admin edits without a WRITE level (SPEC §10).
  const canWrite = resource.viewerCan.edit;
  const canOwn = resource.viewerCan.own;
  // Only the wording of the transfer card (an owner hands over their own resource).
  const isOwner = resource.owner?.id === me.id;
  const canCheckOthers = me.isAdmin || me.effectivePermissions.includes('access.check');

  return (
    <Page
      title={resource.name}
      description={
        <>
          Owned by {resource.owner ? userLabel(resource.owner) : 'nobody'} · registered {formatDateTime(resource.createdAt)}
        </>
      }
    >
      {crumbs}
      <Group gap="xs">
        <Code>{resource.kind}</Code>
        {resource.externalId ? (
          <Text size="sm" c="dimmed">
            External id <Code>{resource.externalId}</Code>
          </Text>
        ) : null}
        <Badge variant="light" color={resource.visibility === 'PUBLIC' ? 'teal' : 'gray'}>
          {VISIBILITY_LABELS[resource.visibility]}
        </Badge>
        <Text size="sm">Your level:</Text>
        <LevelBadge level={resource.viewerLevel} />
      </Group>
      <Stack gap="lg">
        <SectionCard title="Name and description">
          {canWrite ? (
            <ResourceDetailsForm key={resource.id} resource={resource} />
          ) : (
            <Text size="sm">{resource.description || 'No description.'}</Text>
          )}
        </SectionCard>
        {canWrite ? <AccessEditor resource={resource} /> : null}
        {canCheckOthers ? <ExplainAccessSection resourceId={resource.id} /> : null}
        {canWrite || canCheckOthers ? <WhoCanReachSection resourceId={resource.id} linkUsers={me.isAdmin} /> : null}
        {canOwn ? (
          <>
            <TransferOwnershipCard
              resourceId={resource.id}
              resourceName={resource.name}
              ownerName={resource.owner?.displayName ?? null}
              viewerIsOwner={isOwner && !me.isAdmin}
            />
            <DeleteResourceCard resourceId={resource.id} resourceName={resource.name} afterDelete="/resources" />
          </>
        ) : null}
      </Stack>
    </Page>
  );
}
