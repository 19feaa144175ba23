import type { Request, Response } from 'express';
import { validateSync } from 'class-validator';
import { isTimeZone } from '../../common/days';
import { AppError, errors } from '../../common/errors';
import { DateTimeScalar } from '../../common/scalars';
import { unstorableText } from '../../common/storable-text';
import { isUuid, Problems } from '../../common/validate';
import { authenticate } from '../auth/authenticate';
import type { Services } from '../../services';
import type { AuditFilterInput } from './audit.service';
import type { AuditEventEntity } from './audit-event.entity';
import { auditActionOf, UNKNOWN_ACTION } from './audit.service';
import { AuditFilter, describedAuditEvent } from './audit.type';

const COLUMNS = ['id', 'occurredAt', 'action', 'actorId', 'actorLabel', 'groupId', 'groupLabel', 'userId', 'userLabel', 'resourceId', 'resourceLabel', 'summary', 'details'] as const;
/** The most rows one export returns; narrow the filters for more. */
export const CSV_MAX_ROWS = 100_000;

/** RFC 4180 quoting, and a leading ' on values a spreadsheet would run as a formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(entity: AuditEventEntity, timeZone = 'UTC'): string {
  const e = describedAuditEvent(entity, timeZone);
  return COLUMNS.map((c) => csvCell(c === 'id' ? String(e.id) : e[c])).join(',');
}

/** The filters `auditEvents` takes, as query parameters; other parameters are ignored. */
const PARAMS = ['action', 'groupId', 'userId', 'actorId', 'resourceId', 'since', 'until'] as const;
type Param = (typeof PARAMS)[number];

/**
 * The query parameters as an `auditEvents` filter, checked as the GraphQL arguments are: the
 * storable-text rule on every parameter, AuditFilter's own validation (action at most 64
 * characters), DateTime's parsing for since/until. Ids must be ids. Each parameter once: a repeated
 * one (`?action=a&action=b`) is refused rather than guessed at. Throws one VALIDATION error.
 */
export function parseFilter(query: Request['query']): AuditFilterInput {
  const problems = new Problems();
  const given: Partial<Record<Param, string>> = {};
  for (const [name, value] of Object.entries(query)) {
    const nameProblem = unstorableText(name, 'A parameter name');
    if (nameProblem) {
      problems.add('query', nameProblem);
      continue;
    }
    if (typeof value !== 'string') {
      problems.add(name, `${name} must be given once, as plain text.`);
      continue;
    }
    const textProblem = unstorableText(value, name);
    if (textProblem) problems.add(name, textProblem);
    else if ((PARAMS as readonly string[]).includes(name) && value !== '') given[name as Param] = value;
  }
  const filter = Object.assign(new AuditFilter(), { action: given.action ?? null });
  for (const error of validateSync(filter)) {
    for (const message of Object.values(error.constraints ?? {})) problems.add(error.property, `${message}.`);
  }
  if (given.action?.trim() && given.action.length <= 64 && !auditActionOf(given.action)) problems.add('action', UNKNOWN_ACTION(given.action));
  for (const idField of ['groupId', 'userId', 'actorId', 'resourceId'] as const) {
    const v = given[idField];
    if (v && !isUuid(v)) problems.add(idField, `${idField} is not a valid id.`);
  }
  const date = (name: 'since' | 'until'): Date | null => {
    const raw = given[name];
    if (!raw) return null;
    try {
      return DateTimeScalar.parseValue(raw) as Date;
    } catch {
      problems.add(name, `${name} must be an ISO-8601 date-time such as 2024-05-01T00:00:00Z.`);
      return null;
    }
  };
  const since = date('since');
  const until = date('until');
  problems.throwIfAny();
  return { groupId: given.groupId ?? null, userId: given.userId ?? null, actorId: given.actorId ?? null, resourceId: given.resourceId ?? null, action: given.action ?? null, since, until };
}

/** `timeZone` (an IANA zone, default UTC): the zone the summaries' dates are days in, as `AuditEvent.summary(timeZone)`. */
export function parseTimeZone(query: Request['query']): string {
  const zone = query['timeZone'];
  if (zone === undefined || zone === '') return 'UTC';
  if (typeof zone === 'string' && isTimeZone(zone)) return zone;
  throw errors.validation([{ field: 'timeZone', message: 'timeZone must be one IANA time zone such as Europe/Berlin.' }]);
}

/**
 * `GET /export/audit.csv?action=…&groupId=…&since=…&timeZone=…` — the audit log as CSV, with exactly the
 * rows `auditEvents` would show this viewer (same service, same visibility), newest first.
 */
export function auditCsvHandler(services: Services) {
  return async (req: Request, res: Response): Promise<void> => {
    const auth = await authenticate(services.db, req);
    if (!auth.viewer) {
      res.status(401).json({ errors: [{ message: auth.problem ?? 'You need to sign in to do this.', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    let filter: AuditFilterInput;
    let timeZone: string;
    try {
      filter = parseFilter(req.query);
      timeZone = parseTimeZone(req.query);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res.status(400).json({ errors: [{ message: error.message, extensions: error.extensions }] });
      return;
    }
    // The first page is read before anything is sent, so that a failure there is still an
    // ordinary error answer (and never a download that stops without an end).
    let page = await services.audit.list(auth.viewer, filter, 100, null);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="gatehouse-audit-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.write(`${COLUMNS.join(',')}\r\n`);
    let written = 0;
    try {
      for (;;) {
        for (const e of page.nodes) res.write(`${csvRow(e, timeZone)}\r\n`);
        written += page.nodes.length;
        if (!page.hasNextPage || written >= CSV_MAX_ROWS) break;
        page = await services.audit.list(auth.viewer, filter, 100, page.cursor(page.nodes.length - 1));
      }
    } catch (error) {
      // Half a file has gone out with a 200: the only honest end is to break the connection, so
      // the download fails visibly instead of waiting for an end that never comes.
      req.log.error({ err: error }, 'audit export failed after it started');
      res.destroy();
      return;
    }
    res.end();
  };
}
