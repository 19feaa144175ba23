import { describe, expect, it } from 'vitest';
import { startOfLocalDay } from '../../components/format-date';
import { auditCsvHref, auditFilterFrom, auditParamsFrom, auditValuesFromParams, EMPTY_AUDIT_FILTER } from './audit-filter';

describe('auditFilterFrom', () => {
  it('leaves blanks out', () => {
    expect(auditFilterFrom({ ...EMPTY_AUDIT_FILTER, actorId: '   ' })).toEqual({ filter: {}, errors: {} });
  });

  it('normalises the action and trims ids', () => {
    expect(auditFilterFrom({ ...EMPTY_AUDIT_FILTER, action: ' member joined ', groupId: ' g1 ' }).filter).toEqual({
      action: 'MEMBER_JOINED',
      groupId: 'g1',
    });
  });

  it('covers whole days from since to until', () => {
    const { filter } = auditFilterFrom({ ...EMPTY_AUDIT_FILTER, since: '2026-03-01', until: '2026-03-01' });
    expect(filter.since).toBe(startOfLocalDay('2026-03-01'));
    expect(filter.until).toBe(startOfLocalDay('2026-03-02'));
  });

  it('refuses an until before since', () => {
    expect(auditFilterFrom({ ...EMPTY_AUDIT_FILTER, since: '2026-03-05', until: '2026-03-01' }).errors).toEqual({
      until: 'The last day must not be before the first.',
    });
  });
});

describe('auditCsvHref', () => {
  it('carries the applied filters to the CSV export', () => {
    expect(auditCsvHref({})).toBe('/export/audit.csv');
    expect(auditCsvHref({ groupId: 'g1', action: 'MEMBER_JOINED' })).toBe('/export/audit.csv?groupId=g1&action=MEMBER_JOINED');
  });

  it('asks for the summaries’ dates in the reader’s zone', () => {
    expect(auditCsvHref({ groupId: 'g1' }, 'America/New_York')).toBe('/export/audit.csv?groupId=g1&timeZone=America%2FNew_York');
  });
});

describe('the filters in the URL', () => {
  it('round-trips every filter and leaves blanks out', () => {
    const values = { ...EMPTY_AUDIT_FILTER, action: 'GRANT_CHANGED', actorId: 'a1', resourceId: 'r1', since: '2026-03-01' };
    const params = auditParamsFrom(values);
    expect(params.toString()).toBe('action=GRANT_CHANGED&actorId=a1&resourceId=r1&since=2026-03-01');
    expect(auditValuesFromParams(params)).toEqual(values);
  });

  it('ignores parameters that are not filters', () => {
    expect(auditValuesFromParams(new URLSearchParams('utm=x&groupId=g1'))).toEqual({ ...EMPTY_AUDIT_FILTER, groupId: 'g1' });
  });
});
