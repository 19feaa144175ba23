import { Page } from '../../components/Page';

export function GroupsPage() {
  return (
    <Page
      title="Groups"
      description="Find groups you can see, join open ones and ask to join the rest."
    />
  );
}
