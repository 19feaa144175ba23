import type { Request, Response } from 'express';
import { errors } from '../../common/errors';
import { isUuid } from '../../common/validate';
import { authenticate } from '../auth/authenticate';
import type { Services } from '../../services';
import type { AuditFilterInput } from './audit.service';
import type { AuditEventEntity } from './audit-event.entity';

const COLUMNS = ['id', 'occurredAt', 'action', 'actorId', 'actorLabel', 'groupId', 'groupLabel', 'userId', 'userLabel', 'resourceId', 'details'] as const;
/** The most rows one export returns; narrow the filters for more. */
export const CSV_MAX_ROWS = 100_000;

/** RFC 4180 quoting, and a leading ' on values a spreadsheet would run as a formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(e: AuditEventEntity): string {
  return COLUMNS.map((c) => csvCell(c === 'id' ? String(e.id) : e[c])).join(',');
}

function parseFilter(query: Request['query']): AuditFilterInput {
  const one = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : null);
  const date = (name: string) => {
    const raw = one(name);
    if (!raw) return null;
    const d = new Date(raw);
    if (Number.isNaN(d.getTime())) throw errors.badInput(`${name} must be an ISO-8601 date-time.`);
    return d;
  };
  for (const idField of ['groupId', 'userId', 'actorId']) {
    const v = one(idField);
    if (v && !isUuid(v)) throw errors.badInput(`${idField} is not a valid id.`);
  }
  return { groupId: one('groupId'), userId: one('userId'), actorId: one('actorId'), action: one('action')?.slice(0, 64) ?? null, since: date('since'), until: date('until') };
}

/**
 * `GET /export/audit.csv?action=…&groupId=…&since=…` — the audit log as CSV, with exactly the
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
    try {
      filter = parseFilter(req.query);
    } catch (error) {
      res.status(400).json({ errors: [{ message: (error as Error).message, extensions: { code: 'BAD_USER_INPUT' } }] });
      return;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="gatehouse-audit-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.write(`${COLUMNS.join(',')}\r\n`);
    let after: string | null = null;
    let written = 0;
    do {
      const page = await services.audit.list(auth.viewer, filter, 100, after);
      for (const e of page.nodes) res.write(`${csvRow(e)}\r\n`);
      written += page.nodes.length;
      after = page.hasNextPage ? page.cursor(page.nodes.length - 1) : null;
    } while (after && written < CSV_MAX_ROWS);
    res.end();
  };
}
