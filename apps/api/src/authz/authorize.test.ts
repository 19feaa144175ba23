import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorize, can, rule } from './authorize';
import type { Viewer } from './viewer';
import { errors } from '../common/errors';

const viewer = (isAdmin: boolean): Viewer =>
  ({ userId: 'u1', isAdmin, kind: 'HUMAN', permissions: new Set<string>(), actor: { id: 'u1', label: 'U' } }) as unknown as Viewer;

const table = {
  edit: rule(
    (v, f: { owner: string }) => v.isAdmin || f.owner === v.userId,
    (_v, f) => errors.forbidden('NOT_OWNER', `Only ${f.owner} edits it.`),
  ),
  peek: rule((v) => v.isAdmin),
};

describe('authorize and can read the same row', () => {
  it('can answers the row; authorize passes or throws the row’s own refusal', () => {
    expect(can(table, 'edit', viewer(false), { owner: 'u1' })).toBe(true);
    expect(can(table, 'edit', viewer(false), { owner: 'u2' })).toBe(false);
    expect(() => authorize(table, 'edit', viewer(false), { owner: 'u1' })).not.toThrow();
    expect(() => authorize(table, 'edit', viewer(false), { owner: 'u2' })).toThrow(/Only u2 edits it/);
    try {
      authorize(table, 'edit', viewer(false), { owner: 'u2' });
    } catch (error) {
      expect((error as { extensions: unknown }).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWNER' });
    }
    // A row is also its own predicate, with the same answer.
    expect(table.edit(viewer(true), { owner: 'u2' })).toBe(true);
    expect(can(table, 'peek', viewer(false))).toBe(false);
  });

  it('the types check rule names, facts, and that an authorized row refuses', () => {
    // @ts-expect-error: no such row
    expect(() => can(table, 'nope', viewer(true))).toThrow();
    // @ts-expect-error: the facts are missing
    can(table, 'edit', viewer(true));
    // @ts-expect-error: `peek` carries no refusal, so a service cannot authorize by it
    authorize(table, 'peek', viewer(true));
  });
});

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Where a FORBIDDEN may still be thrown by hand, and why. Every other refusal is a named row of a
 * policy table (*.policy.ts), thrown by `authorize`.
 */
const EXEMPT: Record<string, string> = {
  'common/errors.ts': 'defines errors.forbidden',
  'authz/authorize.ts': 'throws the rows’ refusals',
  'authz/auth-checker.ts': '@Authorized on root fields, before any service runs',
  'modules/auth/auth.service.ts': 'sign-up has no viewer: REGISTRATION_CLOSED is the instance’s state',
  'modules/requests/requester-eligibility.ts': 'the requester’s state re-checked at approval (REQUESTER_NOT_ELIGIBLE), not the viewer’s rights',
};

describe('services refuse through their policy table', () => {
  it('no FORBIDDEN is thrown outside authorize and the policy tables', () => {
    const offenders = sourceFiles(SRC)
      .map((path) => relative(SRC, path).split('\\').join('/'))
      .filter((file) => !file.endsWith('.policy.ts') && !(file in EXEMPT))
      .filter((file) => /errors\.forbidden\(|AppError\(\s*'FORBIDDEN'/.test(readFileSync(join(SRC, file), 'utf8')));
    expect(offenders, 'name the rule as a row of the slice’s *.policy.ts and call authorize(policy, row, viewer, …facts)').toEqual([]);
  });

  it('viewerCan and viewerAbilities are answered by `can` on policy rows, not re-derived', () => {
    const derived: string[] = [];
    for (const path of sourceFiles(SRC).filter((p) => p.endsWith('.resolver.ts'))) {
      const text = readFileSync(path, 'utf8');
      // Each ability resolver's body: from its name to the next decorator, doc comment or the class's end.
      for (const match of text.matchAll(/\n\s+(?:async\s+)?(viewerCan\w*|viewerAbilities)\(([\s\S]*?)(?=\n\s+@|\n\s*\/\*\*|\n}\n)/g)) {
        if (/\.isAdmin\b|holds\(|permissions\.has\(/.test(match[2]!)) derived.push(`${relative(SRC, path)}: ${match[1]}`);
      }
    }
    expect(derived, 'produce every ability with can(policy, row, viewer, …facts)').toEqual([]);
  });
});
