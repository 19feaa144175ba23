import { Page } from '../../components/Page';

export function AdminUsersPage() {
  return (
    <Page
      title="Users"
      description="Create, deactivate and promote users, and give them permissions directly."
    />
  );
}
