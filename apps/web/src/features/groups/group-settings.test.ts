import { describe, expect, it } from 'vitest';
import { parseMetadata, settingsChanges, settingsValuesOf, type GroupSettingsSource } from './group-settings';

const group: GroupSettingsSource = {
  name: 'Ops',
  description: 'Operations',
  internal: true,
  hidden: false,
  open: false,
  public: false,
  restricted: false,
  shareable: 'MEMBERS',
  maxMembers: null,
  metadata: { team: 'ops' },
};

describe('parseMetadata', () => {
  it('accepts an object and treats empty text as {}', () => {
    expect(parseMetadata('{"a": 1}')).toEqual({ value: { a: 1 } });
    expect(parseMetadata('   ')).toEqual({ value: {} });
  });

  it.each([
    ['{a: 1}', 'not valid JSON'],
    ['[1, 2]', 'must be a JSON object'],
    ['null', 'must be a JSON object'],
    ['"text"', 'must be a JSON object'],
  ])('refuses %j', (text, fragment) => {
    const result = parseMetadata(text);
    expect('error' in result && result.error).toContain(fragment);
  });

  it('refuses more than 16 KB', () => {
    const result = parseMetadata(JSON.stringify({ big: 'x'.repeat(17 * 1024) }));
    expect('error' in result && result.error).toContain('16 KB');
  });
});

describe('settingsChanges', () => {
  const initial = settingsValuesOf(group);

  it('sends nothing when nothing changed', () => {
    expect(settingsChanges(initial, { ...initial })).toEqual({ input: {}, errors: {} });
  });

  it('sends only the changed fields, with the name trimmed', () => {
    const current = { ...initial, name: '  Operations ', internal: false, open: true, shareable: 'ANYONE' as const };
    expect(settingsChanges(initial, current).input).toEqual({
      name: 'Operations',
      internal: false,
      open: true,
      shareable: 'ANYONE',
    });
  });

  it('sends null to remove the member limit and a number to set one', () => {
    const limited = settingsValuesOf({ ...group, maxMembers: 10 });
    expect(settingsChanges(limited, { ...limited, maxMembers: '' }).input).toEqual({ maxMembers: null });
    expect(settingsChanges(initial, { ...initial, maxMembers: 5 }).input).toEqual({ maxMembers: 5 });
  });

  it('sends metadata only when its meaning changed, and reports bad JSON', () => {
    expect(settingsChanges(initial, { ...initial, metadata: '{"team":"ops"}' }).input).toEqual({});
    expect(settingsChanges(initial, { ...initial, metadata: '{"team":"infra"}' }).input).toEqual({
      metadata: { team: 'infra' },
    });
    expect(settingsChanges(initial, { ...initial, metadata: '{' }).errors).toEqual({
      metadata: 'This is not valid JSON. Check quotes, commas and braces.',
    });
  });
});
