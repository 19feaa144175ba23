import { Navigate, type RouteObject } from 'react-router';
import { NotFoundPage } from '../routes/not-found/NotFoundPage';
import { RouteErrorPage } from '../routes/route-error/RouteErrorPage';
import { lazyPage } from './lazy-page';
import { RequireAbility } from './session/RequireAbility';
import { RequireSignedIn } from './session/RequireSignedIn';
import { ViewerRoot } from './session/ViewerRoot';
import { AppLayout } from './shell/AppLayout';
import { AuthLayout } from './shell/AuthLayout';

const SignInPage = lazyPage(() => import('../routes/sign-in/SignInPage'), 'SignInPage');
const SignUpPage = lazyPage(() => import('../routes/sign-up/SignUpPage'), 'SignUpPage');
const SetupPage = lazyPage(() => import('../routes/setup/SetupPage'), 'SetupPage');

const GroupsPage = lazyPage(() => import('../routes/groups/GroupsPage'), 'GroupsPage');
const GroupPage = lazyPage(() => import('../routes/group/GroupPage'), 'GroupPage');
const RequestsPage = lazyPage(() => import('../routes/requests/RequestsPage'), 'RequestsPage');
const AccessPage = lazyPage(() => import('../routes/access/AccessPage'), 'AccessPage');
const ResourcesPage = lazyPage(() => import('../routes/resources/ResourcesPage'), 'ResourcesPage');
const ResourcePage = lazyPage(() => import('../routes/resource/ResourcePage'), 'ResourcePage');
const AccountPage = lazyPage(() => import('../routes/account/AccountPage'), 'AccountPage');
const QueuePage = lazyPage(() => import('../routes/queue/QueuePage'), 'QueuePage');
const LedGroupsPage = lazyPage(() => import('../routes/led/LedGroupsPage'), 'LedGroupsPage');
const ReviewsPage = lazyPage(() => import('../routes/reviews/ReviewsPage'), 'ReviewsPage');
const ReviewPage = lazyPage(() => import('../routes/review/ReviewPage'), 'ReviewPage');
const AdminUsersPage = lazyPage(() => import('../routes/admin-users/AdminUsersPage'), 'AdminUsersPage');
const AdminUserPage = lazyPage(() => import('../routes/admin-user/AdminUserPage'), 'AdminUserPage');
const AdminGroupsPage = lazyPage(() => import('../routes/admin-groups/AdminGroupsPage'), 'AdminGroupsPage');
const AdminGroupPage = lazyPage(() => import('../routes/admin-group/AdminGroupPage'), 'AdminGroupPage');
const AdminPermissionsPage = lazyPage(
  () => import('../routes/admin-permissions/AdminPermissionsPage'),
  'AdminPermissionsPage',
);
const AdminSettingsPage = lazyPage(() => import('../routes/admin-settings/AdminSettingsPage'), 'AdminSettingsPage');
const AdminSsoPage = lazyPage(() => import('../routes/admin-sso/AdminSsoPage'), 'AdminSsoPage');
const AdminProvisioningPage = lazyPage(() => import('../routes/admin-provisioning/AdminProvisioningPage'), 'AdminProvisioningPage');
const AuditLogPage = lazyPage(() => import('../routes/admin-audit/AuditLogPage'), 'AuditLogPage');
const AdminWebhooksPage = lazyPage(() => import('../routes/admin-webhooks/AdminWebhooksPage'), 'AdminWebhooksPage');
const AdminWebhookPage = lazyPage(() => import('../routes/admin-webhook/AdminWebhookPage'), 'AdminWebhookPage');

export const appRoutes: RouteObject[] = [
  {
    path: '/',
    // Runs the viewer query; every page below knows who is signed in.
    element: <ViewerRoot />,
    // Only reached when the shell itself fails; it renders without the shell.
    errorElement: <RouteErrorPage standalone />,
    children: [
      {
        // Before signing in: no navigation, one card.
        element: <AuthLayout />,
        errorElement: <RouteErrorPage standalone />,
        children: [
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'sign-up', element: <SignUpPage /> },
          { path: 'setup', element: <SetupPage /> },
        ],
      },
      {
        element: (
          <RequireSignedIn>
            <AppLayout />
          </RequireSignedIn>
        ),
        errorElement: <RouteErrorPage standalone />,
        children: [
          {
            // Page failures render inside the shell, so navigation stays usable.
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <Navigate to="/groups" replace /> },
              { path: 'groups', element: <GroupsPage /> },
              // The join link of SPEC §3: hidden groups are reachable by id.
              { path: 'groups/:groupId', element: <GroupPage /> },
              { path: 'requests', element: <RequestsPage /> },
              { path: 'access', element: <AccessPage /> },
              { path: 'resources', element: <ResourcesPage /> },
              { path: 'resources/:resourceId', element: <ResourcePage /> },
              { path: 'account', element: <AccountPage /> },
              { path: 'queue', element: <QueuePage /> },
              { path: 'led', element: <LedGroupsPage /> },
              // Access reviews (SPEC §21): each page asks the server what the viewer may see and do.
              { path: 'reviews', element: <ReviewsPage /> },
              { path: 'reviews/:reviewId', element: <ReviewPage /> },
              // Admin pages: one not-allowed page for whoever the server says may not use them.
              { path: 'admin/users', element: <RequireAbility ability="createUser"><AdminUsersPage /></RequireAbility> },
              { path: 'admin/users/:userId', element: <RequireAbility ability="createUser"><AdminUserPage /></RequireAbility> },
              { path: 'admin/groups', element: <RequireAbility ability="createGroup"><AdminGroupsPage /></RequireAbility> },
              { path: 'admin/groups/:groupId', element: <RequireAbility ability="createGroup"><AdminGroupPage /></RequireAbility> },
              { path: 'admin/permissions', element: <RequireAbility ability="definePermission"><AdminPermissionsPage /></RequireAbility> },
              { path: 'admin/settings', element: <RequireAbility ability="manageSettings"><AdminSettingsPage /></RequireAbility> },
              { path: 'admin/sso', element: <RequireAbility ability="manageSettings"><AdminSsoPage /></RequireAbility> },
              // SCIM provisioning is administrators' (SPEC §19), as settings are.
              { path: 'admin/provisioning', element: <RequireAbility ability="manageSettings"><AdminProvisioningPage /></RequireAbility> },
              { path: 'admin/audit', element: <RequireAbility ability="readAudit"><AuditLogPage /></RequireAbility> },
              // Webhooks are for administrators, as settings are (SPEC §17).
              { path: 'admin/webhooks', element: <RequireAbility ability="manageSettings"><AdminWebhooksPage /></RequireAbility> },
              { path: 'admin/webhooks/:webhookId', element: <RequireAbility ability="manageSettings"><AdminWebhookPage /></RequireAbility> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];
