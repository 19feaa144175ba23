import { dayIn, expiryDay } from '../../common/days';

/**
 * The vocabulary of audit actions: every action the log records, in one list. `audit()` accepts
 * only these (a new kind of change adds its line here first), the `auditActions` query serves the
 * list to the SPA's action picker, and the filter refuses anything else. Each entry carries the
 * words people read: a short label for pickers and a sentence for each row (SPEC §9).
 */

/** What a sentence may use of a row: its labels and details as recorded. */
export interface AuditRow {
  action: string;
  actorId: string | null;
  actorLabel: string;
  groupLabel: string | null;
  userId: string | null;
  userLabel: string | null;
  resourceLabel: string | null;
  details: Record<string, unknown>;
}

interface ActionWords {
  /** For pickers: what happened, without names. */
  label: string;
  /** One sentence naming who did what to whom. */
  sentence: (w: Words) => string;
}

/** "Ada Admin <ada@example.com>" → "Ada Admin": sentences name people, the row keeps the email. */
export function nameOf(label: string | null | undefined): string | null {
  if (!label) return null;
  const name = label.replace(/\s*<[^<>]*>$/, '').trim();
  return name || label;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const and = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const quoted = (value: string) => `“${value}”`;
/** A recorded instant as a date (YYYY-MM-DD) in the reader's zone; an expiry by the day rule (common/days.ts). */
const instant = (value: unknown): Date | null => {
  const t = text(value);
  const d = t ? new Date(t) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

/** `{ id, label }` as recorded for the objects an event names (reviews, their groups). */
const refLabel = (value: unknown): string | null =>
  value && typeof value === 'object' ? text((value as Record<string, unknown>)['label']) : null;
const refLabels = (value: unknown): string[] => (Array.isArray(value) ? value.map(refLabel).filter((v): v is string => v !== null) : []);

/** Plain words for the causes the writers record (SPEC §9, §17). */
const CAUSES: Record<string, string> = {
  SELF: '',
  LEADER: '',
  ADMIN: '',
  MANAGER: '',
  EXPIRY: 'the membership expired',
  CASCADE: 'they lost groups.request',
  SSO: 'single sign-on group sync',
  SCIM: 'provisioning (SCIM)',
  REVIEW: 'an access review',
  GROUP_DELETED: 'the group was deleted',
  USER_DELETED: 'the account was deleted',
  REQUEST_APPROVED: 'a request was approved',
  'default group': 'a default group',
  'service account': 'service accounts join System',
  reactivated: 'the account was reactivated',
};

/** The helpers a sentence is written with: names with fallbacks, causes in plain words. */
class Words {
  constructor(
    readonly row: AuditRow,
    /** The reader's IANA zone: dates are the days they fall on there (SPEC §20). */
    readonly timeZone: string,
  ) {}
  get actor(): string {
    return nameOf(this.row.actorLabel) ?? 'Someone';
  }
  get user(): string {
    return nameOf(this.row.userLabel) ?? 'someone';
  }
  get group(): string {
    return this.row.groupLabel ?? 'a group';
  }
  get resource(): string {
    return this.row.resourceLabel ?? text(this.row.details['name']) ?? 'a resource';
  }
  get selfDone(): boolean {
    return this.row.actorId !== null && this.row.actorId === this.row.userId;
  }
  detail(key: string): unknown {
    return this.row.details[key];
  }
  /** " (because …)" for a recorded cause, or "". */
  because(key = 'cause'): string {
    const cause = text(this.detail(key));
    if (!cause) return '';
    const words = CAUSES[cause] ?? (cause.startsWith('left ') ? '' : cause.toLowerCase().replace(/_/g, ' '));
    return words ? ` (${words})` : '';
  }
  /** An expiry as the day it shows as for the reader (common/days.ts: old midnight-UTC ones too). */
  expiry(value: unknown): string | null {
    const d = instant(value);
    return d ? expiryDay(d, this.timeZone) : null;
  }
  /** Any other instant as the day it falls on for the reader. */
  day(value: unknown): string | null {
    const d = instant(value);
    return d ? dayIn(d, this.timeZone) : null;
  }
  until(key = 'expiresAt'): string {
    const d = this.expiry(this.detail(key));
    return d ? ` until ${d}` : '';
  }
  requestKind(): string {
    const kind = text(this.detail('kind'));
    return kind === 'LEAVE' ? 'leave' : kind === 'EXTEND' ? 'extend their membership of' : 'join';
  }
  fields(): string {
    const fields = list(this.detail('fields'));
    return fields.length ? and(fields) : 'the settings';
  }
  changes(): string {
    const added = list(this.detail('added'));
    const removed = list(this.detail('removed'));
    const parts = [added.length ? `added ${and(added)}` : '', removed.length ? `removed ${and(removed)}` : ''].filter(Boolean);
    return parts.length ? `: ${parts.join('; ')}` : '';
  }
  /** A principal key (`user:<id>`, `group:<id>`) named from the row's labels. */
  principal(key: string): string {
    const labels = this.detail('labels');
    const recorded = labels && typeof labels === 'object' ? (labels as Record<string, unknown>)[key] : undefined;
    const kind = key.startsWith('group:') ? 'group' : 'user';
    const id = key.slice(kind.length + 1);
    if (typeof recorded === 'string' && recorded) return nameOf(recorded) ?? recorded;
    if (kind === 'user' && id === this.row.userId && this.row.userLabel) return this.user;
    if (kind === 'group' && this.row.groupLabel) return this.group;
    return kind === 'group' ? 'a group' : 'someone';
  }
  grant(): string {
    const r = this.resource;
    const set = this.detail('set');
    if (set && typeof set === 'object') {
      const s = set as Record<string, unknown>;
      const key = text(s['groupId']) ? `group:${text(s['groupId'])}` : `user:${text(s['userId']) ?? ''}`;
      const level = text(s['level']) === 'WRITE' ? 'write' : 'read';
      const d = this.expiry(s['expiresAt']);
      return `${this.actor} gave ${this.principal(key)} ${level} access to ${r}${d ? ` until ${d}` : ''}`;
    }
    const level = (entry: string) => (entry.endsWith('=WRITE') ? 'write' : 'read');
    const keyOf = (entry: string) => entry.replace(/=(READ|WRITE)$/, '');
    const added = list(this.detail('added')).map((e) => `gave ${this.principal(keyOf(e))} ${level(e)} access`);
    const changed = list(this.detail('changed')).map((e) => `changed ${this.principal(keyOf(e))} to ${level(e)} access`);
    const removed = list(this.detail('removed')).map((e) => `took away the access of ${this.principal(keyOf(e))}`);
    const parts = [...added, ...changed, ...removed];
    if (text(this.detail('cause')) === 'GROUP_DELETED') return `The access of ${this.group} to ${r} ended: the group was deleted`;
    return parts.length ? `${this.actor} ${and(parts)} on ${r}` : `${this.actor} changed who may reach ${r}`;
  }
}

const ACTIONS = {
  MEMBER_JOINED: { label: 'Joined a group', sentence: (w) => `${w.actor} joined ${w.group}${w.until()}` },
  MEMBER_ADDED: {
    label: 'Member added',
    sentence: (w) => (w.row.actorId === null ? `${w.user} joined ${w.group}${w.until()}${w.because()}` : `${w.actor} added ${w.user} to ${w.group}${w.until()}${w.because()}`),
  },
  MEMBER_LEFT: { label: 'Left a group', sentence: (w) => `${w.user} left ${w.group}${w.because()}` },
  MEMBER_REMOVED: {
    label: 'Member removed',
    sentence: (w) => (w.row.actorId === null ? `${w.user} was removed from ${w.group}${w.because()}` : `${w.actor} removed ${w.user} from ${w.group}${w.because()}`),
  },
  MEMBERSHIP_UPDATED: {
    label: 'Membership expiry changed',
    sentence: (w) => {
      const d = w.expiry(w.detail('expiresAt'));
      const what = d ? `set the membership of ${w.user} in ${w.group} to end on ${d}` : `made the membership of ${w.user} in ${w.group} permanent`;
      return `${w.actor} ${what}${w.because()}`;
    },
  },
  REQUEST_CREATED: { label: 'Request made', sentence: (w) => `${w.actor} asked to ${w.requestKind()} ${w.group}` },
  REQUEST_APPROVED: { label: 'Request approved', sentence: (w) => `${w.actor} approved the request of ${w.user} to ${w.requestKind()} ${w.group}` },
  REQUEST_REJECTED: { label: 'Request rejected', sentence: (w) => `${w.actor} rejected the request of ${w.user} to ${w.requestKind()} ${w.group}` },
  REQUEST_WITHDRAWN: { label: 'Request withdrawn', sentence: (w) => `${w.user} withdrew their request to ${w.requestKind()} ${w.group}` },
  REQUEST_CANCELLED: { label: 'Request cancelled', sentence: (w) => `The request of ${w.user} to ${w.requestKind()} ${w.group} was cancelled${w.because()}` },
  GROUP_CREATED: { label: 'Group created', sentence: (w) => `${w.actor} created ${w.group}` },
  GROUP_UPDATED: { label: 'Group changed', sentence: (w) => `${w.actor} changed ${w.fields()} of ${w.group}` },
  GROUP_DELETED: { label: 'Group deleted', sentence: (w) => `${w.actor} deleted ${w.group}` },
  GROUP_PERMISSIONS_CHANGED: { label: 'Group permissions changed', sentence: (w) => `${w.actor} changed the permissions of ${w.group}${w.changes()}` },
  LEADERS_CHANGED: {
    label: 'Leaders changed',
    sentence: (w) => {
      const names = [...list(w.detail('users')).map((u) => nameOf(u) ?? u), ...list(w.detail('groups')).map((g) => `members of ${g}`)];
      return `${w.actor} made ${names.length ? and(names) : 'nobody'} the leaders of ${w.group}`;
    },
  },
  USER_CREATED: { label: 'Account created', sentence: (w) => `${w.actor} created the account of ${w.user}` },
  USER_UPDATED: { label: 'Account changed', sentence: (w) => (w.selfDone ? `${w.user} changed their ${w.fields()}` : `${w.actor} changed ${w.fields()} of ${w.user}`) },
  USER_DEACTIVATED: { label: 'Account deactivated', sentence: (w) => `${w.actor} deactivated ${w.user}` },
  USER_DELETED: { label: 'Account deleted', sentence: (w) => `${w.actor} deleted the account of ${w.user}` },
  USER_PERMISSIONS_CHANGED: { label: 'Direct permissions changed', sentence: (w) => `${w.actor} changed the direct permissions of ${w.user}${w.changes()}` },
  PERMISSION_DEFINED: { label: 'Permission defined', sentence: (w) => `${w.actor} defined the permission ${text(w.detail('key')) ?? ''}`.trimEnd() },
  PASSWORD_CHANGED: { label: 'Password changed', sentence: (w) => (w.selfDone ? `${w.user} changed their password` : `${w.actor} set a new password for ${w.user}`) },
  SIGN_IN: { label: 'Signed in', sentence: (w) => `${w.user} signed in${text(w.detail('method')) === 'oidc' ? ' with single sign-on' : ''}` },
  SIGN_IN_FAILED: {
    label: 'Sign-in failed',
    sentence: (w) => `A sign-in as ${w.row.userLabel ? w.user : (nameOf(w.row.actorLabel) ?? 'an unknown email')} failed${text(w.detail('reason')) ? ` (${text(w.detail('reason'))})` : ''}`,
  },
  TOKEN_CREATED: {
    label: 'API token created',
    sentence: (w) => `${w.actor} created the API token ${quoted(text(w.detail('name')) ?? '')}${w.selfDone || !w.row.userLabel ? '' : ` for ${w.user}`}${w.until()}`,
  },
  TOKEN_REVOKED: {
    label: 'API token revoked',
    sentence: (w) => `${w.actor} revoked the API token ${quoted(text(w.detail('name')) ?? '')}${w.selfDone || !w.row.userLabel ? '' : ` of ${w.user}`}`,
  },
  SSO_LINKED: { label: 'Single sign-on linked', sentence: (w) => `${w.user} was linked to a single sign-on identity` },
  SETTINGS_CHANGED: { label: 'Settings changed', sentence: (w) => `${w.actor} changed the settings: ${w.fields()}` },
  RESOURCE_CREATED: { label: 'Resource registered', sentence: (w) => `${w.actor} registered ${w.resource}` },
  RESOURCE_UPDATED: { label: 'Resource changed', sentence: (w) => `${w.actor} changed ${w.fields()} of ${w.resource}` },
  RESOURCE_DELETED: { label: 'Resource deleted', sentence: (w) => `${w.actor} deleted ${w.resource}` },
  RESOURCE_OWNER_CHANGED: { label: 'Resource owner changed', sentence: (w) => `${w.actor} made ${w.user} the owner of ${w.resource}` },
  VISIBILITY_CHANGED: {
    label: 'Resource visibility changed',
    sentence: (w) => `${w.actor} made ${w.resource} ${text(w.detail('to')) === 'PUBLIC' ? 'public (every active user may read it)' : 'private'}`,
  },
  GRANT_CHANGED: { label: 'Access changed', sentence: (w) => w.grant() },
  REVIEW_STARTED: {
    label: 'Access review started',
    sentence: (w) => {
      const groups = refLabels(w.detail('groups'));
      const due = w.day(w.detail('deadline'));
      return `${w.actor} started the access review ${quoted(refLabel(w.detail('review')) ?? '')}${groups.length ? ` of ${and(groups)}` : ''}${due ? `, due ${due}` : ''}`;
    },
  },
  REVIEW_CLOSED: {
    label: 'Access review closed',
    sentence: (w) =>
      w.row.actorId === null
        ? `The access review ${quoted(refLabel(w.detail('review')) ?? '')} closed at its deadline`
        : `${w.actor} closed the access review ${quoted(refLabel(w.detail('review')) ?? '')}`,
  },
  WEBHOOK_CREATED: { label: 'Webhook added', sentence: (w) => `${w.actor} added the webhook ${text(w.detail('url')) ?? ''}` },
  WEBHOOK_UPDATED: { label: 'Webhook changed', sentence: (w) => `${w.actor} changed the webhook ${text(w.detail('url')) ?? ''}` },
  WEBHOOK_DELETED: { label: 'Webhook deleted', sentence: (w) => `${w.actor} deleted the webhook ${text(w.detail('url')) ?? ''}` },
  WEBHOOK_SECRET_ROTATED: { label: 'Webhook secret rotated', sentence: (w) => `${w.actor} rotated the signing secret of the webhook ${text(w.detail('url')) ?? ''}` },
} as const satisfies Record<string, ActionWords>;

/** Every audit action, e.g. `MEMBER_JOINED`. */
export type AuditAction = keyof typeof ACTIONS;

/** The actions in the order pickers list them (the table's order: memberships first). */
export const AUDIT_ACTIONS = Object.keys(ACTIONS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(ACTIONS, value);
}

export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? ACTIONS[action].label : action;
}

/**
 * The row as one sentence a person reads ("Ada Admin gave On-call write access to Runbooks"), its
 * dates as days in `timeZone` (an IANA zone; default UTC).
 */
export function auditSentence(row: AuditRow, timeZone = 'UTC'): string {
  if (!isAuditAction(row.action)) return `${nameOf(row.actorLabel) ?? 'Someone'}: ${row.action}`;
  const sentence = ACTIONS[row.action].sentence(new Words(row, timeZone));
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
