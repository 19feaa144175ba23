import type { ReviewDecision, ReviewStatus } from '../../gql/graphql';

/** The most items one `decideReviewItems` call takes (the API's limit, SPEC §21 bulk decisions). */
export const DECIDE_BATCH = 100;

/** A decision as a row shows it; whether it was carried out is said beside it once the review closes. */
export const DECISION_LABELS: Record<ReviewDecision, string> = { KEEP: 'Keep', REMOVE: 'Remove' };
export const STATUS_LABELS: Record<ReviewStatus, string> = { OPEN: 'Open', CLOSED: 'Closed' };

/** How far a review (or one group of it) is: "12 of 40 decided", and the rounded-down percentage. */
export function progressOf(decided: number, total: number): { percent: number; text: string } {
  // Rounded down, so a review shows 100 % only when every item is decided.
  const percent = total === 0 ? 100 : Math.floor((decided / total) * 100);
  return { percent, text: `${decided} of ${total} decided` };
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Ids in calls of at most `size` (the API decides at most 100 items at once). */
export function batches<T>(items: readonly T[], size: number = DECIDE_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The rows of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * What closing a review now will do, from its decisions CSV (every decision an admin sees): the
 * items decided REMOVE, and the undecided ones, which take the review's default.
 */
export function closeOutcome(csv: string, defaultDecision: ReviewDecision): { removals: number; undecided: number } {
  const [header, ...rows] = parseCsv(csv);
  const column = header?.indexOf('decision') ?? -1;
  if (column < 0) return { removals: 0, undecided: 0 };
  let removals = 0;
  let undecided = 0;
  for (const row of rows) {
    const decision = row[column] ?? '';
    if (decision === '') undecided++;
    if (decision === 'REMOVE' || (decision === '' && defaultDecision === 'REMOVE')) removals++;
  }
  return { removals, undecided };
}

/** The sentence a "Close now" confirmation shows. */
export function closeConsequence({ removals, undecided }: { removals: number; undecided: number }, defaultDecision: ReviewDecision, autoApply: boolean): string {
  const defaults =
    undecided === 0
      ? 'Every membership has been decided.'
      : `${plural(undecided, 'undecided membership')} will be ${defaultDecision === 'KEEP' ? 'kept' : 'removed'} (the review’s default).`;
  const effect = autoApply
    ? removals === 0
      ? 'Nobody will be removed.'
      : `${plural(removals, 'membership')} will end now; those members are told and lose what the group gave them.`
    : 'The decisions are only recorded: this review does not carry them out.';
  return `${defaults} ${effect} Decisions can no longer change after closing.`;
}

/** A file name for the decisions CSV: the review's name, made safe, and its id's start. */
export function csvFileName(name: string, id: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'access-review';
  return `${base}-${id.slice(0, 8)}-decisions.csv`;
}
