import { Page } from '../../components/Page';

export function AdminSettingsPage() {
  return (
    <Page
      title="Settings"
      description="Service-wide rules: approvals, the permission-loss policy, registration and single sign-on."
    />
  );
}
