import type { SsoSettingsModel } from '../settings/settings.model';

/**
 * SPEC §12 group sync, as a pure plan: the login applies it, the admin dry run shows it. Names are
 * matched to groups case-insensitively; blocked names are neither joined, left nor created; with
 * SYNC only memberships that came from SSO are ended — manual ones are never touched; a missing
 * or empty claim changes nothing.
 */
export interface GroupRef {
  id: string;
  name: string;
}

export interface SyncPlan {
  join: GroupRef[];
  leave: GroupRef[];
  create: string[];
  blocked: string[];
  /** The names read from the claim (null: the claim was missing or empty). */
  claimed: string[] | null;
}

export interface SyncInput {
  claimed: string[] | null;
  settings: SsoSettingsModel;
  /** Every group by trimmed, lower-cased name (System excluded by the caller). */
  groupsByKey: Map<string, GroupRef>;
  /** Groups the user is a current member of. */
  memberOf: Set<string>;
  /** The user's current memberships whose source is SSO. */
  ssoMemberships: GroupRef[];
}

/** Reads the groups claim at a dotted path: an array of strings, or a string delimited by , ; or new lines. */
export function readGroupsClaim(claims: Record<string, unknown>, path: string): string[] | null {
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[part];
  }
  const raw = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? value.split(/[,;\n]/) : null;
  if (!raw) return null;
  const seen = new Map<string, string>();
  for (const name of raw.map((n) => n.trim()).filter((n) => n.length > 0 && n.length <= 100)) {
    if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return seen.size > 0 ? [...seen.values()] : null;
}

/** `*` any run of characters, `?` one character; whole name, any case. */
export function globMatcher(patterns: string[]): (name: string) => boolean {
  const regexes = patterns.map(
    (p) => new RegExp(`^${p.trim().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i'),
  );
  return (name) => regexes.some((r) => r.test(name));
}

export function planSync(input: SyncInput): SyncPlan {
  const empty: SyncPlan = { join: [], leave: [], create: [], blocked: [], claimed: input.claimed };
  if (input.settings.groupSync === 'OFF' || !input.claimed || input.claimed.length === 0) return empty;
  const isBlocked = globMatcher(input.settings.blockedGroups);
  const plan = { ...empty };
  const wanted = new Set<string>();
  for (const name of input.claimed) {
    const key = name.toLowerCase();
    if (isBlocked(name)) {
      plan.blocked.push(name);
      continue;
    }
    wanted.add(key);
    const group = input.groupsByKey.get(key);
    if (group) {
      if (!input.memberOf.has(group.id)) plan.join.push(group);
    } else if (input.settings.createGroups) {
      plan.create.push(name);
    }
  }
  if (input.settings.groupSync === 'SYNC') {
    for (const m of input.ssoMemberships) {
      if (!wanted.has(m.name.trim().toLowerCase()) && !isBlocked(m.name)) plan.leave.push(m);
    }
  }
  return plan;
}
