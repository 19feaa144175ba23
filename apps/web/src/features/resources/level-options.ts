import type { AccessLevel } from '../../gql/graphql';
import { LEVEL_LABELS } from './access-words';

/** The levels a grant can carry, for selects. */
export const GRANT_LEVEL_OPTIONS = [
  { value: 'READ', label: `${LEVEL_LABELS.READ}` },
  { value: 'WRITE', label: `${LEVEL_LABELS.WRITE} (includes read)` },
] as const;

export type GrantLevel = Exclude<AccessLevel, 'NONE'>;

export function isGrantLevel(value: string | null): value is GrantLevel {
  return value === 'READ' || value === 'WRITE';
}
