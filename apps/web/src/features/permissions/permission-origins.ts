/** Where one effective permission comes from, as the API reports it. */
export interface OriginFacts {
  direct: boolean;
  admin: boolean;
  groups: readonly { name: string }[];
}

/**
 * "direct · administrator · via Member, Ops" — every reason a user holds a permission, in a
 * fixed order, for screen readers and compact cells alike.
 */
export function describeOrigin(origin: OriginFacts): string {
  const parts: string[] = [];
  if (origin.direct) parts.push('given directly');
  if (origin.admin) parts.push('administrator');
  if (origin.groups.length > 0) parts.push(`via ${origin.groups.map((group) => group.name).join(', ')}`);
  return parts.length > 0 ? parts.join(' · ') : 'no current source';
}
