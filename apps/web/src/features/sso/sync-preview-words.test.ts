import { describe, expect, it } from 'vitest';
import { describePreview, listInWords } from './sync-preview-words';

const none = { join: [], leave: [], create: [], blocked: [] };

describe('listInWords', () => {
  it.each([
    [[], ''],
    [['Eng'], 'Eng'],
    [['Eng', 'Ops'], 'Eng and Ops'],
    [['Eng', 'Ops', 'Sales'], 'Eng, Ops and Sales'],
  ])('%j → %s', (names, words) => {
    expect(listInWords(names)).toBe(words);
  });
});

describe('describePreview', () => {
  it('says a missing or empty claim changes nothing', () => {
    expect(describePreview({ ...none, claimed: null }, 'SYNC')).toEqual({
      summary: 'The claim is missing or empty, so a sign-on would change nothing.',
      lines: [],
    });
  });

  it('says sync is off', () => {
    expect(describePreview({ ...none, claimed: ['Eng'] }, 'OFF').summary).toBe(
      'The claim names 1 group: Eng. Group sync is off, so a sign-on would change nothing.',
    );
  });

  it('lists each outcome that has names', () => {
    const { summary, lines } = describePreview(
      { claimed: ['Ops', 'secret-x', 'Nope'], join: ['Ops'], leave: ['Engineering'], create: ['Nope'], blocked: ['secret-x'] },
      'SYNC',
    );
    expect(summary).toBe('The claim names 3 groups: Ops, secret-x and Nope.');
    expect(lines.map((line) => line.heading)).toEqual([
      'Would join 1 group',
      'Would create and join 1 group',
      'Would end 1 membership from single sign-on',
      'Would ignore 1 group (blocked)',
    ]);
  });

  it('says when nothing would change', () => {
    expect(describePreview({ ...none, claimed: ['Eng'] }, 'ADD_ONLY').summary).toBe(
      'The claim names 1 group: Eng. A sign-on would change none of their memberships.',
    );
  });
});
