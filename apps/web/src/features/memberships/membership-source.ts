import type { MembershipSource } from '../../gql/graphql';

/** How a membership came about, in words (the enum's meanings from the schema). */
export const MEMBERSHIP_SOURCE_LABELS: Record<MembershipSource, string> = {
  ADDED: 'Added directly',
  DEFAULT: 'Default group',
  OPEN_JOIN: 'Joined (open group)',
  REQUEST: 'Request approved',
  SSO: 'Single sign-on',
  SCIM: 'Provisioned (SCIM)',
};
