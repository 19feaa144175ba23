import { Page } from '../../components/Page';

export function QueuePage() {
  return (
    <Page
      title="Approval queue"
      description="Join and leave requests waiting for your decision in the groups you approve for."
    />
  );
}
