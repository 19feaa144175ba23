import { Navigate, type RouteObject } from 'react-router';
import { NotFoundPage } from '../routes/not-found/NotFoundPage';
import { RouteErrorPage } from '../routes/route-error/RouteErrorPage';
import { lazyPage } from './lazy-page';
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
const AuditLogPage = lazyPage(() => import('../routes/admin-audit/AuditLogPage'), 'AuditLogPage');

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
              { path: 'admin/users', element: <AdminUsersPage /> },
              { path: 'admin/users/:userId', element: <AdminUserPage /> },
              { path: 'admin/groups', element: <AdminGroupsPage /> },
              { path: 'admin/groups/:groupId', element: <AdminGroupPage /> },
              { path: 'admin/permissions', element: <AdminPermissionsPage /> },
              { path: 'admin/settings', element: <AdminSettingsPage /> },
              { path: 'admin/sso', element: <AdminSsoPage /> },
              { path: 'admin/audit', element: <AuditLogPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];
