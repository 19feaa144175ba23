import { Badge } from '@mantine/core';
import type { RequestStatus } from '../../gql/graphql';
import { REQUEST_STATUS } from './request-labels';

/** A request's status as a coloured word. */
export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { label, color } = REQUEST_STATUS[status];
  return (
    <Badge size="sm" variant="light" color={color}>
      {label}
    </Badge>
  );
}
