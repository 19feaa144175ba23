import { describe, expect, it } from 'vitest';
import { batches, closeConsequence, closeOutcome, csvFileName, parseCsv, progressOf } from './review-labels';

describe('progressOf', () => {
  it('rounds down, so 100 % means every item is decided', () => {
    expect(progressOf(199, 200)).toEqual({ percent: 99, text: '199 of 200 decided' });
    expect(progressOf(200, 200).percent).toBe(100);
    expect(progressOf(0, 3).percent).toBe(0);
    expect(progressOf(0, 0).percent).toBe(100);
  });
});

describe('batches', () => {
  it('splits ids into calls of at most 100', () => {
    const ids = Array.from({ length: 230 }, (_, i) => String(i));
    expect(batches(ids).map((b) => b.length)).toEqual([100, 100, 30]);
    expect(batches([])).toEqual([]);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n,,\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['', '', ''],
    ]);
  });
});

describe('closeOutcome and closeConsequence', () => {
  const csv = 'group,member,decision,comment\r\nLab,Ann,KEEP,\r\nLab,Bob,REMOVE,"left, in May"\r\nLab,Cy,,\r\nLab,Di,,\r\n';

  it('counts removals and undecided items; undecided ones count as removals under a REMOVE default', () => {
    expect(closeOutcome(csv, 'KEEP')).toEqual({ removals: 1, undecided: 2 });
    expect(closeOutcome(csv, 'REMOVE')).toEqual({ removals: 3, undecided: 2 });
    expect(closeOutcome('', 'KEEP')).toEqual({ removals: 0, undecided: 0 });
  });

  it('names what happens', () => {
    expect(closeConsequence({ removals: 1, undecided: 2 }, 'KEEP', true)).toBe(
      '2 undecided memberships will be kept (the review’s default). 1 membership will end now; those members are told and lose what the group gave them. Decisions can no longer change after closing.',
    );
    expect(closeConsequence({ removals: 0, undecided: 0 }, 'REMOVE', true)).toContain('Every membership has been decided. Nobody will be removed.');
    expect(closeConsequence({ removals: 3, undecided: 1 }, 'REMOVE', false)).toContain('only recorded');
  });
});

describe('csvFileName', () => {
  it('makes a safe name', () => {
    expect(csvFileName('Q1 review: Lab & Ops', '0123456789abcdef')).toBe('q1-review-lab-ops-01234567-decisions.csv');
    expect(csvFileName('***', 'abcdefgh12')).toBe('access-review-abcdefgh-decisions.csv');
  });
});
