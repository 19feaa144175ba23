import { Page } from '../../components/Page';

export function LedGroupsPage() {
  return (
    <Page
      title="Led groups"
      description="The groups you lead: their members, their requests and their history."
    />
  );
}
