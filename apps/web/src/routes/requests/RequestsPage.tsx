import { Page } from '../../components/Page';

export function RequestsPage() {
  return (
    <Page
      title="My requests"
      description="Your join and leave requests, pending and decided; withdraw a pending one here."
    />
  );
}
