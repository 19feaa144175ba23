import { useQuery } from '@apollo/client/react';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { problemMessage } from '../../app/graphql-errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format-date';
import { Page } from '../../components/Page';
import { PageSkeleton } from '../../components/PageSkeleton';
import { SectionCard } from '../../components/SectionCard';
import { ChangePasswordForm } from '../../features/account/ChangePasswordForm';
import { NotificationPreferencesForm } from '../../features/account/NotificationPreferencesForm';
import { ProfileForm } from '../../features/account/ProfileForm';
import { MembershipsTable } from '../../features/memberships/MembershipsTable';
import { PermissionOriginsTable } from '../../features/permissions/PermissionOriginsTable';
import { ApiTokensCard } from '../../features/tokens/ApiTokensCard';
import { graphql } from '../../gql';

const AccountPageQuery = graphql(`
  query AccountPage {
    me {
      id
      kind
      isAdmin
      createdAt
      lastSignInAt
      ...ProfileForm_user
      ...PermissionOriginsTable_user
      ...MembershipsTable_user
      ...ApiTokensCard_user
      ...NotificationPreferencesForm_user
    }
  }
`);

const TITLE = 'My account';
const DESCRIPTION = 'Your profile, your password, what you may do and why, your groups, and your API tokens.';

export function AccountPage() {
  const { data, error } = useQuery(AccountPageQuery);
  const me = data?.me;

  if (!me) {
    return (
      <Page title={TITLE} description={DESCRIPTION}>
        {error ? <ErrorAlert title="Your account could not be loaded">{problemMessage(error)}</ErrorAlert> : <PageSkeleton />}
      </Page>
    );
  }

  return (
    <Page title={TITLE} description={DESCRIPTION}>
      <Stack gap="lg">
        <SectionCard
          title="Profile"
          titleExtra={
            me.isAdmin ? (
              <Badge color="red" variant="light">
                Administrator
              </Badge>
            ) : null
          }
          description={
            <>
              Member since {formatDateTime(me.createdAt)}
              {me.lastSignInAt ? ` · last signed in ${formatDateTime(me.lastSignInAt)}` : null}
            </>
          }
        >
          <ProfileForm user={me} />
        </SectionCard>
        {me.kind === 'HUMAN' ? (
          <SectionCard
            title="Password"
            description="Changing it signs you out everywhere else; this browser stays signed in."
          >
            <ChangePasswordForm />
          </SectionCard>
        ) : null}
        {me.kind === 'HUMAN' ? (
          <SectionCard
            title="Email notifications"
            description="Which notifications also come to you by email (when this Gatehouse sends email). They always appear in Gatehouse; every email has a link to stop its kind."
          >
            <NotificationPreferencesForm user={me} />
          </SectionCard>
        ) : null}
        <SectionCard
          title="My permissions"
          description="What you may do in Gatehouse and in connected applications, and where each permission comes from."
        >
          <PermissionOriginsTable user={me} groupHref={(id) => `/groups/${id}`} />
        </SectionCard>
        <SectionCard title="My groups" description="The groups you are a member of now.">
          <MembershipsTable
            user={me}
            groupHref={(id) => `/groups/${id}`}
            emptyText="You are not a member of any group yet."
          />
        </SectionCard>
        <ApiTokensCard
          user={me}
          canCreate
          description="Personal tokens act as you, with your permissions, wherever a signed-in session works. Revoke one as soon as you stop using it."
        />
        <Group>
          <Text size="xs" c="dimmed">
            Account id: {me.id}
          </Text>
        </Group>
      </Stack>
    </Page>
  );
}
