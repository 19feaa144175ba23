import { Badge } from '@mantine/core';
import type { AccessLevel } from '../../gql/graphql';
import { LEVEL_COLORS, LEVEL_LABELS } from './access-words';

export interface LevelBadgeProps {
  level: AccessLevel;
}

/** A level as a badge: "Read", "Write", "No access". */
export function LevelBadge({ level }: LevelBadgeProps) {
  return (
    <Badge variant="light" color={LEVEL_COLORS[level]}>
      {LEVEL_LABELS[level]}
    </Badge>
  );
}
