import { Page } from '../../components/Page';

export function AuditLogPage() {
  return (
    <Page
      title="Audit log"
      description="Every change, newest first, filterable by group, user, actor, action and time, and exportable as CSV."
    />
  );
}
