import { formatExpiry } from '../../components/format-date';
import type { AccessLevel, AccessReasonKind, Visibility } from '../../gql/graphql';

/** Words for the levels, as people read them. */
export const LEVEL_LABELS: Record<AccessLevel, string> = { NONE: 'No access', READ: 'Read', WRITE: 'Write' };

/** Badge colours for the levels: write stands out from read. */
export const LEVEL_COLORS: Record<AccessLevel, string> = { NONE: 'gray', READ: 'blue', WRITE: 'grape' };

export const VISIBILITY_LABELS: Record<Visibility, string> = { PRIVATE: 'Private', PUBLIC: 'Public' };

/** One path to a resource, as `explainAccess` answers it. */
export interface ReasonFacts {
  kind: AccessReasonKind;
  level: AccessLevel;
  group?: { name: string } | null;
  expiresAt?: string | null;
}

/** Whom the sentence is about: the reader ("you") or someone else ("them"). */
export type ReasonSubject = 'you' | 'them';

/**
 * One path in words: "Admin", "Owner", "Public", "Granted to them directly (Write, until 12 Mar 2026)",
 * "Through group Ops (Read)". The level and any expiry go in brackets, so every line reads the same way.
 */
export function describeReason(reason: ReasonFacts, subject: ReasonSubject = 'them'): string {
  const until = reason.expiresAt ? `, until ${formatExpiry(reason.expiresAt)}` : '';
  const level = `(${LEVEL_LABELS[reason.level]}${until})`;
  switch (reason.kind) {
    case 'ADMIN':
      return `Admin: administrators reach every resource ${level}`;
    case 'OWNER':
      return `Owner ${level}`;
    case 'PUBLIC':
      return `Public: every active user may read it ${level}`;
    case 'USER_GRANT':
      return `Granted to ${subject} directly ${level}`;
    case 'GROUP_GRANT':
      return `Through group ${reason.group?.name ?? '(a group you may not see)'} ${level}`;
  }
}

/** The one-line summary above the paths: "They can write it." / "You cannot reach it." */
export function describeLevel(level: AccessLevel, subject: ReasonSubject = 'them'): string {
  const who = subject === 'you' ? 'You' : 'They';
  if (level === 'WRITE') return `${who} can read and write it.`;
  if (level === 'READ') return `${who} can read it.`;
  return `${who} cannot reach it.`;
}
