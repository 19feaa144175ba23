import { LIMITS } from '@gatehouse/shared';
import type { Shareable, UpdateGroupInput } from '../../gql/graphql';

export type GroupFlag = 'internal' | 'hidden' | 'open' | 'public' | 'restricted';

/** Each flag with what it means (SPEC §1–§3), in the order the form shows them. */
export const GROUP_FLAGS: readonly { key: GroupFlag; label: string; explanation: string }[] = [
  {
    key: 'internal',
    label: 'Internal',
    explanation:
      'Membership is changed only by admins and the system (default groups, single sign-on, expiry); nobody joins, leaves or asks. Only members, leaders, managers and admins see it.',
  },
  {
    key: 'hidden',
    label: 'Hidden',
    explanation: 'Not listed in the group directory; people reach it only through its join link.',
  },
  {
    key: 'open',
    label: 'Open',
    explanation: 'People join and leave at once, without anyone approving.',
  },
  {
    key: 'public',
    label: 'Public',
    explanation: 'Visible to and joinable by people without the groups.request permission.',
  },
  {
    key: 'restricted',
    label: 'Restricted',
    explanation:
      'Gains members only through an admin, and only admins decide its requests; managers cannot manage it.',
  },
];

/** Who may grant resources to the group, explained. */
export const SHAREABLE_OPTIONS: readonly { value: Shareable; label: string; explanation: string }[] = [
  { value: 'NOBODY', label: 'Nobody', explanation: 'Only administrators may grant resources to this group.' },
  { value: 'MEMBERS', label: 'Members', explanation: 'People in the group may grant resources they share to it.' },
  { value: 'ANYONE', label: 'Anyone', explanation: 'Anyone who may share a resource may grant it to this group.' },
];

/** The settings form's values: text fields stay text until they are saved. */
export interface GroupSettingsValues extends Record<GroupFlag, boolean> {
  name: string;
  description: string;
  shareable: Shareable;
  /** Empty = no limit. */
  maxMembers: number | '';
  /** JSON text of an object. */
  metadata: string;
}

export interface GroupSettingsSource extends Record<GroupFlag, boolean> {
  name: string;
  description: string;
  shareable: Shareable;
  maxMembers?: number | null;
  metadata: Record<string, unknown>;
}

export function settingsValuesOf(group: GroupSettingsSource): GroupSettingsValues {
  return {
    name: group.name,
    description: group.description,
    internal: group.internal,
    hidden: group.hidden,
    open: group.open,
    public: group.public,
    restricted: group.restricted,
    shareable: group.shareable,
    maxMembers: group.maxMembers ?? '',
    metadata: JSON.stringify(group.metadata, null, 2),
  };
}

/**
 * Reads the metadata text as a JSON object. Checked here so a typo is pointed out at once; the
 * server checks again (and alone decides the size limit's exact bytes).
 */
export function parseMetadata(text: string): { value: Record<string, unknown> } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { error: 'This is not valid JSON. Check quotes, commas and braces.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { error: 'Metadata must be a JSON object, like {"team": "ops"}.' };
  }
  if (new TextEncoder().encode(JSON.stringify(parsed)).length > LIMITS.groupMetadataBytes) {
    return { error: `Metadata must be at most ${LIMITS.groupMetadataBytes / 1024} KB of JSON.` };
  }
  return { value: parsed as Record<string, unknown> };
}

/**
 * What to send to `updateGroup`: only the fields that changed (the audit log records which),
 * or the problems that stop the form from being sent.
 */
export function settingsChanges(
  initial: GroupSettingsValues,
  current: GroupSettingsValues,
): { input: UpdateGroupInput; errors: Record<string, string> } {
  const input: UpdateGroupInput = {};
  const errors: Record<string, string> = {};
  const name = current.name.trim();
  if (name !== initial.name) input.name = name;
  if (current.description !== initial.description) input.description = current.description;
  for (const { key } of GROUP_FLAGS) if (current[key] !== initial[key]) input[key] = current[key];
  if (current.shareable !== initial.shareable) input.shareable = current.shareable;
  if (current.maxMembers !== initial.maxMembers) input.maxMembers = current.maxMembers === '' ? null : current.maxMembers;
  if (current.metadata !== initial.metadata) {
    const parsed = parseMetadata(current.metadata);
    if ('error' in parsed) errors['metadata'] = parsed.error;
    else if (JSON.stringify(parsed.value) !== JSON.stringify(JSON.parse(initial.metadata || '{}'))) input.metadata = parsed.value;
  }
  return { input, errors };
}
