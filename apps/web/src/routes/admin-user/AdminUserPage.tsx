import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Breadcrumbs, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { problemMessage } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format-date';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SectionCard } from '../../components/SectionCard';
import { MembershipsTable } from '../../features/memberships/MembershipsTable';
import { PermissionOriginsTable } from '../../features/permissions/PermissionOriginsTable';
import { ApiTokensCard } from '../../features/tokens/ApiTokensCard';
import { DirectPermissionsForm } from '../../features/users/DirectPermissionsForm';
import { ResetPasswordForm } from '../../features/users/ResetPasswordForm';
import { UserDetailsForm } from '../../features/users/UserDetailsForm';
import { UserStatusCard } from '../../features/users/UserStatusCard';
import { UserReachCard } from '../../features/users/UserReachCard';
import { USER_KIND_LABELS } from '../../features/users/user-label';
import { graphql } from '../../gql';

const AdminUserQuery = graphql(`
  query AdminUser($id: ID!) {
    user(id: $id) {
      id
      displayName
      email
      kind
      isActive
      isAdmin
      createdAt
      lastSignInAt
      ...UserDetailsForm_user
      ...UserStatusCard_user
      ...DirectPermissionsForm_user
      ...PermissionOriginsTable_user
      ...MembershipsTable_user
      ...ApiTokensCard_user
    }
    permissions {
      key
      ...PermissionSelect_permission
    }
  }
`);

const adminGroupHref = (id: string) => `/admin/groups/${id}`;

export function AdminUserPage() {
  const { userId = '' } = useParams();
  const { data, error } = useQuery(AdminUserQuery, { variables: { id: userId } });
  const user = data?.user;
  const crumbs = (
    <Breadcrumbs>
      <Anchor component={Link} to="/admin/users" size="sm">
        Users
      </Anchor>
      <Text size="sm">{user?.displayName ?? 'User'}</Text>
    </Breadcrumbs>
  );

  if (!data) {
    return (
      <Page title="User">
        {crumbs}
        {error ? <ErrorAlert title="This user could not be loaded">{problemMessage(error)}</ErrorAlert> : <PageSkeleton />}
      </Page>
    );
  }
  if (!user) {
    return (
      <Page title="User not found">
        {crumbs}
        <Text>No user has this id, or it has been deleted.</Text>
      </Page>
    );
  }

  return (
    <Page
      title={user.displayName}
      description={
        <>
          {USER_KIND_LABELS[user.kind]} · created {formatDateTime(user.createdAt)} · last signed in{' '}
          {user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'never'}
        </>
      }
    >
      {crumbs}
      <Group gap="xs">
        <Badge variant="light" color={user.kind === 'SERVICE' ? 'cyan' : 'gray'}>
          {USER_KIND_LABELS[user.kind]}
        </Badge>
        {user.isAdmin ? (
          <Badge variant="light" color="red">
            Administrator
          </Badge>
        ) : null}
        {user.isActive ? (
          <Badge variant="light" color="green">
            Active
          </Badge>
        ) : (
          <Badge variant="light" color="orange">
            Deactivated
          </Badge>
        )}
      </Group>
      <Stack gap="lg">
        <SectionCard title="Name and email">
          <UserDetailsForm key={user.id} user={user} />
        </SectionCard>
        <UserStatusCard user={user} />
        {user.kind === 'HUMAN' ? (
          <SectionCard title="Reset password" description="Sets a new password and ends all of their sessions.">
            <ResetPasswordForm userId={user.id} displayName={user.displayName} />
          </SectionCard>
        ) : null}
        <SectionCard
          title="Permissions"
          description="Direct permissions add to those their groups carry. Below, every permission they hold and where it comes from."
        >
          <Stack gap="lg">
            <DirectPermissionsForm key={user.id} user={user} catalog={data.permissions} />
            <PermissionOriginsTable user={user} groupHref={adminGroupHref} />
          </Stack>
        </SectionCard>
        <SectionCard title="Groups" description="Their current memberships.">
          <MembershipsTable user={user} groupHref={adminGroupHref} emptyText="They are not a member of any group." />
        </SectionCard>
        <UserReachCard userId={user.id} displayName={user.displayName} />
        <ApiTokensCard
          user={user}
          canCreate={user.kind === 'SERVICE'}
          mintForOwner
          description={
            user.kind === 'SERVICE'
              ? 'A service account acts only through these tokens. The secret is shown once, when you create it.'
              : 'Personal tokens this person created. You can revoke them; only they can create new ones.'
          }
        />
      </Stack>
    </Page>
  );
}
