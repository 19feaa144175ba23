import { describe, expect, it } from 'vitest';
import { clipText, inputProblems, MAX_INPUT_DEPTH, MAX_LIST_ITEMS, unstorableText } from './storable-text';

describe('unstorableText', () => {
  it.each([
    ['plain text', 'Engineering'],
    ['tabs and line breaks', 'line one\r\nline two\tindented'],
    ['right-to-left text and bidi controls', 'שלום \u202eעולם\u202c مرحبا'],
    ['emoji, including surrogate pairs and joiners', '👩‍👩‍👧‍👦🏳️‍🌈 😀'],
    ['combining marks and C1 controls', 'Z̷a̶l̵g̴o \u0085'],
    ['the empty string', ''],
  ])('accepts %s', (_label, text) => {
    expect(unstorableText(text, 'name')).toBeNull();
  });

  it.each([
    ['NUL', 'a\u0000b', /name contains the control character U\+0000 at position 1/],
    ['ESC', 'red\u001b[31m', /U\+001B at position 3/],
    ['BEL', '\u0007', /U\+0007/],
    ['vertical tab', 'a\u000bb', /U\+000B/],
    ['DEL', 'a\u007f', /U\+007F/],
    ['a lone high surrogate at the end', 'ok \ud83d', /unpaired surrogate \(U\+D83D at position 3\)/],
    ['a lone low surrogate', '\udc00 low', /unpaired surrogate \(U\+DC00 at position 0\)/],
    ['a pair in the wrong order', '\ude00\ud83d', /unpaired surrogate \(U\+DE00/],
  ])('refuses %s, naming the field and the character', (_label, text, message) => {
    expect(unstorableText(text, 'name')).toMatch(message);
  });
});

describe('inputProblems', () => {
  it('names the place of each problem in nested objects and lists', () => {
    const problems = inputProblems({ description: 'a\u0000', read: { userIds: ['ok', 'x\u0001'] }, when: new Date(0) }, 'input');
    expect(problems.map((p) => p.field)).toEqual(['input.description', 'input.read.userIds.1']);
  });

  it("names an object's own fields without a prefix when its path is ''", () => {
    expect(inputProblems({ description: '\u0000', metadata: { a: ['\u0007'] } }, '').map((p) => p.field)).toEqual(['description', 'metadata.a.0']);
  });

  it('checks the keys of JSON objects too, without echoing the bad key into the path', () => {
    const problems = inputProblems({ metadata: { 'k\u0000': 1, nested: { '\ud800': 'v' } } }, 'input');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ field: 'input.metadata', message: expect.stringMatching(/A key in input.metadata contains .*U\+0000/) });
    expect(problems[1]?.field).toBe('input.metadata.nested');
  });

  it(`refuses values nested more than ${MAX_INPUT_DEPTH} deep as the field holding them, without overflowing`, () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(inputProblems({ metadata: deep }, 'input')).toEqual([{ field: 'input.metadata', message: `input.metadata is nested more than ${MAX_INPUT_DEPTH} levels deep.` }]);
    let shallow: unknown = 'leaf';
    for (let i = 0; i < MAX_INPUT_DEPTH - 2; i++) shallow = [shallow];
    expect(inputProblems({ metadata: shallow }, 'input')).toEqual([]);
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(inputProblems({ n: Infinity, m: Number.NaN, ok: 1.5 }, 'metadata').map((p) => p.field)).toEqual(['metadata.n', 'metadata.m']);
  });

  it('stops at 20 problems however many there are', () => {
    expect(inputProblems(Array.from({ length: 1_000 }, () => '\u0000'), 'ids')).toHaveLength(20);
  });

  it(`refuses lists longer than ${MAX_LIST_ITEMS} items, without looking at each`, () => {
    expect(inputProblems(Array.from({ length: MAX_LIST_ITEMS }, () => 'id'), 'ids')).toEqual([]);
    expect(inputProblems({ userIds: Array.from({ length: 10_000 }, () => '\u0000') }, 'input')).toEqual([
      { field: 'input.userIds', message: 'input.userIds has 10000 items; at most 1,000 are taken in one call.' },
    ]);
  });
});

describe('clipText', () => {
  it('cuts to the limit without splitting a surrogate pair', () => {
    expect(clipText('short', 10)).toBe('short');
    expect(clipText('abcdef', 4)).toBe('abcd');
    expect(clipText('abc😀', 4)).toBe('abc');
    expect(clipText('ab😀', 4)).toBe('ab😀');
    expect(unstorableText(clipText('😀'.repeat(200), 201), 'x')).toBeNull();
  });
});
