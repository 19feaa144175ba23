import { useQuery } from '@apollo/client/react';
import { Stack } from '@mantine/core';
import { problemMessage } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SectionCard } from '../../components/SectionCard';
import { DefinePermissionForm } from '../../features/permissions/DefinePermissionForm';
import { PermissionCatalogTable } from '../../features/permissions/PermissionCatalogTable';
import { graphql } from '../../gql';

const AdminPermissionsQuery = graphql(`
  query AdminPermissions {
    permissions {
      key
      ...PermissionCatalogTable_permission
    }
  }
`);

export function AdminPermissionsPage() {
  const { data, error } = useQuery(AdminPermissionsQuery);
  return (
    <Page
      title="Permissions"
      description="The permission catalog: Gatehouse's own keys and the ones you define for your integrations. Give them to users directly or through groups."
    >
      <Stack gap="lg">
        <SectionCard title="Catalog">
          {data ? (
            <PermissionCatalogTable permissions={data.permissions} />
          ) : error ? (
            <ErrorAlert title="The catalog could not be loaded">{problemMessage(error)}</ErrorAlert>
          ) : (
            <PageSkeleton />
          )}
        </SectionCard>
        <SectionCard
          title="Define a permission"
          description="A key for your own integration to check, such as wiki.edit. Keys cannot be renamed later."
        >
          <DefinePermissionForm />
        </SectionCard>
      </Stack>
    </Page>
  );
}
