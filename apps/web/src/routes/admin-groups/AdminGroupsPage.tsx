import { Page } from '../../components/Page';

export function AdminGroupsPage() {
  return (
    <Page
      title="All groups"
      description="Create groups, set their flags and leaders, and choose the permissions membership carries."
    />
  );
}
