import type { SsoGroupSync } from '../../gql/graphql';

/** What `ssoSyncPreview` answers (SPEC §12): group names per outcome. */
export interface SyncPreview {
  claimed?: readonly string[] | null;
  join: readonly string[];
  leave: readonly string[];
  create: readonly string[];
  blocked: readonly string[];
}

export interface PreviewLine {
  key: 'join' | 'leave' | 'create' | 'blocked';
  /** A sentence saying what would happen to these groups. */
  heading: string;
  names: readonly string[];
}

const groups = (n: number) => (n === 1 ? '1 group' : `${n} groups`);

/** "Eng", "Eng and Ops", "Eng, Ops and Sales". */
export function listInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The dry run in words: one sentence when nothing would change (and why), else one line per
 * outcome that has names. `groupSync` is the saved mode, which the server's preview used.
 */
export function describePreview(preview: SyncPreview, groupSync: SsoGroupSync): { summary: string; lines: PreviewLine[] } {
  const claimed = preview.claimed ?? [];
  if (claimed.length === 0) {
    return { summary: 'The claim is missing or empty, so a sign-on would change nothing.', lines: [] };
  }
  const read = `The claim names ${groups(claimed.length)}: ${listInWords(claimed)}.`;
  if (groupSync === 'OFF') {
    return { summary: `${read} Group sync is off, so a sign-on would change nothing.`, lines: [] };
  }
  const lines: PreviewLine[] = [];
  if (preview.join.length > 0) {
    lines.push({ key: 'join', heading: `Would join ${groups(preview.join.length)}`, names: preview.join });
  }
  if (preview.create.length > 0) {
    lines.push({ key: 'create', heading: `Would create and join ${groups(preview.create.length)}`, names: preview.create });
  }
  if (preview.leave.length > 0) {
    lines.push({
      key: 'leave',
      heading: `Would end ${preview.leave.length === 1 ? '1 membership' : `${preview.leave.length} memberships`} from single sign-on`,
      names: preview.leave,
    });
  }
  if (preview.blocked.length > 0) {
    lines.push({ key: 'blocked', heading: `Would ignore ${groups(preview.blocked.length)} (blocked)`, names: preview.blocked });
  }
  const summary = lines.some((line) => line.key !== 'blocked')
    ? read
    : `${read} A sign-on would change none of their memberships.`;
  return { summary, lines };
}
